import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, started first. Without vitest's cache of earlier durations (a fresh clone, CI) it
 * starts larger files first, and scale.test.ts is small: it started near the end and ran alone for its last half
 * minute (one thread: its 150,000-row ledger is built and read in this process). With the cache, vitest's own order
 * (longest first) mostly comes out the same; the listed files always start first, in this order, whatever vitest
 * would have chosen (a stable sort after vitest's own).
 */
/*
 * The unit project's two slowest files come next: small files, so vitest started them last, and the run ended with
 * them alone on one core (the full suite at load 7-10: architecture.test.ts reading every source with TypeScript's
 * parser, then delimited-chunks.test.ts's 1 MiB lines, the last 20 s with the other worker idle).
 */
const LONGEST = [
  'test/e2e/scale.test.ts',
  'test/e2e/robustness.test.ts',
  'test/e2e/shared-day.test.ts',
  'test/e2e/engines.test.ts',
  'test/architecture.test.ts',
  'test/cli/delimited-chunks.test.ts',
];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = LONGEST.findIndex((name) => spec.moduleId.endsWith(name));
      return at === -1 ? LONGEST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    setupFiles: ['test/setup-require.ts', 'test/setup-buffers.ts'],
    // End-to-end tests spawn the built CLI; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Three test files at a time on 2 cores (vitest's default is one fewer than the cores: one here).
    // Many end-to-end files wait on child processes, a PostgreSQL server, a browser, a terminal or a
    // time limit, so a third file uses the time the others spend waiting (issue 25: the suite's time).
    // Idle, one sitting: with two, 121-129 s for npm test and about 1.75 cores busy; with three, 98 s.
    // Every file makes its own directories and schemas; two passed at load 14-17 (1,474 tests).
    maxWorkers: 3,
    // The suite must not depend on the machine's zone: run it in a zone far from China's.
    env: { TZ: 'America/St_Johns' },
    sequence: { sequencer: LongestFirst },
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
          // File after file in the same worker process too: each file makes its own directories, schemas, servers
          // and terminals and removes them, and none changes process.env, the working directory or a module (no
          // vi.mock). The harness's command thread then loads the bundles once per worker, not once per file.
          // 37 of these files: 51.3 s of CPU isolated, 34.8 s not (440 tests passed both ways, load 17).
          isolate: false,
        },
      },
    ],
  },
});
