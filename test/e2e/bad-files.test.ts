// A file that is not an sscard ledger, is damaged, is newer than this
// version, or cannot be written: a clear error, the documented exit code,
// and the file never modified (SPEC 3).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, expectCleanError, type Ledger, run, tempLedger } from './harness.js';

const ID = '11010519491231002X';
const READ = ['status', ID];
const WRITE = ['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01'];
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

function realLedger(l: Ledger): void {
  expect(l.run(WRITE).code).toBe(0);
}

const cases: [string, (l: Ledger) => void, RegExp][] = [
  ['a text file', (l) => fs.writeFileSync(l.db, 'id,name\nthis is not a database\n'), /not an sscard database/],
  [
    "another application's SQLite database",
    (l) => {
      const db = new Database(l.db);
      db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
      db.close();
    },
    /not an sscard database/,
  ],
  [
    'a truncated ledger',
    (l) => {
      realLedger(l);
      fs.truncateSync(l.db, 1000);
    },
    /not an sscard database|damaged/,
  ],
  [
    'a ledger with a corrupted page',
    (l) => {
      realLedger(l);
      const bytes = fs.readFileSync(l.db);
      bytes.fill(0xa5, 4096 + 8); // every b-tree page after the header page
      fs.writeFileSync(l.db, bytes);
    },
    /damaged|not an sscard database/,
  ],
  [
    'a ledger from a newer sscard',
    (l) => {
      realLedger(l);
      const db = new Database(l.db);
      db.pragma('user_version = 99');
      db.close();
    },
    /newer sscard \(schema version 99/,
  ],
];

describe('bad ledger files are refused and left untouched', () => {
  let refused = 0;
  it.each(cases)('%s', (_, make, message) => {
    ledger = tempLedger();
    make(ledger);
    const before = fs.readFileSync(ledger.db);
    for (const args of [READ, WRITE]) {
      const r = ledger.run(args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expectCleanError(r.stderr, [ID]);
      expect(fs.readFileSync(ledger.db).equals(before), args[0]).toBe(true);
      // A reader may leave SQLite's empty -wal beside a WAL-mode file; nothing may be written into it.
      expect(fs.existsSync(`${ledger.db}-wal`) ? fs.statSync(`${ledger.db}-wal`).size : 0).toBe(0);
      refused++;
    }
  });

  it('counts', () => {
    console.log(`bad files: ${cases.length} kinds, ${refused} commands refused, 0 files modified`);
    expect(refused).toBe(cases.length * 2);
  });
});

describe('paths that cannot be used', () => {
  it('a --db in a directory that does not exist: exit 2, nothing created', () => {
    ledger = tempLedger();
    const missing = path.join(ledger.dir, 'no', 'such', 'dir', 'l.db');
    const r = run(['--db', missing, ...WRITE], { SSCARD_TODAY: '2026-11-24' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/directory .* does not exist/);
    expect(fs.existsSync(path.join(ledger.dir, 'no'))).toBe(false);
  });

  // Root ignores file permissions: as root, run sscard as `nobody` (setpriv) so that they apply.
  const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  it('a read-only ledger and a read-only directory: exit 1, one sentence, file unchanged', () => {
    ledger = tempLedger();
    realLedger(ledger);
    fs.chmodSync(ledger.dir, 0o555);
    fs.chmodSync(ledger.db, 0o444);
    try {
      const before = fs.readFileSync(ledger.db);
      const runAs = (args: string[]) => {
        const r = spawnSync(asUser[0] ?? process.execPath, [...asUser.slice(1), ...(asUser.length ? [process.execPath] : []), BIN, ...args], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), SSCARD_TODAY: '2026-11-24' },
        });
        return { code: r.status, stderr: r.stderr };
      };
      for (const db of [ledger.db, path.join(ledger.dir, 'new.db')]) {
        const r = runAs(['--db', db, 'register-employee', '--id', ID, '--employer', 'Beta', '--hired-on', '2026-09-02']);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/cannot be opened or written \(permission denied/);
        expectCleanError(r.stderr, [ID]);
      }
      expect(fs.readFileSync(ledger.db).equals(before)).toBe(true);
      expect(fs.readdirSync(ledger.dir)).toEqual(['ledger.db']);
    } finally {
      fs.chmodSync(ledger.dir, 0o700);
      fs.chmodSync(ledger.db, 0o600);
    }
  });
});
