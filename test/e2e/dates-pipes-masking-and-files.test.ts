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

describe('dates (item 12)', () => {
  it.each([
    ['9999-12-31', /between 1900-01-01 and 2099-12-31/],
    ['1899-06-01', /between 1900-01-01 and 2099-12-31/],
    ['2027-12-01', /more than 12 months after today/],
    ['1949-12-30', /before the holder's date of birth/],
  ])('--hired-on %s is refused with one sentence, nothing written', (date, message) => {
    ledger = tempLedger();
    const r = ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', date]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--hired-on');
    expect(fs.existsSync(ledger.db)).toBe(false);
  });

  it('an import row hired before birth or in 9999 is a bad row', () => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'h.csv');
    fs.writeFileSync(csv, `id,employer,hired_on\n${ID},Acme,1949-01-01\n110105201211240033,Acme,9999-12-31\n`);
    const r = ledger.run(['import', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2, hired_on: .*before the holder's date of birth/);
    expect(r.stderr).toMatch(/line 3, hired_on: must lie between/);
  });

  it.each(['Pacific/Apia', 'America/St_Johns', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
    'the deadline of a hire on 2011-11-30 is 2011-12-30 under TZ=%s',
    (zone) => {
      ledger = tempLedger('2011-12-01');
      const r = ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2011-11-30', '--pending', '--json'], { env: { TZ: zone } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.json.registration.deadline.date).toBe('2011-12-30');
      expect(r.json.registration.daysLeft).toBe(29);
    },
  );

  it('a bad SSCARD_TODAY does not break the offline guide, and is named by commands that need the day', () => {
    const guide = run(['guide', 'activate'], { SSCARD_TODAY: 'yesterday' });
    expect(guide.code).toBe(0);
    expect(guide.stdout).toMatch(/Activating/);
    const status = run(['--db', path.join(os.tmpdir(), 'sscard-none.db'), 'status', ID], { SSCARD_TODAY: '9999-12-31' });
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/SSCARD_TODAY must be/);
  });
});

/** Runs the CLI with the read end of its stdout closed at once: every write meets EPIPE. */
function runWithClosedStdout(args: string[], env: Record<string, string> = {}): { code: number | null; stderr: string } {
  const script = `const { spawn } = require('node:child_process');
    const child = spawn(process.execPath, ${JSON.stringify([BIN, ...args])}, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => { process.stdout.write(JSON.stringify({ code, err })); });`;
  const r = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), SSCARD_TODAY: '2026-11-24', ...env },
  });
  const { code, err } = JSON.parse(r.stdout) as { code: number | null; err: string };
  logStderr(err);
  return { code, stderr: err };
}

describe('pipes (item 8)', () => {
  it('due, export, history and --help stop quietly with exit 0 when the reader goes away', () => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'h.csv');
    const rows = ['id,name,employer,hired_on'];
    for (let i = 0; i < 300; i++) rows.push(`${ID},Worker ${i},Employer ${i},2026-10-${String(1 + (i % 28)).padStart(2, '0')}`);
    fs.writeFileSync(csv, `${rows.join('\n')}\n`);
    expect(ledger.run(['import', csv]).code).toBe(0);
    for (const args of [['due'], ['export'], ['export', '--format', 'json'], ['history', ID], ['--help'], ['due', '--json']]) {
      const r = runWithClosedStdout(['--db', ledger.db, ...args]);
      expectCleanError(r.stderr, [ID]);
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|Error/);
      expect(r.code, args.join(' ')).toBe(0);
    }
  });

  it('a write whose reader went away has committed before it printed', () => {
    ledger = tempLedger();
    const r = runWithClosedStdout(['--db', ledger.db, 'register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01']);
    expect(r).toEqual({ code: 0, stderr: '' });
    expect(ledger.query('SELECT count(*) AS n FROM hire')[0].n).toBe(1);
    expect(ledger.query('PRAGMA integrity_check')[0].integrity_check).toBe('ok');
  });
});

describe('--json prints exactly one document (item 9)', () => {
  it('import with bad rows: one document with the rows, exit 2', () => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'bad.csv');
    fs.writeFileSync(csv, `id,employer,hired_on\n${ID},Acme,2026-13-01\n`);
    const r = ledger.run(['import', csv, '--json']);
    expect(r.code).toBe(2);
    expect(r.json.error.code).toBe('invalid-rows'); // JSON.parse of the whole stdout: one document
    expect(r.json.error.rows).toHaveLength(1);
  });

  it('check on a damaged ledger: one document naming the damage, exit 1', () => {
    ledger = tempLedger();
    damageIndex(ledger);
    const r = ledger.run(['check', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    expect(r.json.problems.length).toBeGreaterThan(0);
    const human = ledger.run(['check']);
    expect(human.code).toBe(1);
    expect(human.stderr.trim().split('\n')).toHaveLength(1);
    expect(human.stderr).toMatch(/restore/);
  });
});

/** A ledger whose index disagrees with its table: SQLite's integrity check fails, the file still opens. */
function damageIndex(l: Ledger): void {
  const csv = path.join(l.dir, 'pending.csv');
  fs.writeFileSync(csv, `id,employer,hired_on\n${Array.from({ length: 40 }, (_, i) => `${ID},Employer ${i},2026-09-01`).join('\n')}\n`);
  expect(l.run(['import', csv]).code).toBe(0);
  // No registered_on column: all 40 hires are pending, so all are in the partial index hire_unregistered.
  const conn = new Database(l.db);
  conn.pragma('wal_checkpoint(TRUNCATE)');
  conn.pragma('journal_mode = DELETE');
  const { rootpage } = conn.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'hire_unregistered'").get() as { rootpage: number };
  const pageSize = conn.pragma('page_size', { simple: true }) as number;
  conn.close();
  const bytes = fs.readFileSync(l.db);
  const page = bytes.subarray((rootpage - 1) * pageSize, rootpage * pageSize);
  // The index's keys are hire dates: turn one "2026-09-01" into "2026-09-02".
  const at = page.lastIndexOf(Buffer.from('2026-09-01'));
  page[at + 9] = '2'.charCodeAt(0);
  fs.writeFileSync(l.db, bytes);
}

describe('masking (item 11) and hostile text (item 10, the output side)', () => {
  it('an identity number touching letters, in lowercase, or with 15 digits is masked wherever it is echoed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-mask-'));
    try {
      for (const args of [
        ['--db', path.join(dir, `emp${ID}data`, 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
        ['--db', path.join(dir, `emp${ID.toLowerCase()}`, 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
        ['--db', path.join(dir, 'n110105491231002n', 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
        [`--x${ID}`],
        ['--json', `--x${ID}`],
      ]) {
        const r = run(args, { SSCARD_TODAY: '2026-11-24' });
        expect(r.code).toBe(2);
        const all = r.stdout + r.stderr;
        expect(all).not.toMatch(/11010519491231002X|11010519491231002x|110105491231002/);
        expect(all).toMatch(/110105\*+(002X|1002)/);
      }
      const csv = path.join(dir, 'h.csv');
      fs.writeFileSync(csv, `id,x${ID}\n${ID},1\n`);
      // An unknown column is ignored and named (SPEC 2.3), masked.
      const header = run(['--db', path.join(dir, 'l.db'), 'import', csv], { SSCARD_TODAY: '2026-11-24' });
      expect(header.code).toBe(0);
      expect(header.stderr).toMatch(/Ignored columns sscard does not know: "x110105\*+002X"/);
      expect(header.stderr).not.toContain(ID);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names, employers and paths are printed with control and bidi characters escaped', () => {
    ledger = tempLedger();
    const hostile = 'Ev\u009bil\u202eoC\u2066';
    const r = ledger.run(['register-employee', '--id', ID, '--name', `Wang\u202eFang`, '--employer', hostile, '--hired-on', '2026-09-01', '--pending']);
    expect(r.code, r.stderr).toBe(0);
    for (const out of [r.stdout, ledger.run(['status', ID]).stdout, ledger.run(['due']).stdout, ledger.run(['status', ID, '--json']).stdout]) {
      expect(out).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toMatch(/\\u202E/);
    }
    expect(ledger.run(['status', ID, '--json']).json.person.name).toBe('Wang\u202eFang'); // JSON escapes read back as the same text
    for (const args of [
      ['--db', path.join(ledger.dir, 'no\u001b[2J\u009b', 'x.db'), 'register-employee', '--id', ID, '--employer', 'A', '--hired-on', '2026-09-01'],
      ['--\u001b]0;owned\u0007'],
    ]) {
      const e = run(args, { SSCARD_TODAY: '2026-11-24' });
      expect(e.code).toBe(2);
      expect(e.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f]/);
      expect(e.stderr).toMatch(/\\u001B/);
    }
  });
});

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
