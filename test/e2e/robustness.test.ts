// Nothing lost, nothing leaked (issues 6 and 12): concurrent writers,
// crashes, backups while writing or killed, the right to deletion checked
// byte by byte, damaged files, file modes. Each part prints its figures.
// SSCARD_SOAK=1 runs the full sizes (8 x 200 writers, 24 crash trials,
// 30 killed backups, a 200,000-hire ledger backed up under 8 writers,
// 40 purges, 200 bit flips).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, expectCleanError, type Ledger, logStderr, prng, type RunResult, run, tempLedger } from './harness.js';
import { hiresCsv, idFor, seededLedger, withCheckCharacter } from './synthetic-hires.js';

const SOAK = process.env.SSCARD_SOAK === '1';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

interface Spawned {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function start(db: string, args: string[], killAfterMs?: number): Promise<Spawned> {
  return new Promise((resolve) => {
    const began = Date.now();
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TZ: 'America/St_Johns', SSCARD_TODAY: '2026-11-24' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      logStderr(stderr);
      resolve({ code, signal, stderr, ms: Date.now() - began });
    });
  });
}

/**
 * A command in this process (the harness's thread) on the day start() gives its processes: for trials whose subject
 * is sscard's answer to a file (damaged, or to be purged), not the process itself. A crash still fails (exit code -3,
 * or this test process dies), and so does a hang (-1 after the harness's deadline).
 */
const inProcess = (db: string, args: string[]): RunResult => run(['--db', db, ...args], { SSCARD_TODAY: '2026-11-24' });

function integrity(db: string): string {
  const conn = new Database(db, { fileMustExist: true });
  try {
    return conn.pragma('integrity_check', { simple: true }) as string;
  } finally {
    conn.close();
  }
}

/** SQLite's integrity check through a read-only connection (it never recovers or changes the file), or the error it met. */
function integrityReadOnly(db: string): string {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    } finally {
      conn.close();
    }
  } catch (error) {
    return (error as Error).message;
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
    console.log(
      `concurrency: ${writers} single-command writers x ${each} hires (+${cards} cards) and ${writers} concurrent imports x 200 hires: ${results.length} processes, all ${writers * each + writers * 200} hires held, 0 lock errors, integrity ok`,
    );
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
      // A ledger with one committed record before the import starts (recorded in this process: the kill is the subject).
      expect(inProcess(db, ['register-employee', '--id', '11010519491231002X', '--employer', 'Acme', '--hired-on', '2026-09-01']).code).toBe(0);
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
    console.log(
      `crash: ${trials} imports of ${rows} rows, ${outcomes.killed} killed with SIGKILL mid-run at random points: ${outcomes.none} left nothing, ${outcomes.all} complete; every file opened with integrity ok`,
    );
    expect(outcomes.killed).toBeGreaterThan(0);
  }, 600_000);

  it('a single command killed mid-write leaves the hire there or not, never half', async () => {
    const random = prng(7);
    ledger = tempLedger();
    for (let t = 0; t < (SOAK ? 20 : 5); t++) {
      const db = path.join(ledger.dir, `single-${t}.db`);
      expect(inProcess(db, ['register-employee', '--id', idFor(t), '--employer', 'Acme', '--hired-on', '2026-09-01']).code).toBe(0);
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
    seededLedger(ledger.db, 2000);
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
    expect(check.json).toMatchObject({ ok: true, schemaVersion: 7 });
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

const occurrences = (file: string, needle: string): number => {
  if (!fs.existsSync(file)) return 0;
  const bytes = fs.readFileSync(file);
  let n = 0;
  for (const form of new Set([needle, needle.toLowerCase()])) for (let i = bytes.indexOf(form); i !== -1; i = bytes.indexOf(form, i + 1)) n++;
  return n;
};
const SIDE = ['', '-wal', '-shm', '-journal'];
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

describe('backup (issue 12)', () => {
  it('never writes onto the ledger itself, its -wal, or a link to it', () => {
    ledger = tempLedger();
    expect(ledger.run(['register-employee', '--id', '11010519491231002X', '--employer', 'Acme', '--hired-on', '2026-09-01']).code).toBe(0);
    fs.symlinkSync(ledger.db, path.join(ledger.dir, 'link.db'));
    const before = fs.readFileSync(ledger.db);
    for (const target of [
      ledger.db,
      path.join(ledger.dir, '..', path.basename(ledger.dir), 'ledger.db'),
      path.join(ledger.dir, 'link.db'),
      `${ledger.db}-wal`,
    ]) {
      const r = ledger.run(['backup', target, '--force']);
      expect(r.code, target).toBe(1);
      expect(r.stderr).toMatch(/is the ledger itself/);
    }
    expect(fs.readFileSync(ledger.db).equals(before)).toBe(true);
    expect(ledger.run(['check']).code).toBe(0);
  });

  it('a killed backup never leaves a file under the final name; the source always passes check', async () => {
    const trials = SOAK ? 30 : 8;
    const rows = SOAK ? 60_000 : 20_000;
    const random = prng(31);
    ledger = tempLedger();
    seededLedger(ledger.db, rows);
    const probe = await start(ledger.db, ['backup', path.join(ledger.dir, 'probe.db')]);
    expect(probe.code, probe.stderr).toBe(0);
    const size = fs.statSync(path.join(ledger.dir, 'probe.db')).size;
    const outcomes = { killed: 0, none: 0, complete: 0, temps: 0 };
    for (let t = 0; t < trials; t++) {
      const target = path.join(ledger.dir, `b-${t}.db`);
      // Start-up takes about 90 ms; the kills spread over the whole run.
      const r = await start(ledger.db, ['backup', target], Math.floor(40 + random() * probe.ms));
      if (r.signal === 'SIGKILL') outcomes.killed++;
      if (fs.existsSync(target)) {
        expect(integrity(target), `trial ${t}`).toBe('ok');
        expect(count(target, 'SELECT count(*) AS n FROM hire')).toBe(rows);
        outcomes.complete++;
      } else outcomes.none++;
      expect(integrityReadOnly(ledger.db), `source after trial ${t}`).toBe('ok');
      const temps = fs.readdirSync(ledger.dir).filter((f) => f.startsWith(`.b-${t}.db.sscard-backup-`));
      if (temps.length > 0) {
        outcomes.temps += temps.length;
        expect((await start(ledger.db, ['backup', target, '--force'])).code).toBe(0); // the next backup removes them
        expect(fs.readdirSync(ledger.dir).filter((f) => f.startsWith(`.b-${t}.db.sscard-backup-`))).toEqual([]);
      }
    }
    console.log(
      `backup kills: ${trials} backups of a ${mb(size)} MB ledger (${rows} hires; a whole backup takes ${probe.ms} ms) SIGKILLed at random points: ${outcomes.killed} killed, ${outcomes.none} left no file under the final name, ${outcomes.complete} complete copies (integrity ok, every row), 0 partial; ${outcomes.temps} temporary files left by killed runs, all removed by the next backup; the source passed check after every trial`,
    );
    expect(outcomes.killed).toBeGreaterThan(0);
  }, 300_000);

  it('finishes while 8 writers write', async () => {
    const rows = SOAK ? 200_000 : 20_000;
    ledger = tempLedger();
    seededLedger(ledger.db, rows);
    let stop = false;
    let commits = 0;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const r = await start(ledger.db, [
          'register-employee',
          '--id',
          idFor(200_000 + w * 1000 + i),
          '--employer',
          `Writer ${w}`,
          '--hired-on',
          '2026-11-01',
          '--pending',
        ]);
        expect(r.code, r.stderr).toBe(0);
        commits++;
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 400));
    const before = commits;
    const copy = path.join(ledger.dir, 'under-load.db');
    const backup = await start(ledger.db, ['backup', copy]);
    const during = commits - before;
    stop = true;
    await Promise.all(writers);
    expect(backup.code, backup.stderr).toBe(0);
    expect(integrity(copy)).toBe('ok');
    const copied = count(copy, 'SELECT count(*) AS n FROM hire');
    expect(copied).toBeGreaterThanOrEqual(rows);
    console.log(
      `backup under load: a ${mb(fs.statSync(ledger.db).size)} MB ledger (${rows} hires) backed up in ${backup.ms} ms (process start included) while 8 writer processes committed ${during} writes; copy ${mb(fs.statSync(copy).size)} MB, integrity ok, ${copied} hires`,
    );
  }, 600_000);
});

describe('purge leaves nothing behind (issue 12)', () => {
  it('the number is found 0 times in the file and its WAL, guardians included', () => {
    const trials = SOAK ? 40 : 20;
    const random = prng(4711);
    ledger = tempLedger('2026-06-01');
    const tally = { byImport: 0, bySingle: 0, guardianOnly: 0, scanned: 0, found: 0 };
    const picks = Array.from({ length: trials }, () => random());
    const trial = (t: number) => {
      const db = path.join(ledger.dir, `purge-${t}.db`);
      const byImport = t % 2 === 0;
      const people = byImport ? (SOAK ? 3000 : 600) : 2;
      const ids = Array.from({ length: people }, (_, i) => idFor(t * 5_000 + i)); // idFor is one-to-one below 336,000
      const guardianOnly = t % 4 === 1 || t % 4 === 2;
      const target = guardianOnly ? idFor(300_000 + t) : ids[Math.floor(picks[t]! * people)]!;
      if (byImport) {
        // Three hires each: the person's number in several rows and index pages, split as the file grew.
        const file = path.join(ledger.dir, `purge-${t}.csv`);
        const lines = ['id,name,employer,hired_on,card_number,issued_on'];
        for (const [i, id] of ids.entries())
          for (let h = 0; h < 3; h++)
            lines.push(`${id},Worker ${i},Employer ${h},2026-0${1 + h}-1${h},${h === 0 ? `P${String(t * 10_000 + i).padStart(8, '0')},2026-01-05` : ','}`);
        fs.writeFileSync(file, `${lines.join('\n')}\n`);
        expect(inProcess(db, ['import', file]).code).toBe(0);
        tally.byImport++;
      } else {
        for (const [i, id] of ids.entries()) {
          if (i === 0)
            expect(inProcess(db, ['card', 'issue', '--id', id, '--card', `S${String(t * 100 + i).padStart(8, '0')}`, '--issued-on', '2026-05-01']).code).toBe(
              0,
            );
          else expect(inProcess(db, ['register-employee', '--id', id, '--employer', 'Acme', '--hired-on', '2026-05-01']).code).toBe(0);
        }
        tally.bySingle++;
      }
      // A child whose card the target activated as guardian: the number on the card and, as the
      // event model records it, in the activation event's data.
      const child = idFor(t, '110106').replace(/^(\d{6})1980/, '$12015');
      const childId = withCheckCharacter(child.slice(0, 17));
      const card = `K${String(t).padStart(8, '0')}`;
      expect(inProcess(db, ['card', 'issue', '--id', childId, '--card', card, '--issued-on', '2026-05-01']).code).toBe(0);
      const activated = inProcess(db, ['activate', '--card', card, '--id-doc', childId, '--guardian-id', target]);
      expect(activated.code, activated.stderr).toBe(0);
      const conn = new Database(db);
      conn
        .prepare("INSERT INTO event (person_id, kind, concerns_on, recorded_at, data) VALUES (?, 'card.activated', '2026-06-01', '2026-06-01T00:00:00Z', ?)")
        .run(childId, JSON.stringify({ card, outlet: null, guardian: target, note: `shown by ${target}` }));
      conn.close();
      if (guardianOnly) tally.guardianOnly++;
      const peopleBefore = count(db, 'SELECT count(*) AS n FROM person');

      const purge = inProcess(db, ['purge', target, '--yes']);
      expect(purge.code, `trial ${t}: ${purge.stderr}`).toBe(0);
      for (const suffix of SIDE) {
        if (fs.existsSync(db + suffix)) tally.scanned += fs.statSync(db + suffix).size;
        const n = occurrences(db + suffix, target);
        expect(n, `trial ${t}: the number in ${path.basename(db + suffix)}`).toBe(0);
        tally.found += n;
      }
      expect(count(db, 'SELECT count(*) AS n FROM person')).toBe(peopleBefore - (guardianOnly ? 0 : 1));
      expect(integrity(db)).toBe('ok');
      expect(count(db, `SELECT count(*) AS n FROM card WHERE number = '${card}' AND state = 'activated'`)).toBe(1); // the child's card stays
    };
    for (let t = 0; t < trials; t++) trial(t);
    console.log(
      `purge: ${trials} purges (${tally.byImport} on ledgers built by import, ${tally.bySingle} by single commands; ${tally.guardianOnly} of a number that was only a guardian): the number found ${tally.found} times in ${mb(tally.scanned)} MB of ledger files and WALs scanned afterwards`,
    );
  }, 600_000);

  it('a purge killed at a random point leaves the person there or gone, and a file that passes check', async () => {
    const trials = SOAK ? 20 : 6;
    const random = prng(99);
    ledger = tempLedger();
    const seed = path.join(ledger.dir, 'seed.db');
    seededLedger(seed, 20_000);
    const target = idFor(777);
    const outcomes = { killed: 0, gone: 0, there: 0, stale: 0 };
    for (let t = 0; t < trials; t++) {
      const db = path.join(ledger.dir, `kill-${t}.db`);
      fs.copyFileSync(seed, db);
      const r = await start(db, ['purge', target, '--yes'], Math.floor(60 + random() * 400));
      if (r.signal === 'SIGKILL') outcomes.killed++;
      expect(run(['--db', db, 'check']).code, `trial ${t}`).toBe(0);
      const there = count(db, `SELECT count(*) AS n FROM person WHERE id = '${target}'`);
      const hires = count(db, `SELECT count(*) AS n FROM hire WHERE person_id = '${target}'`);
      expect(hires).toBe(there); // the person and their rows together, or neither
      if (there) outcomes.there++;
      else {
        outcomes.gone++;
        // Killed after the commit but before the file was rewritten: a second purge finishes the erasure.
        if (occurrences(db, target) + occurrences(`${db}-wal`, target) > 0) {
          outcomes.stale++;
          expect((await start(db, ['purge', target, '--yes'])).code).toBe(0);
        }
        expect(occurrences(db, target) + occurrences(`${db}-wal`, target), `trial ${t}`).toBe(0);
      }
    }
    console.log(
      `purge kills: ${trials} purges of a 20,000-hire ledger SIGKILLed at random points: ${outcomes.killed} killed, ${outcomes.there} left the person, ${outcomes.gone} erased them (${outcomes.stale} killed between commit and rewrite, finished by a second purge: the number then found 0 times); every file passed check`,
    );
  }, 300_000);
});

describe('damaged ledgers (issue 12)', () => {
  // Every command in this process (inProcess): 160 processes fewer, the same 40 flips and assertions.
  it('with one flipped bit, every command works or exits 1 with one sentence, and a write never breaks a sound file', () => {
    const trials = SOAK ? 200 : 40;
    const random = prng(2026);
    ledger = tempLedger();
    const seed = path.join(ledger.dir, 'seed.db');
    seededLedger(seed, 300);
    expect(ledger.run(['--db', seed, 'card', 'issue', '--id', idFor(1), '--card', 'A12345678']).code).toBe(0);
    const size = fs.statSync(seed).size;
    const reads = [['due'], ['export'], ['history', idFor(1)]];
    const tally = { runs: 0, worked: 0, refused: 0, damagedBefore: 0, writesAccepted: 0, writesRefused: 0, madeWorse: 0 };
    const trial = (t: number, offset: number, bit: number) => {
      const db = path.join(ledger.dir, `flip-${t}.db`);
      const bytes = fs.readFileSync(seed);
      bytes[offset]! ^= 1 << bit;
      fs.writeFileSync(db, bytes);
      const results: [string[], RunResult][] = [];
      const soundBefore = integrityReadOnly(db) === 'ok';
      for (const args of [['check'], ['status', idFor(1)], reads[t % reads.length]!]) results.push([args, inProcess(db, args)]);
      const write = inProcess(db, ['register-employee', '--id', idFor(5000 + t), '--employer', 'Acme', '--hired-on', '2026-11-01']);
      results.push([['register-employee'], write]);
      const soundAfter = integrityReadOnly(db) === 'ok';
      for (const [args, r] of results) {
        const what = `flip ${t} (byte ${offset}, bit ${bit}): ${args[0]}`;
        // -1: no answer (hung), -3: an error nothing caught (crashed).
        expect([0, 1], `${what}: ${r.stderr}`).toContain(r.code);
        expectCleanError(r.stderr);
        if (r.code === 1) expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
        tally.runs++;
        if (r.code === 0) tally.worked++;
        else tally.refused++;
      }
      if (!soundBefore) tally.damagedBefore++;
      if (write.code === 0) tally.writesAccepted++;
      else tally.writesRefused++;
      if (soundBefore && !soundAfter) tally.madeWorse++;
    };
    const flips = Array.from({ length: trials }, () => [Math.floor(random() * size), Math.floor(random() * 8)] as const);
    for (const [t, [offset, bit]] of flips.entries()) trial(t, offset, bit);
    console.log(
      `bit flips: ${trials} copies of a ${mb(size)} MB ledger with one flipped bit each, ${tally.runs} command runs (check, status, one of due/export/history, a write): ${tally.worked} worked, ${tally.refused} exited 1 with one sentence, 0 crashes, hangs or stack traces; ${tally.damagedBefore} files failed SQLite's integrity check before any write; writes accepted ${tally.writesAccepted}, refused ${tally.writesRefused}; a write turned a sound file into a damaged one ${tally.madeWorse} times`,
    );
    expect(tally.madeWorse).toBe(0);
  }, 600_000);
});
