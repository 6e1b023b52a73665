// Hostile command lines (issue 6): seeded random argument vectors never print
// a stack trace or an identity number on stderr, exit only with 0/1/2/3, and
// leave the ledger byte-for-byte unchanged whenever they fail.
// SSCARD_FUZZ_CASES sets the count (default 240); SSCARD_FUZZ_SEED the seed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prng, run, tempLedger } from './harness.js';

const CASES = Number(process.env.SSCARD_FUZZ_CASES ?? 240);
const SEED = Number(process.env.SSCARD_FUZZ_SEED ?? 58);
const ID = '11010519491231002X';

const COMMANDS = [
  ['status'],
  ['register-employee'],
  ['activate'],
  ['card', 'issue'],
  ['card', 'receive'],
  ['card', 'report-loss'],
  ['card', 'replace'],
  ['card', 'cancel'],
  ['ecard', 'claim'],
  ['due'],
  ['history'],
  ['export'],
  ['check'],
  ['purge'],
  ['guide'],
  ['card'],
  ['frobnicate'],
  [],
];
const OPTIONS = [
  '--id',
  '--id-doc',
  '--card',
  '--new-card',
  '--hired-on',
  '--registered-on',
  '--on',
  '--issued-on',
  '--name',
  '--employer',
  '--bank',
  '--outlet',
  '--guardian-id',
  '--channel',
  '--within',
  '--format',
  '--as-of',
  '--lang',
  '--pending',
  '--flexible',
  '--json',
  '--reveal',
  '--yes',
  '--check',
  '--dry-run',
  '--no-color',
  '--bogus',
  '-x',
  '--',
  '--help',
];
const VALUES = [
  ID,
  '110105194912310011',
  '110105194912310021',
  '11010519491231002x',
  '110105491231002',
  '99010519491231002X',
  'A12345678',
  'a12345678',
  'B1',
  '',
  '2026-09-01',
  '2026-02-30',
  '0000-00-00',
  '9999-99-99',
  '2026-9-1',
  '20260901',
  '-1',
  '14',
  '1e9',
  'wechat',
  'fax',
  'csv',
  'json',
  'zh',
  'en',
  '中文姓名',
  '🙂🙂🙂',
  '\u202eevil',
  'x'.repeat(10_000),
  "'; DROP TABLE person; --",
  'Robert"); DELETE FROM hire;--',
  '\u0001\u0002',
  '\u001b[31mred',
  '%s%n%x',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  ' ',
  '\t',
];

/** A command on `db`, run as the harness runs every command (in this process, its own streams). */
function exec(args: string[], db: string) {
  return run(['--db', db, '--as-of', '2026-11-24', ...args]);
}

describe('fuzzed command lines', () => {
  const ledger = tempLedger();
  afterAll(() => ledger.cleanup());

  it(`${CASES} random argument vectors (seed ${SEED})`, () => {
    for (const args of [
      ['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending'],
      ['card', 'issue', '--id', ID, '--card', 'A12345678', '--issued-on', '2026-03-01'],
    ]) {
      expect(exec(args, ledger.db).code).toBe(0);
    }
    const random = prng(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const vectors = Array.from({ length: CASES }, () => {
      const args = [...pick(COMMANDS)];
      const n = Math.floor(random() * 6);
      for (let i = 0; i < n; i++) {
        const r = random();
        if (r < 0.6) args.push(pick(OPTIONS), pick(VALUES));
        else if (r < 0.8) args.push(pick(OPTIONS));
        else args.push(pick(VALUES));
      }
      return args;
    });

    // A copy of the ledger, so that "unchanged on failure" is checked case by case against the file as it stands.
    const histogram: Record<string, number> = {};
    const failures: string[] = [];
    const db = path.join(ledger.dir, 'fuzzed.db');
    fs.copyFileSync(ledger.db, db);
    for (const args of vectors) {
      const before = fs.readFileSync(db);
      const r = exec(args, db);
      histogram[String(r.code)] = (histogram[String(r.code)] ?? 0) + 1;
      const label = JSON.stringify(args).slice(0, 300);
      if (![0, 1, 2, 3].includes(r.code)) failures.push(`exit ${r.code}: ${label}`);
      if (/\n\s+at .+:\d+:\d+/.test(r.stderr + r.stdout)) failures.push(`stack trace: ${label}`);
      if (/Internal error/.test(r.stderr)) failures.push(`internal error: ${label}: ${r.stderr.slice(0, 200)}`);
      if (/\d{17}[\dX]/.test(r.stderr)) failures.push(`identity number on stderr: ${label}`);
      if (r.code !== 0 && !fs.readFileSync(db).equals(before)) failures.push(`ledger changed by a failed command: ${label}`);
    }
    console.log(`fuzz: ${CASES} cases (seed ${SEED}), exit codes ${JSON.stringify(histogram)}`);
    expect(failures).toEqual([]);
  }, 600_000);
});
