// Nothing lost, nothing leaked (issue 6): concurrent writers, crashes,
// backups while writing, the right to deletion, file modes.
// SSCARD_SOAK=1 runs the full sizes (8 x 200 writers, 20 crash trials).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, type Ledger, logStderr, prng, tempLedger } from './harness.js';

const SOAK = process.env.SSCARD_SOAK === '1';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idFor = (n: number, region = '110105') => {
  const first17 = `${region}1980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0')}${String(Math.floor(n / 336)).padStart(3, '0')}`;
  return first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0) % 11]!;
};


interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function start(db: string, args: string[], killAfterMs?: number): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TZ: 'America/St_Johns', SSCARD_TODAY: '2026-11-24' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      logStderr(stderr);
      resolve({ code, signal, stderr });
    });
  });
}

function integrity(db: string): string {
  const conn = new Database(db, { fileMustExist: true });
  try {
    return conn.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

function hiresCsv(dir: string, name: string, from: number, n: number): string {
  const file = path.join(dir, name);
  const lines = ['id,name,employer,hired_on,registered_on'];
  for (let i = from; i < from + n; i++) lines.push(`${idFor(i)},Worker ${i},Employer ${i % 7},2026-10-${String(1 + (i % 28)).padStart(2, '0')},`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('concurrent writers', () => {
  it('loses nothing and never fails on a lock', async () => {
    ledger = tempLedger();
    const writers = SOAK ? 8 : 4;
    const each = SOAK ? 200 : 8;
    // Single commands: each writer process records its own hires and cards, one command at a time, all writers at once.
    const runWriter = async (w: number) => {
      const results: Spawned[] = [];
      for (let i = 0; i < each; i++) {
        const n = 1000 + w * each + i;
        results.push(await start(ledger.db, ['register-employee', '--id', idFor(n), '--employer', `Employer ${w}`, '--hired-on', '2026-11-01', '--pending']));
        if (i % 4 === 0) results.push(await start(ledger.db, ['card', 'issue', '--id', idFor(n), '--card', `W${String(n).padStart(8, '0')}`]));
      }
      return results;
    };
    // Bulk: as many imports of 200 hires each, at the same time as the single commands.
    const imports = Array.from({ length: writers }, (_, w) => start(ledger.db, ['import', hiresCsv(ledger.dir, `w${w}.csv`, 100_000 + w * 200, 200)]));
    const results = (await Promise.all([...Array.from({ length: writers }, (_, w) => runWriter(w)), Promise.all(imports)])).flat();

    const failed = results.filter((r) => r.code !== 0);
    expect(failed.map((r) => r.stderr)).toEqual([]);
    const cards = writers * Math.ceil(each / 4);
    expect(count(ledger.db, 'SELECT count(*) AS n FROM hire')).toBe(writers * each + writers * 200);
    expect(count(ledger.db, 'SELECT count(*) AS n FROM card')).toBe(cards);
    expect(integrity(ledger.db)).toBe('ok');
    console.log(`concurrency: ${writers} single-command writers x ${each} hires (+${cards} cards) and ${writers} concurrent imports x 200 hires: ${results.length} processes, all ${writers * each + writers * 200} hires held, 0 lock errors, integrity ok`);
  }, 600_000);
});

describe('crashes', () => {
  it('an import killed at a random point leaves all of it or none of it, and an intact file', async () => {
    const trials = SOAK ? 24 : 6;
    const rows = 30_000;
    const random = prng(20261124);
    const outcomes = { all: 0, none: 0, killed: 0 };
    ledger = tempLedger();
    const csv = hiresCsv(ledger.dir, 'big.csv', 0, rows);
    for (let t = 0; t < trials; t++) {
      const db = path.join(ledger.dir, `crash-${t}.db`);
      // A ledger with one committed record before the import starts.
      expect((await start(db, ['register-employee', '--id', '11010519491231002X', '--employer', 'Acme', '--hired-on', '2026-09-01'])).code).toBe(0);
      // Start-up takes about 90 ms and the import about half a second: most kills land mid-import.
      const delay = Math.floor(60 + random() * 500);
      const r = await start(db, ['import', csv], delay);
      expect(integrity(db), `trial ${t}, killed after ${delay} ms`).toBe('ok');
      const hires = count(db, 'SELECT count(*) AS n FROM hire');
      const events = count(db, 'SELECT count(*) AS n FROM event');
      expect([1, rows + 1], `trial ${t}: ${hires} hires after a kill at ${delay} ms`).toContain(hires);
      expect(events).toBe(hires === 1 ? 3 : 3 + rows * 2);
      if (r.signal === 'SIGKILL') outcomes.killed++;
      else expect(r.code).toBe(0);
      if (hires === 1) outcomes.none++;
      else outcomes.all++;
    }
    console.log(`crash: ${trials} imports of ${rows} rows, ${outcomes.killed} killed with SIGKILL mid-run at random points: ${outcomes.none} left nothing, ${outcomes.all} complete; every file opened with integrity ok`);
    expect(outcomes.killed).toBeGreaterThan(0);
  }, 600_000);

  it('a single command killed mid-write leaves the hire there or not, never half', async () => {
    const random = prng(7);
    ledger = tempLedger();
    for (let t = 0; t < (SOAK ? 20 : 5); t++) {
      const db = path.join(ledger.dir, `single-${t}.db`);
      await start(db, ['register-employee', '--id', idFor(t), '--employer', 'Acme', '--hired-on', '2026-09-01']);
      await start(db, ['register-employee', '--id', idFor(t + 100), '--employer', 'Acme', '--hired-on', '2026-09-01'], Math.floor(30 + random() * 120));
      expect(integrity(db)).toBe('ok');
      const hires = count(db, 'SELECT count(*) AS n FROM hire');
      const events = count(db, 'SELECT count(*) AS n FROM event');
      expect([1, 2]).toContain(hires);
      expect(events).toBe(hires * 3); // person.recorded, hire.recorded, hire.registered: with the hire or not at all
    }
  }, 120_000);
});

describe('backup', () => {
  it('makes a consistent, private copy while another process writes', async () => {
    ledger = tempLedger();
    expect(ledger.run(['import', hiresCsv(ledger.dir, 'seed.csv', 0, 2000)]).code).toBe(0);
    const writer = start(ledger.db, ['import', hiresCsv(ledger.dir, 'more.csv', 5000, 20_000)]);
    await new Promise((r) => setTimeout(r, 150));
    const copy = path.join(ledger.dir, 'backup.db');
    const r = ledger.run(['backup', copy]);
    expect(r.code, r.stderr).toBe(0);
    expect((await writer).code).toBe(0);
    expect(fs.statSync(copy).mode & 0o777).toBe(0o600);
    expect(integrity(copy)).toBe('ok');
    expect([2000, 22_000]).toContain(count(copy, 'SELECT count(*) AS n FROM hire'));
    const check = ledger.run(['--db', copy, 'check', '--json']);
    expect(check.json).toMatchObject({ ok: true, schemaVersion: 2 });
    expect(ledger.run(['backup', copy]).code).toBe(2); // never overwrites without --force
  }, 120_000);
});

describe('privacy', () => {
  it('purge deletes the person and every record and event about them, after confirmation', () => {
    ledger = tempLedger('2026-06-01');
    const CHILD = '110105201211240033';
    const GUARDIAN = '11010519491231002X';
    ledger.run(['register-employee', '--id', GUARDIAN, '--employer', 'Acme', '--hired-on', '2026-05-01']);
    ledger.run(['card', 'issue', '--id', GUARDIAN, '--card', 'A12345678', '--issued-on', '2026-05-01']);
    ledger.run(['ecard', 'claim', '--id', GUARDIAN]);
    ledger.run(['card', 'issue', '--id', CHILD, '--card', 'C12345678', '--issued-on', '2026-05-01']);
    expect(ledger.run(['activate', '--card', 'C12345678', '--id-doc', CHILD, '--guardian-id', GUARDIAN]).code).toBe(0);

    const before = ledger.bytes();
    const unconfirmed = ledger.run(['purge', GUARDIAN]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(ledger.bytes()).toEqual(before);

    expect(ledger.run(['purge', GUARDIAN, '--yes']).code).toBe(0);
    for (const table of ['person', 'hire', 'card', 'ecard', 'event']) {
      expect(ledger.query(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'person' ? 'id' : 'person_id'} = ?`, GUARDIAN)[0].n, table).toBe(0);
    }
    expect(ledger.query('SELECT count(*) AS n FROM card WHERE guardian_id = ?', GUARDIAN)[0].n).toBe(0);
    expect(ledger.run(['history', GUARDIAN]).code).toBe(1);
    expect(ledger.run(['status', GUARDIAN]).code).toBe(1);
    expect(ledger.run(['status', CHILD, '--json']).json.card.state).toBe('activated'); // others untouched
    const raw = fs.readFileSync(ledger.db);
    expect(raw.includes(Buffer.from(GUARDIAN))).toBe(false); // not even in freed pages (secure_delete)
  });

  it('creates the ledger 0600 and leaves no identity number in stderr', () => {
    ledger = tempLedger();
    const r = ledger.run(['register-employee', '--id', '11010519491231002X', '--employer', 'Acme', '--hired-on', '2026-09-01']);
    expect(r.code).toBe(0);
    expect(fs.statSync(ledger.db).mode & 0o777).toBe(0o600);
  });
});
