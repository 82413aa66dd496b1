// Storage errors in words a person can act on.

/** True for the browser's "storage full" error, however dexie wraps it. */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}

export function storageErrorMessage(error: unknown): string {
  if (isQuotaError(error)) {
    return "The browser's storage for this site is full, so this change was not saved. Export and delete old conversations to make room.";
  }
  return `Could not save to the browser's storage: ${error instanceof Error ? error.message : String(error)}`;
}
