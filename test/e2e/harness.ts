// Runs the built CLI (the bundles of bin/sscard, what users run) against a
// temporary ledger, with a fixed "today" and a clean environment: inside the
// test process by default (main(argv, io) on a worker thread, in-memory
// streams, a fixed instant: test/e2e/in-process-worker.cjs), and as a
// process of its own where only a process shows the behaviour: another time
// zone (TZ is the process's), a TMPDIR of its own, the PostgreSQL driver's PG* variables (it
// reads the process's environment), or `{ process: true }` (start-up, the
// executable itself). SSCARD_TEST_PROCESSES=1 runs every command as a
// process, as before; SSCARD_TEST_COUNT=<file> appends a line per command run, saying how.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, inject } from 'vitest';

export const BIN = path.resolve(__dirname, '../../bin/sscard');
const ROOT = path.resolve(__dirname, '../..');

/** The instant an in-process run happens at (noon in China on the harness's default today); a process of its own reads the clock. */
export const NOW = '2026-11-24T04:00:00.000Z';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

export interface RunOptions {
  /** A process of its own (bin/sscard), for what only a process shows. */
  readonly process?: boolean;
}

export interface Ledger {
  dir: string;
  db: string;
  /** Runs `sscard --db <tmp> ...args`; `today` is passed as SSCARD_TODAY unless args carry --as-of. */
  run(args: string[], options?: { today?: string; env?: Record<string, string>; input?: string; process?: boolean }): RunResult;
  /** The file's bytes (after the command closed it), for "nothing changed" checks. */
  bytes(): Buffer | null;
  query<T = any>(sql: string, ...params: unknown[]): T[];
  cleanup(): void;
}

/**
 * How long one command may take before it counts as hung: the longest test's timeout (scale.test.ts). 60 s was
 * too short on a loaded machine: at load 15, due on 150,000 open deadlines took longer in this process and failed.
 */
const ANSWER_WITHIN_MS = 180_000;

/** Counts each command the harness runs, in a process or in this one, when SSCARD_TEST_COUNT names a file (issue 25's figures). */
function count(how: 'process' | 'in-process'): void {
  if (process.env.SSCARD_TEST_COUNT) fs.appendFileSync(process.env.SSCARD_TEST_COUNT, `${how}\n`);
}

export function run(args: string[], env: Record<string, string> = {}, input = '', options: RunOptions = {}): RunResult {
  const fullEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    // A zone far from China's: results must not depend on it.
    TZ: 'America/St_Johns',
    LANG: 'C',
    ...env,
  };
  const needsProcess =
    options.process ||
    process.env.SSCARD_TEST_PROCESSES === '1' ||
    env.TZ !== undefined ||
    // TMPDIR is the process's (os.tmpdir() in this one would not see it): a test that counts what is left there needs a process.
    env.TMPDIR !== undefined ||
    Object.keys(env).some((name) => name.startsWith('PG'));
  const result = needsProcess ? inOwnProcess(args, fullEnv, input) : inThisProcess(args, fullEnv, input);
  logStderr(result.stderr);
  let json: any;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    // not JSON output
  }
  return { ...result, json };
}

function inOwnProcess(args: string[], env: Record<string, string>, input: string): Omit<RunResult, 'json'> {
  count('process');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env,
    timeout: ANSWER_WITHIN_MS,
    maxBuffer: 256 << 20, // a whole ledger's export
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

interface Runner {
  readonly worker: Worker;
  readonly answers: MessagePort;
  readonly done: Int32Array;
}
let runner: Runner | null = null;
/** Nothing ever notifies it: Atomics.wait on it is a short sleep. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

function startRunner(): Runner {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(__dirname, 'in-process-worker.cjs'), {
    workerData: { root: ROOT, done: done.buffer, answers: port2 },
    transferList: [port2],
    // The commands' environment is each run's io.env; the thread's own is the suite's.
    stdout: false,
    stderr: false,
  });
  worker.unref();
  port1.unref();
  return { worker, answers: port1, done };
}

afterAll(async () => {
  const worker = runner?.worker;
  runner = null;
  await worker?.terminate();
});

function inThisProcess(args: string[], env: Record<string, string>, input: string): Omit<RunResult, 'json'> {
  count('in-process');
  runner ??= startRunner();
  const { worker, answers, done } = runner;
  Atomics.store(done, 0, 0);
  worker.postMessage({ argv: args, env, input, now: NOW });
  const deadline = Date.now() + ANSWER_WITHIN_MS;
  const waited = Atomics.wait(done, 0, 0, ANSWER_WITHIN_MS);
  // The flag can be seen before the answer can be received (the full suite at load 14 once found no answer after
  // the wake-up: fuzz.test.ts read undefined.crashed); the answer is then looked for again until the deadline.
  let received = receiveMessageOnPort(answers);
  while (received === undefined && waited !== 'timed-out' && Date.now() < deadline) {
    Atomics.wait(PAUSE, 0, 0, 5);
    received = receiveMessageOnPort(answers);
  }
  if (received === undefined) {
    // A command that never finished (a process would have been killed by spawnSync's timeout): a fresh thread for the next.
    runner = null;
    void worker.terminate();
    return { code: -1, stdout: '', stderr: `sscard ${args.join(' ')}: no answer within ${ANSWER_WITHIN_MS / 1000} s\n` };
  }
  const answer = received.message as { code: number; stdout: string; stderr: string; crashed?: boolean };
  if (answer.crashed) {
    runner = null;
    void worker.terminate();
  }
  return { code: answer.code, stdout: answer.stdout, stderr: answer.stderr };
}

export type Engine = 'sqlite' | 'postgres';

/** A fresh, empty PostgreSQL ledger on the suite's server (test/global-setup.ts): a schema of its own. */
export function pgLedgerUrl(url = inject('pgUrl')): string {
  const u = new URL(url);
  u.searchParams.set('schema', `${inject('pgPrefix')}${Math.random().toString(36).slice(2, 10)}`);
  return u.toString();
}

/** `engine`: a SQLite file (default), or a PostgreSQL URL with a schema of its own (query() and bytes() are SQLite's only). */
export function tempLedger(today = '2026-11-24', engine: Engine = 'sqlite'): Ledger {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-test-'));
  const db = engine === 'postgres' ? pgLedgerUrl() : path.join(dir, 'ledger.db');
  return {
    dir,
    db,
    run(args, options = {}) {
      return run(['--db', db, ...args], { SSCARD_TODAY: options.today ?? today, ...(options.env ?? {}) }, options.input ?? '', { process: options.process });
    },
    bytes() {
      if (engine === 'postgres') throw new Error('bytes(): a SQLite ledger only');
      return fs.existsSync(db) ? fs.readFileSync(db) : null;
    },
    query(sql, ...params) {
      if (engine === 'postgres') throw new Error('query(): a SQLite ledger only');
      const conn = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return conn.prepare(sql).all(...params) as any[];
      } finally {
        conn.close();
      }
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file that starts sscard itself (node with a preload, a shell redirection, `node -e`): a temporary
 * directory holding its ledger, and the clean environment such a process runs in (HOME the directory, SSCARD_DB its
 * ledger, a fixed today, no colour, a zone far from China's); the directory is removed after the file's tests.
 */
export function processLedger(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sscard-${name}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    TZ: 'America/St_Johns',
    LANG: 'C',
    NO_COLOR: '1',
    SSCARD_TODAY: '2026-11-24',
    SSCARD_DB: path.join(dir, 'ledger.db'),
  };
  return { dir, env };
}

/** No stack trace, no unmasked test ID: what every error output must satisfy. */
export function expectCleanError(text: string, secrets: string[] = []): void {
  if (/\n\s+at .+:\d+:\d+/.test(text)) throw new Error(`stack trace in output:\n${text}`);
  for (const secret of secrets) if (text.includes(secret)) throw new Error(`unmasked ID in output:\n${text}`);
}

/** Every captured stderr goes to the suite-wide privacy scan (test/global-setup.ts). */
export function logStderr(stderr: string): void {
  if (stderr === '') return;
  fs.appendFileSync(path.join(inject('stderrLog'), `${process.pid}.log`), `${stderr}\u0000`);
}

/** Seeded, so that a failing trial can be replayed (mulberry32). */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
