'use client';
// The chat settings in localStorage, shared by every component that reads them and kept in step across
// tabs (the storage event). The server render sees the defaults.
import { useCallback, useSyncExternalStore } from 'react';
import { type ChatSettings, DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY } from '@/lib/client/chat-settings';

const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cached: ChatSettings = DEFAULT_SETTINGS;

function read(): ChatSettings {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(SETTINGS_KEY);
  } catch {
    // Storage disabled (private mode, policy): the defaults apply.
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseSettings(raw);
  }
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === SETTINGS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useChatSettings() {
  const settings = useSyncExternalStore(subscribe, read, () => DEFAULT_SETTINGS);
  const update = useCallback((patch: Partial<ChatSettings>) => {
    const next = { ...read(), ...patch };
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // Not persisted; the in-memory copy below still applies for this tab.
    }
    cachedRaw = JSON.stringify(next);
    cached = next;
    for (const listener of listeners) listener();
  }, []);
  return { settings, update };
}
