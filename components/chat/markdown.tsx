'use client';
// Loads the Markdown renderer (Streamdown + KaTeX + Shiki) only when a reply is on screen, keeping it out of
// the first page load. Until it has arrived the text shows plain and wrapped, so nothing waits on it.
import { lazy, Suspense } from 'react';
import type { MarkdownRendererProps } from './markdown-renderer';

const load = () => import('./markdown-renderer');
const Renderer = lazy(() => load().then((m) => ({ default: m.MarkdownRenderer })));

export function Markdown(props: MarkdownRendererProps) {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap break-words">{props.text}</div>}>
      <Renderer {...props} />
    </Suspense>
  );
}

/** Starts fetching the renderer early (the person is typing) so the first reply does not wait for it. */
export function preloadMarkdown(): void {
  void load();
}
