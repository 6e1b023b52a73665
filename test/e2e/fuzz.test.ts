// Hostile command lines (issue 6): seeded random argument vectors never print
// a stack trace or an identity number on stderr, exit only with 0/1/2/3, and
// leave the ledger byte-for-byte unchanged whenever they fail.
// SSCARD_FUZZ_CASES sets the count (default 240); SSCARD_FUZZ_SEED the seed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, logStderr, prng, tempLedger } from './harness.js';

const CASES = Number(process.env.SSCARD_FUZZ_CASES ?? 240);
const SEED = Number(process.env.SSCARD_FUZZ_SEED ?? 58);
const WORKERS = 4;
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

interface Outcome {
  code: number | null;
  stderr: string;
  stdout: string;
}

function exec(args: string[], db: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--db', db, '--as-of', '2026-11-24', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TZ: 'America/St_Johns', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => {
      logStderr(stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('fuzzed command lines', () => {
  const ledger = tempLedger();
  afterAll(() => ledger.cleanup());

  it(`${CASES} random argument vectors (seed ${SEED})`, async () => {
    for (const args of [
      ['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending'],
      ['card', 'issue', '--id', ID, '--card', 'A12345678', '--issued-on', '2026-03-01'],
    ]) {
      expect((await exec(args, ledger.db)).code).toBe(0);
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

    // Each worker has its own copy of the ledger, so that "unchanged on failure" is checked case by case.
    const histogram: Record<string, number> = {};
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        const db = path.join(ledger.dir, `worker-${w}.db`);
        fs.copyFileSync(ledger.db, db);
        for (let i = w; i < vectors.length; i += WORKERS) {
          const args = vectors[i]!;
          const before = fs.readFileSync(db);
          const r = await exec(args, db);
          histogram[String(r.code)] = (histogram[String(r.code)] ?? 0) + 1;
          const label = JSON.stringify(args).slice(0, 300);
          if (![0, 1, 2, 3].includes(r.code ?? -1)) failures.push(`exit ${r.code}: ${label}`);
          if (/\n\s+at .+:\d+:\d+/.test(r.stderr + r.stdout)) failures.push(`stack trace: ${label}`);
          if (/Internal error/.test(r.stderr)) failures.push(`internal error: ${label}: ${r.stderr.slice(0, 200)}`);
          if (/\d{17}[\dX]/.test(r.stderr)) failures.push(`identity number on stderr: ${label}`);
          if (r.code !== 0 && !fs.readFileSync(db).equals(before)) failures.push(`ledger changed by a failed command: ${label}`);
        }
      }),
    );
    console.log(`fuzz: ${CASES} cases (seed ${SEED}), exit codes ${JSON.stringify(histogram)}`);
    expect(failures).toEqual([]);
  }, 600_000);
});
