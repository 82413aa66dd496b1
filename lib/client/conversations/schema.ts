// The database's name and shape as stored, for readers that do not go through dexie (first-read.ts).
// Dexie stores version n as IndexedDB version n × 10: db.ts declares version 2, so the browser holds 20.
// A schema step added in db.ts must raise STORED_VERSION with it (a test checks the two agree).

export const DB_NAME = 'vlm-console';

export const STORED_VERSION = 20;

export const STORES = ['conversations', 'messages', 'images'] as const;
