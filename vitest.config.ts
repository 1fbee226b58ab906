import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // One fixed fast-check seed for every property test (printed at the start of the run).
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    globalSetup: ['test/setup/printSeed.ts'],
  },
});
