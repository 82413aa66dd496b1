// Brings an element into view inside its nearest scrolling container only. `scrollIntoView` would also
// scroll every ancestor, including the page's overflow-hidden frame, and shift the whole layout.
export function revealInScroller(element: HTMLElement, margin = 8): void {
  let scroller = element.parentElement;
  while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY))
    scroller = scroller.parentElement;
  if (!scroller) return;
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  let delta = 0;
  if (box.top < view.top + margin) delta = box.top - view.top - margin;
  else if (box.bottom > view.bottom - margin)
    delta = Math.min(box.bottom - view.bottom + margin, box.top - view.top - margin);
  if (delta !== 0) scroller.scrollBy({ top: delta, behavior: 'smooth' });
}
