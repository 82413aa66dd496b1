// Zod compiles a fast parser for each object schema with `new Function`, and probes whether it may the first
// time a schema is built. Pages run under a CSP without 'unsafe-eval', so the probe alone makes the browser
// report a violation on every page load; parsing without JIT is fast enough for this app's small bodies.
// Imported first by instrumentation.ts (server) and, in the browser, by each module that builds schemas
// (the chat page loads zod only with the console or an export); zod/mini sets no locale, and without English
// set here its messages would read "Invalid input" instead of saying what is wrong.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config({ jitless: true, ...en() });
