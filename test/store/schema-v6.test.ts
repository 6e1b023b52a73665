// Schema v6 (issue 31; src/store/sqlite/schema.ts): the person keys of hire, card, ecard and event are checked at
// commit. The migration edits the constraints' text in sqlite_schema (SQLite's writable_schema), so it must keep
// every stored byte's meaning: every row as it was, the file sound, a damaged ledger's orphan still named by
// `check`, and every other connection reading the new schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { checkCharacter } from '../../src/core/citizen-id.js';
import type { Fact } from '../../src/core/events.js';
import { expectedSchema, openSqliteStore } from '../../src/store/sqlite/file.js';
import { SCHEMA_QUERY, SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { rewriteAtVersion } from './older-ledger.js';

const NOW = '2026-11-24T04:00:00.000Z';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-schema-v6-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const idOf = (i: number) => {
  const first17 = `1101051980${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const TABLES = ['person', 'hire', 'card', 'ecard', 'event', 'employer', 'calendar_year', 'contribution_year'];

/** Every row of every table, in a fixed order. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all()]));
  } finally {
    db.close();
  }
}

/** A ledger of `version` holding people with hires, a card and an e-card, and (if asked) a hire naming nobody. */
async function ledgerAt(name: string, version: number, orphan: boolean): Promise<string> {
  const file = path.join(dir, name);
  const store = openSqliteStore(file, { create: true, createDirectories: false, now: NOW })!;
  await store.write(async (tx) => {
    for (let i = 0; i < 30; i++) {
      const hiredOn = `2026-10-${String((i % 28) + 1).padStart(2, '0')}` as IsoDate;
      const facts: Fact[] = [
        { on: null, body: { kind: 'person.recorded', name: `Person ${i}` } },
        { on: hiredOn, body: { kind: 'hire.recorded', employer: 'Company', hiredOn, hireKind: 'employee' } },
      ];
      await tx.record(idOf(i), facts, 'test');
    }
    await tx.record(idOf(1), [{ on: '2026-10-02' as IsoDate, body: { kind: 'ecard.claimed', channel: 'alipay' } }], 'test');
  });
  await store.close();
  rewriteAtVersion(file, version);
  if (orphan) {
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO hire (person_id, kind, employer, hired_on) VALUES ('nobody', 'employee', 'Gone', '2026-10-01')").run();
    db.close();
  }
  return file;
}

describe('the v6 migration', () => {
  it('keeps every row, leaves the file sound and of the current schema, and checks the keys at commit', async () => {
    const file = await ledgerAt('v5.db', 5, false);
    const before = dump(file);
    expect(before.ecard).toHaveLength(1);
    const store = openSqliteStore(file, { create: false, createDirectories: false, now: NOW })!;
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(JSON.stringify(store.db.prepare(SCHEMA_QUERY).all())).toBe(expectedSchema(SCHEMA_VERSION));
      expect(store.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const texts = store.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%REFERENCES person%' ORDER BY name").all() as {
        name: string;
        sql: string;
      }[];
      expect(texts.map((t) => t.name)).toEqual(['card', 'ecard', 'event', 'hire']);
      for (const t of texts) expect(t.sql).toContain('REFERENCES person(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,');
      expect((await store.check()).ok).toBe(true);
      // Deferred: the statement goes through, the COMMIT does not, and the rollback leaves nothing.
      await expect(
        store.write(async () => {
          store.db.prepare("INSERT INTO ecard (person_id, claimed_on) VALUES ('nobody', '2026-10-01')").run();
        }),
      ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    } finally {
      await store.close();
    }
    expect(dump(file)).toEqual(before);
  });

  it("leaves a damaged ledger's row naming nobody where it was, for check to name", async () => {
    const file = await ledgerAt('orphan.db', 5, true);
    const before = dump(file);
    const store = openSqliteStore(file, { create: false, createDirectories: false, now: NOW })!;
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const check = await store.check();
      expect(check.ok).toBe(false);
      expect(check.problems.join(' ')).toMatch(/foreign key/i);
    } finally {
      await store.close();
    }
    expect(dump(file)).toEqual(before);
  });

  it('is seen by a connection opened before it: that one checks the keys at commit too', async () => {
    const file = await ledgerAt('other.db', 5, false);
    const other = new Database(file);
    try {
      other.pragma('foreign_keys = ON');
      expect(other.prepare('SELECT count(*) FROM hire').pluck().get()).toBe(30); // its schema read, as of v5
      openSqliteStore(file, { create: false, createDirectories: false, now: NOW })!.close();
      other.exec('BEGIN');
      // At v5 this statement itself would fail; after the migration only the COMMIT does.
      other.prepare("INSERT INTO hire (person_id, kind, employer, hired_on) VALUES ('nobody', 'employee', 'Gone', '2026-10-01')").run();
      expect(() => other.exec('COMMIT')).toThrow(/FOREIGN KEY/);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
  });
});
