import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run bench`: scenarios run as Vitest files (so they share the test helpers), one at a time; the
// figures are printed as one table at the end and kept in test-results/bench.json. Nothing here asserts
// a time: a benchmark reports, the tests decide.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    // BENCH_PROFILE=1: the profiling tools (bench/*.profile.ts) instead of the benchmark.
    include: process.env.BENCH_PROFILE ? ['bench/**/*.profile.ts'] : ['bench/**/*.bench.ts'],
    globalSetup: ['bench/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
    fileParallelism: false,
  },
});
