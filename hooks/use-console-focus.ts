'use client';
// Keyboard behaviour of the engine console: when the person opens it, focus moves into it; while it covers
// the page (a drawer or full-screen on a phone) Tab stays inside it; Esc closes it and focus goes back to
// what opened it (the status chip). Beside the chat on wide screens it is not modal: Esc there closes it
// only while focus is inside it (elsewhere Esc stops a reply).
import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null || el.getClientRects().length > 0,
  );
}

export function useConsoleFocus(
  panel: RefObject<HTMLElement | null>,
  options: { open: boolean; byPerson: boolean; isModal: boolean; onClose(): void },
) {
  const { open, byPerson, isModal, onClose } = options;
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  // Opened by the person: remember what had focus (the chip) and move into the console.
  useEffect(() => {
    if (!open || !byPerson) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && !panel.current?.contains(active) ? active : null;
    panel.current?.focus({ preventScroll: true });
  }, [open, byPerson, panel]);

  // Closed: give focus back to the opener when it was inside the console (else leave it where it is).
  useEffect(() => {
    if (open || !wasOpen.current) {
      wasOpen.current = open;
      return;
    }
    wasOpen.current = false;
    const back = opener.current ?? document.querySelector<HTMLElement>('[aria-controls="engine-console"]');
    const active = document.activeElement;
    if (back && (!active || active === document.body || panel.current?.contains(active))) back.focus();
    opener.current = null;
  }, [open, panel]);

  useEffect(() => {
    const root = panel.current;
    if (!open || !root) return;
    const onKey = (e: KeyboardEvent) => {
      const inside = root.contains(document.activeElement);
      if (e.key === 'Escape' && (isModal || inside)) {
        e.preventDefault();
        onClose();
        return;
      }
      if (e.key !== 'Tab' || !isModal) return;
      const items = focusables(root);
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      const active = document.activeElement;
      if (
        !inside ||
        (e.shiftKey && (active === first || active === root)) ||
        (!e.shiftKey && active === last)
      ) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    };
    // Focus that escapes anyway (a click behind the backdrop is caught by it; this is for the rest).
    const onFocusIn = (e: FocusEvent) => {
      if (isModal && e.target instanceof Node && !root.contains(e.target))
        root.focus({ preventScroll: true });
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open, isModal, onClose, panel]);
}
