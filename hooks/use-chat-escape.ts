'use client';
// Esc stops a streaming reply from anywhere in the chat (a message's buttons, the list), not only from the
// composer; outside the chat (a dialog, the engine drawer) Esc keeps its own meaning.
import { type RefObject, useEffect } from 'react';

export function useChatEscape(root: RefObject<HTMLElement | null>, isStreaming: boolean, stop: () => void) {
  useEffect(() => {
    if (!isStreaming) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (e.target instanceof Node && root.current?.contains(e.target)) stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root, isStreaming, stop]);
}
