// Everything of the conversation store that needs dexie, as one chunk that load-store.ts imports on first
// need: the connection, the reads and writes, and liveQuery for the lists that follow the database.
export { liveQuery } from 'dexie';
export { consoleDb } from './db';
export { imageBlob } from './images';
export * from './store';
