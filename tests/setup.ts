import { vi } from 'vitest';

// `server-only` throws outside a React Server Components build; the modules behind it are plain Node code.
vi.mock('server-only', () => ({}));
