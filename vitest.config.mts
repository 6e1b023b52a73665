import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
    projects: [
      {
        extends: true,
        test: {
          // The core's and the formats' own tests: functions called directly, no ledger, server or CLI run. Each
          // worker process runs file after file (isolate: false) instead of a fresh process and module graph per
          // file: test/core alone took 14.2 s of CPU that way and 6.7 s without (issue 25: the suite's time).
          // A process, not a thread: calendar-date.test.ts sets process.env.TZ, which a worker thread's copy of
          // the environment would not pass to the clock. No file here mocks a module or leaves a setting behind
          // (calendar-date puts TZ back after its tests).
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/architecture.test.ts'],
          pool: 'forks',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/store/**/*.test.ts', 'test/web/**/*.test.ts'],
          // A PostgreSQL server for the suite, and the privacy scan of every captured stderr.
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
