// Runs the built CLI (bin/sscard, what users run) as a separate process
// against a temporary ledger, with a fixed "today" and a clean environment.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { inject } from 'vitest';

export const BIN = path.resolve(__dirname, '../../bin/sscard');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

export interface Ledger {
  dir: string;
  db: string;
  /** Runs `sscard --db <tmp> ...args`; `today` is passed as SSCARD_TODAY unless args carry --as-of. */
  run(args: string[], options?: { today?: string; env?: Record<string, string>; input?: string }): RunResult;
  /** The file's bytes (after the process closed it), for "nothing changed" checks. */
  bytes(): Buffer | null;
  query<T = any>(sql: string, ...params: unknown[]): T[];
  cleanup(): void;
}

export function run(args: string[], env: Record<string, string> = {}, input = ''): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      // A zone far from China's: results must not depend on it.
      TZ: 'America/St_Johns',
      LANG: 'C',
      ...env,
    },
    timeout: 60_000,
    maxBuffer: 256 << 20, // a whole ledger's export
  });
  logStderr(result.stderr);
  let json: any;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    // not JSON output
  }
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, json };
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
      return run(['--db', db, ...args], { SSCARD_TODAY: options.today ?? today, ...(options.env ?? {}) }, options.input ?? '');
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
