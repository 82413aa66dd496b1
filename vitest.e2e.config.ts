import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests: the built app in Debian's Chromium through playwright-core. One file at a time: each
// starts its own app server and browser, and the machine has two cores.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
    fileParallelism: false,
  },
});
