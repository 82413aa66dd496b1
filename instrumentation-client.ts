// Runs in the browser before the app's own code: zod must be configured before any schema is built.
import './lib/zod-config';
