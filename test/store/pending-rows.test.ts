// An import's new people go to SQLite several at a time, one multi-row INSERT per table
// (src/store/sqlite/pending-rows.ts), on a ledger whose person keys are checked at commit (schema v6). Such a
// statement would otherwise keep a statement journal of the pages it changes, which SQLite writes to a temporary
// file past 64 KiB: a file holding the rows' pages (identity numbers among them), unlinked as it is opened, so that
// no directory listing shows it. These tests look for it among the process's open files while the import's
// transaction is open (Linux's /proc), and check that the keys and the other constraints still hold.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { checkCharacter } from '../../src/core/citizen-id.js';
import type { Fact } from '../../src/core/events.js';
import { openSqliteStore } from '../../src/store/sqlite/file.js';
import type { SqliteStore } from '../../src/store/sqlite/ledger.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { rewriteAtVersion } from './older-ledger.js';

const NOW = '2026-11-24T04:00:00.000Z';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-pending-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const idOf = (i: number) => {
  const first17 = `${['110105', '310115', '440305', '510107'][i % 4]}1980${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i).padStart(3, '0').slice(-3)}`;
  return first17 + checkCharacter(first17);
};

/** SQLite's temporary files (etilqs_*) this process holds open, unlinked or not. */
function sqliteTemporaryFiles(): string[] {
  const open: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (target.includes('etilqs_')) open.push(target);
    } catch {
      // closed meanwhile (the directory's own descriptor)
    }
  }
  return open;
}

const NAME = 'Employee of a name long enough to fill pages';

/** A roster row's facts for a new person: their record, a hire, its registration. */
function row(i: number, hireKind = 'employee'): Fact[] {
  const hiredOn = `2026-0${(i % 9) + 1}-1${i % 10}` as IsoDate;
  return [
    { on: null, body: { kind: 'person.recorded', name: `${NAME} ${i}` } },
    { on: hiredOn, body: { kind: 'hire.recorded', employer: `Company ${i % 50}`, hiredOn, hireKind } as Fact['body'] },
    { on: hiredOn, body: { kind: 'hire.registered', employer: `Company ${i % 50}`, hiredOn } },
  ];
}

const open = (file: string, dryRun = false) => openSqliteStore(file, { create: true, createDirectories: false, now: NOW, dryRun })!;

/** Imports `people` new people through `immediate` in one write; the temporary files seen open after each row. */
async function importPeople(store: SqliteStore, people: number): Promise<string[]> {
  const seen = new Set<string>();
  await store.write(async (tx) => {
    for (let i = 0; i < people; i++) {
      tx.immediate!.record(idOf(i), row(i), `import line ${i + 2}`);
      for (const name of sqliteTemporaryFiles()) seen.add(name);
    }
  });
  return [...seen];
}

const count = (store: SqliteStore, table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
/** The rows an import writes for new people: persons, events, hires. */
const rowsIn = (store: SqliteStore) => [count(store, 'person'), count(store, 'event'), count(store, 'hire')];

describe.runIf(process.platform === 'linux')("an import's multi-row INSERTs", () => {
  it('on a ledger of the current version, open no temporary file, and write every row', async () => {
    const store = open(path.join(dir, 'current.db'));
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(await importPeople(store, 3000)).toEqual([]);
      expect(rowsIn(store)).toEqual([3000, 9000, 3000]);
      expect((await store.personEvents(idOf(2999))).map((e) => e.body.kind)).toEqual(['person.recorded', 'hire.recorded', 'hire.registered']);
      expect((await store.check()).cacheDifferences).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('would open one where the keys are checked at each statement (v5): the look above can see it', () => {
    const db = new Database(path.join(dir, 'v5-raw.db'));
    try {
      for (const migration of MIGRATIONS.slice(0, 5)) db.exec(migration);
      db.pragma('foreign_keys = ON');
      const people = 16;
      const values = (n: number, row: string) => Array.from({ length: n }, () => row).join(', ');
      const person = db.prepare(`INSERT OR FAIL INTO person (id, name) VALUES ${values(people, '(?, ?)')}`);
      const event = db.prepare(`INSERT OR FAIL INTO event (person_id, kind, recorded_at, data) VALUES ${values(people, "(?, 'person.recorded', 'now', ?)")}`);
      const seen = new Set<string>();
      db.transaction(() => {
        for (let batch = 0; batch < 200; batch++) {
          const ids = Array.from({ length: people }, (_, i) => idOf(batch * people + i));
          person.run(ids.flatMap((id) => [id, NAME]));
          event.run(ids.flatMap((id) => [id, JSON.stringify({ name: NAME.repeat(20) })]));
          for (const name of sqliteTemporaryFiles()) seen.add(name);
        }
      })();
      expect([...seen]).not.toEqual([]);
    } finally {
      db.close();
    }
  });

  it('on an older ledger a dry run does not migrate, write one row per INSERT: no temporary file either', async () => {
    const file = path.join(dir, 'v5.db');
    open(file).close();
    rewriteAtVersion(file, 5);
    const store = open(file, true);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(5);
      expect(await importPeople(store, 3000)).toEqual([]);
      expect(count(store, 'event')).toBe(9000);
    } finally {
      await store.close();
    }
  });

  it('still keep the person keys: an event naming nobody fails the COMMIT, and nothing of the write stays', async () => {
    const store = open(path.join(dir, 'keys.db'));
    try {
      await expect(
        store.write(async (tx) => {
          for (let i = 0; i < 20; i++) tx.immediate!.record(idOf(i), row(i), 'import');
          store.db.prepare("INSERT INTO event (person_id, kind, recorded_at) VALUES ('nobody', 'person.recorded', 'now')").run();
        }),
      ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
      expect(store.db.inTransaction).toBe(false);
      expect(rowsIn(store)).toEqual([0, 0, 0]);
    } finally {
      await store.close();
    }
  });

  it('stop at a row that breaks a constraint (OR FAIL), and the rollback takes the rows before it too', async () => {
    const store = open(path.join(dir, 'fail.db'));
    try {
      await expect(
        store.write(async (tx) => {
          // The 10th person of a batch of 16: a kind of hire the table's CHECK refuses.
          for (let i = 0; i < 20; i++) tx.immediate!.record(idOf(i), row(i, i === 9 ? 'seasonal' : 'employee'), 'import');
        }),
      ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_CHECK' });
      expect(rowsIn(store)).toEqual([0, 0, 0]);
      // The next write starts from nothing waiting.
      await store.write(async (tx) => {
        tx.immediate!.record(idOf(99), row(99), 'import');
      });
      expect(rowsIn(store)).toEqual([1, 3, 1]);
    } finally {
      await store.close();
    }
  });
});
