'use client';
// A stored list for React, as dexie-react-hooks' useLiveQuery gave it but without dexie on the first load:
// read once with the raw first-screen reader until dexie has loaded (nothing can change before that but by
// the person's action, which loads it), then live through dexie's liveQuery, which re-runs when a row it
// read changes, in this tab or another. undefined until the first answer; a new query keeps showing the
// last answer until its own comes, and a storage error is thrown to the error boundary, as useLiveQuery did.
import { type DependencyList, useEffect, useState } from 'react';
import {
  loadedStore,
  loadStore,
  loadStoreOnFirstPress,
  onStoreLoaded,
  type Store,
} from '@/lib/client/conversations/load-store';

export function useStoredQuery<T>(
  /** The raw read; null when it cannot answer, which loads dexie at once. */
  first: () => Promise<T | null>,
  live: (store: Store) => Promise<T> | T,
  deps: DependencyList,
): T | undefined {
  const [result, setResult] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [store, setStore] = useState(loadedStore);

  useEffect(() => onStoreLoaded(() => setStore(loadedStore())), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps stand for `first` and `live`, as with useLiveQuery
  useEffect(() => {
    if (store) {
      const subscription = store
        .liveQuery(() => live(store))
        .subscribe({
          next: (value) => {
            setError(null);
            setResult(value);
          },
          error: setError,
        });
      return () => subscription.unsubscribe();
    }
    let current = true;
    loadStoreOnFirstPress();
    void first().then((value) => {
      if (!current) return;
      if (value === null) void loadStore().catch(setError);
      else setResult(value);
    });
    return () => {
      current = false;
    };
  }, [store, ...deps]);

  if (error) throw error;
  return result;
}
