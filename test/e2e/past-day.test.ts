// Issue 31: a past day's views (`due --as-of`, `export --as-of`, `people
// --as-of`) replay the people with later facts one at a time, into a
// temporary file, instead of all of them into memory. The bytes must not
// change: the expected files are what sscard printed for this ledger before
// (commit 3add363, the CSV exports again at 8edfb76 when issue 26 added
// columns; test/fixtures/past-day/make.mjs made the roster and them),
// on days when part of each person's history was still to come, and today.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { rewriteAtVersion } from '../store/older-ledger.js';
import { BIN, type Engine, type Ledger, tempLedger } from './harness.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/past-day');
const CASES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as [string, string[]][];

// On both engines (issue 31): PostgreSQL's past days read the people with later facts through one cursor, not a
// query per person, and must print the same bytes.
describe.each<Engine>(['sqlite', 'postgres'])('past-day views, streamed (%s)', (engine) => {
  let ledger: Ledger;
  beforeAll(() => {
    ledger = tempLedger('2026-11-24', engine);
    const imported = ledger.run(['import', path.join(FIXTURES, 'roster.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => ledger.cleanup());

  it.each(CASES)('%s: the same bytes as before', (file, args) => {
    const r = ledger.run(args, { env: { NO_COLOR: '1' } });
    expect([0, 3], r.stderr).toContain(r.code);
    expect(r.stdout).toBe(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  });

  it('shows a past day that differs from today (the fixture has facts after each day)', () => {
    const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    expect(read('due-2026-09-10.json')).not.toBe(read('due-2026-10-15.json'));
    expect(read('export-2026-10-15.csv')).not.toBe(read('export-2026-11-24.csv'));
  });
});

// Schema v5 (issue 31): a past day's lists of people are read from indexes (event_on with the person, event_person
// with each event's day, event_odd). A ledger made before is migrated by its next command and shows the same bytes.
describe('a ledger of schema v4 (before the past day indexes)', () => {
  let ledger: Ledger;
  beforeAll(() => {
    ledger = tempLedger('2026-11-24');
    const imported = ledger.run(['import', path.join(FIXTURES, 'roster.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
    // The file as sscard v4 left it: v4's two event indexes, version 4.
    rewriteAtVersion(ledger.db, 4);
  });
  afterAll(() => ledger.cleanup());

  const indexes = () => {
    const db = new Database(ledger.db, { readonly: true });
    try {
      return {
        version: db.pragma('user_version', { simple: true }),
        sql: db.prepare("SELECT sql FROM sqlite_schema WHERE name LIKE 'event_%' AND type = 'index' ORDER BY name").pluck().all(),
      };
    } finally {
      db.close();
    }
  };

  // Read without migrating (a file this user may not write): the past days' lists come from v4's queries (the
  // `user_version >= 5` test in sqlite/ledger.ts), with the same bytes. Root ignores file modes: as root, sscard runs
  // as `nobody` (setpriv), for whom the 0444 file in a 0555 directory is read-only.
  it('read-only, is read with the queries before v5: the same bytes of every past day, and still v4', () => {
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    fs.chmodSync(ledger.db, 0o444);
    fs.chmodSync(ledger.dir, 0o555);
    try {
      const before = fs.readFileSync(ledger.db);
      for (const [file, args] of CASES) {
        const r = spawnSync(asNobody[0]!, [...asNobody.slice(1), BIN, '--db', ledger.db, ...args], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), SSCARD_TODAY: '2026-11-24', TZ: 'America/St_Johns', LANG: 'C', NO_COLOR: '1' },
        });
        expect([0, 3], `${file}: ${r.stderr}`).toContain(r.status);
        expect(r.stdout, file).toBe(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
      }
      expect(fs.readFileSync(ledger.db).equals(before)).toBe(true);
      expect(fs.readdirSync(ledger.dir)).toEqual(['ledger.db']);
    } finally {
      fs.chmodSync(ledger.dir, 0o700);
      fs.chmodSync(ledger.db, 0o600);
    }
    expect(indexes().version).toBe(4);
  });

  // SPEC 2.3: `import --dry-run` writes nothing, not even the v5 indexes (their migration takes ~11 s at 1 M hires).
  it('is left as it was by import --dry-run, which checks the rows as the real import would', () => {
    const before = fs.readFileSync(ledger.db);
    const r = ledger.run(['import', '--dry-run', '--json', path.join(FIXTURES, 'roster.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ dryRun: true, written: false, invalidCount: 0 });
    expect(fs.readFileSync(ledger.db).equals(before)).toBe(true);
    expect(fs.readdirSync(ledger.dir)).toEqual(['ledger.db']);
    expect(indexes().version).toBe(4);
  });

  it('is migrated to the current version by its next command, and its past days keep their bytes', () => {
    expect(indexes().version).toBe(4);
    for (const [file, args] of CASES) {
      const r = ledger.run(args, { env: { NO_COLOR: '1' } });
      expect([0, 3], r.stderr).toContain(r.code);
      expect(r.stdout, file).toBe(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
    }
    expect(indexes()).toEqual({
      version: SCHEMA_VERSION,
      sql: [
        "CREATE INDEX event_odd ON event (person_id) WHERE kind = 'person.renamed' OR (kind = 'person.recorded') <> (concerns_on IS NULL)",
        'CREATE INDEX event_on ON event (concerns_on, person_id) WHERE concerns_on IS NOT NULL',
        'CREATE INDEX event_person ON event (person_id, seq, concerns_on)',
      ],
    });
    const check = ledger.run(['check', '--json']);
    expect(check.json, check.stderr).toMatchObject({ ok: true, schemaVersion: SCHEMA_VERSION });
  });
});
