import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run when a process a test started outlives the tests.
    globalSetup: ['test/support/no-process-left.ts'],
    // Integration and browser tests share the machine's brokers and two cores: one file at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
