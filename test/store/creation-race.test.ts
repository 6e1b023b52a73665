// Two commands creating the same new ledger at once (test/e2e/robustness.test.ts
// "loses nothing and never fails on a lock" failed about once in six runs:
// one of them was told the file "is not an sscard database"). Processes
// interleave anywhere, so this test makes every interleaving happen in one
// process: the other creator runs its whole open (the file created, WAL
// switched on, the schema made) right after the k-th SQL statement of the
// first one's open, for every k; both must then open and write, and nothing
// either wrote may be missing. The one interleaving inside a statement that
// matters (the switch to WAL, which takes its write lock from inside a read)
// is made by a second process holding that lock.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { checkCharacter } from '../../src/core/citizen-id.js';
import { connect } from '../../src/store/sqlite/connect.js';
import { openSqliteStore } from '../../src/store/sqlite/file.js';
import type { SqliteStore } from '../../src/store/sqlite/ledger.js';

const NOW = '2026-11-24T04:00:00.000Z';
const HIRED = '2026-11-01' as IsoDate;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-creation-race-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const idOf = (i: number) => {
  const first17 = `11010519800101${String(100 + i).slice(-3)}`;
  return first17 + checkCharacter(first17);
};
const open = (file: string) => openSqliteStore(file, { create: true, createDirectories: false, now: NOW })!;

/** After each SQL statement any connection to `file` runs, outside a transaction: the hook (the statement count so far). */
type Hook = (count: number) => void;
let hook: { file: string; run: Hook; count: number } | null = null;

// Every statement better-sqlite3 runs (pragmas and transactions' BEGIN/COMMIT included) goes through these: the
// prototypes of a connection made as the store makes its own (connect.ts). The addon's classes are made each time the
// addon is loaded, and the store reuses the copy it loaded first in this process (another test file's, in a worker that
// ran one before): statements of a driver this file loaded itself were not the store's, and the hook never ran (k = 1).
const probe = connect(':memory:');
const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
const patched: [Record<string, (...a: unknown[]) => unknown>, string, (...a: unknown[]) => unknown][] = [];
for (const [target, names] of [
  [statement, ['get', 'all', 'run', 'iterate']],
  [Object.getPrototypeOf(probe) as Record<string, (...a: unknown[]) => unknown>, ['exec']],
] as const) {
  for (const name of names) {
    const original = target[name]!;
    patched.push([target, name, original]);
    target[name] = function (this: { database?: Database.Database; name?: string; inTransaction?: boolean }, ...args: unknown[]) {
      const result = original.apply(this, args);
      const db = (this.database ?? this) as Database.Database;
      const current = hook;
      if (current && path.resolve(db.name) === current.file && !db.inTransaction) {
        current.count++;
        hook = null; // the other creator's own statements are not counted
        try {
          current.run(current.count);
        } finally {
          hook = current;
        }
      }
      return result;
    };
  }
}
afterAll(() => {
  for (const [target, name, original] of patched) target[name] = original;
  probe.close();
});

const opened: SqliteStore[] = [];
afterEach(async () => {
  hook = null;
  for (const store of opened.splice(0)) await store.close();
});

async function hire(store: SqliteStore, i: number): Promise<void> {
  await store.write((tx) =>
    tx.record(
      idOf(i),
      [
        { on: null, body: { kind: 'person.recorded', name: `P${i}` } },
        { on: HIRED, body: { kind: 'hire.recorded', employer: 'Acme', hiredOn: HIRED, hireKind: 'employee' } },
      ],
      'test',
    ),
  );
}

const eventCount = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM event').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('two commands creating the same new ledger', () => {
  for (const start of ['absent', 'empty'] as const) {
    it(`both open and write, whichever statement of the first the second's whole open lands after (the file ${start} at first)`, async () => {
      let k = 1;
      for (; ; k++) {
        const file = path.join(dir, `${start}-${k}.db`);
        if (start === 'empty') fs.writeFileSync(file, '', { mode: 0o600 }); // another command's first step
        let other: SqliteStore | null = null;
        hook = {
          file,
          count: 0,
          run: (count) => {
            if (count === k) {
              other = open(file);
              opened.push(other);
            }
          },
        };
        let first: SqliteStore;
        try {
          first = open(file);
        } catch (error) {
          throw new Error(`the second creator's open after statement ${k} of the first's: ${(error as Error).message}`);
        }
        hook = null;
        opened.push(first);
        if (other === null) break; // the first's open had fewer than k statements: every interleaving was tried
        await hire(first, 1);
        await hire(other, 2);
        expect(eventCount(file), `after statement ${k}`).toBe(4);
        for (const store of opened.splice(0)) await store.close();
      }
      console.log(`creation race (file ${start} at first): the second creator's open tried after each of the first's ${k - 1} statements`);
      expect(k).toBeGreaterThan(5);
    });
  }
});

describe('a creator switching the blank file to WAL while another command holds its write lock', () => {
  it('waits for the lock, as any write does, instead of failing at once with "database is locked"', async () => {
    // The lock is held for a second: long enough for this process to reach its switch while it is held.
    const file = path.join(dir, 'held.db');
    fs.writeFileSync(file, '', { mode: 0o600 });
    // Where another creator stands in the middle of its own switch: the file still in rollback mode, its write lock
    // held. SQLite answers a switch asking for that lock from inside a read with SQLITE_BUSY at once, not after the
    // busy timeout (two such creators failed test/e2e/robustness.test.ts's concurrent writers once).
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
const db = new Database(process.argv[1], { fileMustExist: true });
db.exec('BEGIN IMMEDIATE');
process.stdout.write('held\\n');
setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, 1000);`,
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(holder, 'exit');
    await once(holder.stdout, 'data');
    let store: SqliteStore;
    try {
      store = open(file); // waits (synchronously) until the holder lets go
    } finally {
      const [code] = await exited;
      expect(code).toBe(0);
    }
    opened.push(store);
    const look = new Database(file, { readonly: true });
    expect(look.pragma('journal_mode', { simple: true })).toBe('wal');
    look.close();
    await hire(store, 1);
    expect(eventCount(file)).toBe(2);
  });
});
