import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{apps,packages}/*/{src,test}/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/build/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Polls wait for real processes (worker, browser); a loaded 2-core CI box needs more than 1 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // Two cores: integration files start real processes, so run two files at a time at most.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
