// Loads dexie and the conversation store (live.ts) on first need, not with the page: the first write, or the
// person's first pointer or key press (whatever they do next may write, and the lists go live from then on).
// The first screen is read without it (first-read.ts). Nothing loads it on a timer: a page left alone keeps
// the first load light.
// Focus alone is no trigger: the composer focuses itself on mount; a person's focus comes with a press.
import { closeFirstReads } from './first-read';
import type * as Live from './live';

export type Store = typeof Live;

let store: Store | null = null;
let loading: Promise<Store> | null = null;
const waiting = new Set<() => void>();

export function loadStore(): Promise<Store> {
  loading ??= import('./live').then(
    (loaded) => {
      store = loaded;
      closeFirstReads();
      for (const listener of waiting) listener();
      waiting.clear();
      return loaded;
    },
    (error: unknown) => {
      // A chunk that failed to load (offline a moment) is asked for again next time.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The store if it has loaded, without loading it. */
export function loadedStore(): Store | null {
  return store;
}

/** Calls `listener` once the store has loaded; returns the unsubscribe. */
export function onStoreLoaded(listener: () => void): () => void {
  if (store) {
    listener();
    return () => {};
  }
  waiting.add(listener);
  return () => waiting.delete(listener);
}

const PRESSES = ['pointerdown', 'keydown'] as const;
let armed = false;

/** Loads the store on the first press anywhere on the page (once; capture, so no handler can hide it). */
export function loadStoreOnFirstPress(): void {
  if (armed || typeof window === 'undefined') return;
  armed = true;
  const load = () => {
    for (const type of PRESSES) window.removeEventListener(type, load, true);
    void loadStore().catch(() => {});
  };
  for (const type of PRESSES) window.addEventListener(type, load, { capture: true, passive: true });
}
