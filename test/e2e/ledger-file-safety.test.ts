// Issue 12 ("nothing lost, nothing leaked, round two"): each item at the
// command line, as the adversarial test found it. Fault-injection figures
// live in robustness.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, expectCleanError, type Ledger, logStderr, run, tempLedger } from './harness.js';

const ID = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

const WRITE = ['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01'];
const READS = [['status', ID], ['due'], ['export'], ['check'], ['history', ID]];
const sha = (file: string) => (fs.existsSync(file) ? require('node:crypto').createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null);

/** Runs `code` in a separate node process that SIGKILLs itself at the end: whatever it left open stays as a crash leaves it. */
function crashAfter(code: string): void {
  const script = `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});\n${code}\nprocess.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script]);
}

describe('file modes and links (item 5)', () => {
  it('an existing 0644 ledger, its -wal and -shm become 0600 on the next write', () => {
    ledger = tempLedger();
    expect(ledger.run(WRITE).code).toBe(0);
    const holder = new Database(ledger.db); // keeps the -wal and -shm in place
    try {
      holder.prepare('SELECT count(*) FROM person').get();
      for (const f of [ledger.db, `${ledger.db}-wal`, `${ledger.db}-shm`]) fs.chmodSync(f, 0o644);
      expect(ledger.run(['register-employee', '--id', ID, '--employer', 'Beta', '--hired-on', '2026-09-02']).code).toBe(0);
      for (const f of [ledger.db, `${ledger.db}-wal`, `${ledger.db}-shm`]) expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);
    } finally {
      holder.close();
    }
  });

  it('a symbolic link as --db is refused with one sentence naming the target; the target is unchanged', () => {
    ledger = tempLedger();
    expect(ledger.run(WRITE).code).toBe(0);
    const link = path.join(ledger.dir, 'link.db');
    fs.symlinkSync(ledger.db, link);
    const before = sha(ledger.db);
    for (const args of [WRITE, ['status', ID]]) {
      const r = run(['--db', link, ...args], { SSCARD_TODAY: '2026-11-24' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is a symbolic link to .*ledger\.db; .*give the real file's path/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(sha(ledger.db)).toBe(before);
  });
});

describe('reads never create or change a file (item 6)', () => {
  it('an empty file stays empty for every read; nothing appears beside it', () => {
    ledger = tempLedger();
    fs.writeFileSync(ledger.db, '');
    const missing = path.join(ledger.dir, 'missing.db');
    for (const args of READS) {
      // Exactly what the same read says where there is no file at all.
      const r = ledger.run(args);
      const none = run(['--db', missing, ...args], { SSCARD_TODAY: '2026-11-24' });
      expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([none.code, none.stdout, none.stderr.replaceAll(missing, ledger.db)]);
    }
    expect(fs.statSync(ledger.db).size).toBe(0);
    expect(fs.readdirSync(ledger.dir)).toEqual(['ledger.db']);
  });

  it('--db /dev/null is refused and creates no /dev/null-journal', () => {
    fs.rmSync('/dev/null-journal', { force: true });
    for (const args of [['status', ID], WRITE]) {
      const r = run(['--db', '/dev/null', ...args], { SSCARD_TODAY: '2026-11-24' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/not a regular file/);
    }
    expect(fs.existsSync('/dev/null-journal')).toBe(false);
  });

  it.each([
    ['a foreign database with a hot rollback journal', 'DELETE', false],
    ['a foreign database with an uncheckpointed WAL', 'WAL', false],
    ['a newer ledger with an uncheckpointed WAL', 'WAL', true],
  ])('%s is refused and neither it nor its journal changes', (_, mode, ours) => {
    ledger = tempLedger();
    if (ours) {
      expect(ledger.run(WRITE).code).toBe(0);
      // A newer sscard's migration, committed in the WAL and not yet copied into the file.
      crashAfter(
        `const db = new Database(${JSON.stringify(ledger.db)}); db.pragma('wal_autocheckpoint = 0'); db.pragma('user_version = 99'); db.exec("CREATE TABLE newer (x)");`,
      );
    } else {
      crashAfter(`const db = new Database(${JSON.stringify(ledger.db)}); db.pragma('journal_mode = ${mode}'); db.pragma('wal_autocheckpoint = 0'); db.pragma('cache_size = 2');
        db.exec('CREATE TABLE notes (body TEXT)'); const ins = db.prepare('INSERT INTO notes VALUES (?)');
        db.transaction(() => { for (let i = 0; i < 2000; i++) ins.run('note ' + i + ' '.repeat(200)); })();
        ${mode === 'DELETE' ? "db.exec('BEGIN'); db.exec(\"UPDATE notes SET body = 'changed'\");" : ''}`);
    }
    const side = mode === 'DELETE' ? `${ledger.db}-journal` : `${ledger.db}-wal`;
    expect(fs.statSync(side).size).toBeGreaterThan(0);
    const before = [sha(ledger.db), sha(side)];
    for (const args of [['status', ID], ['check'], WRITE]) {
      const r = ledger.run(args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(ours ? /newer sscard \(schema version 99/ : /not an sscard database/);
      expect([sha(ledger.db), sha(side)], args[0]).toEqual(before);
    }
  });
});

describe('a ledger this user may only read (item 13)', () => {
  const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const runAs = (args: string[]) => {
    const r = spawnSync(asNobody[0] ?? process.execPath, [...asNobody.slice(1), ...(asNobody.length ? [process.execPath] : []), BIN, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), SSCARD_TODAY: '2026-11-24', TZ: 'America/St_Johns' },
    });
    logStderr(r.stderr);
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it.each([
    ["another user's 0644 file", 0o755, 0o644],
    ['a read-only directory', 0o555, 0o444],
  ])('%s: every read command works, nothing is created', (_, dirMode, fileMode) => {
    ledger = tempLedger();
    expect(ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-11-01', '--pending']).code).toBe(0);
    fs.chmodSync(ledger.db, fileMode);
    fs.chmodSync(ledger.dir, dirMode);
    try {
      const before = sha(ledger.db);
      for (const args of READS) {
        const r = runAs(['--db', ledger.db, ...args]);
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
        expectCleanError(r.stderr, [ID]);
      }
      expect(runAs(['--db', ledger.db, 'status', ID, '--json']).stdout).toMatch(/"state": "pending"/);
      const write = runAs(['--db', ledger.db, ...WRITE]);
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/cannot be opened or written/);
      expect(sha(ledger.db)).toBe(before);
      expect(fs.readdirSync(ledger.dir)).toEqual(['ledger.db']);
    } finally {
      fs.chmodSync(ledger.dir, 0o700);
      fs.chmodSync(ledger.db, 0o600);
    }
  });
});
