import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-require.ts', 'test/setup-buffers.ts'],
    // End-to-end tests spawn the built CLI; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two test files at a time even on 2 cores (vitest's default is one fewer than the cores: one here).
    // Most end-to-end files wait on child processes, a PostgreSQL server or a browser, so a second file
    // uses the time the first spends waiting (issue 25: the suite's time). Every file makes its own
    // directories and schemas; the suite passed this way at load 14-17 (1,474 tests).
    maxWorkers: 2,
    // The suite must not depend on the machine's zone: run it in a zone far from China's.
    env: { TZ: 'America/St_Johns' },
  },
});
