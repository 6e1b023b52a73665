// Issue 29 ("nothing lost, nothing leaked, round three"): each defect as the
// adversarial test found it, attacked again here; each part prints its
// figures (trials, failures, residues).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Spawned } from './cli-process.js';
import { BIN, expectCleanError, type Ledger, logStderr, tempLedger } from './harness.js';
import { hiresCsv } from './synthetic-hires.js';

let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('a full disk or a file size limit (item 3)', () => {
  /** sscard with standard output into `out`, under `ulimit -f` (KiB) when given. */
  function limited(db: string, args: string[], out: string, limitKiB?: number): Promise<Spawned> {
    return new Promise((resolve) => {
      const fd = fs.openSync(out, 'w');
      const script = `${limitKiB === undefined ? '' : `ulimit -f ${limitKiB}; `}exec "$@"`;
      // --norc: a bash whose standard input is a socket (Node's pipes are) and that is not inside another shell reads
      // ~/.bashrc, as if started by rshd: the machine's own start-up (pyenv init here: 300 ms) is not under test.
      const child = spawn('bash', ['--norc', '-c', script, 'sscard', process.execPath, BIN, '--db', db, ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TZ: 'America/St_Johns', SSCARD_TODAY: '2026-11-24' },
        stdio: ['ignore', fd, 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code, signal) => {
        fs.closeSync(fd);
        logStderr(stderr);
        resolve({ code, signal, stdout: '', stderr });
      });
    });
  }
  const OUTPUTS = [
    ['export'],
    ['export', '--format', 'json'],
    ['export', '--format', 'xlsx'],
    ['due'],
    ['due', '--json'],
    ['due', '--format', 'ics'],
    ['people'],
  ];

  it('every output path: one sentence and exit 1, never exit 0 with a truncated file', async () => {
    const LIMIT_KIB = 40;
    ledger = tempLedger();
    expect(ledger.run(['import', hiresCsv(ledger.dir, 'seed.csv', 0, 2500)]).code).toBe(0);
    const tally = { runs: 0, exit1: 0 };
    for (const args of OUTPUTS) {
      // Every output must be larger than the size limit, or the limit proves nothing (sscard's own xlsx writer packs
      // 1,500 people into less than 48 KiB). The limit cannot go much lower: SQLite's -shm file is 32 KiB.
      const whole = path.join(ledger.dir, 'whole.file');
      expect((await limited(ledger.db, args, whole)).code).toBe(0);
      expect(fs.statSync(whole).size, `${args.join(' ')} writes less than the limit`).toBeGreaterThan(LIMIT_KIB * 1024 * 1.25);
      for (const [target, limit, words] of [
        ['/dev/full', undefined, /the disk is full/],
        [path.join(ledger.dir, 'out.file'), LIMIT_KIB, /size limit/],
      ] as const) {
        const r = await limited(ledger.db, args, target, limit);
        tally.runs++;
        expect(r.code, `${args.join(' ')} > ${target}: ${r.stderr}`).toBe(1);
        expect(r.signal).toBeNull();
        expect(r.stderr).toMatch(words);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expectCleanError(r.stderr);
        tally.exit1++;
      }
    }
    // import's own report, after its commit
    const more = hiresCsv(ledger.dir, 'more.csv', 5000, 10);
    const r = await limited(ledger.db, ['import', more], '/dev/full');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/output could not be written \(the disk is full\)/);
    console.log(
      `full disk: ${tally.runs} runs of ${OUTPUTS.length} output commands into /dev/full and under ulimit -f ${LIMIT_KIB}: ${tally.exit1} exited 1 with one sentence, 0 exited 0, 0 stack traces`,
    );
  }, 300_000);

  it('a backup or an import the disk refuses: one sentence, no temporary file, the ledger as it was', async () => {
    ledger = tempLedger();
    expect(ledger.run(['import', hiresCsv(ledger.dir, 'seed.csv', 0, 1500)]).code).toBe(0);
    const size = fs.statSync(ledger.db).size;
    const backup = await limited(ledger.db, ['backup', path.join(ledger.dir, 'b.db')], '/dev/null', Math.floor(size / 1024 / 2));
    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(/The backup to .* could not be written \(.*\), and nothing was left under that name/);
    expect(fs.readdirSync(ledger.dir).filter((f) => f.startsWith('b.db') || f.startsWith('.b.db'))).toEqual([]);

    const before = ledger.bytes();
    const big = hiresCsv(ledger.dir, 'big.csv', 10_000, 8000);
    const imported = await limited(ledger.db, ['import', big], '/dev/null', Math.floor(size / 1024) + 400);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/A write to the disk failed .* nothing was recorded/);
    expect(imported.stderr).not.toMatch(/Internal error/);
    expect(ledger.run(['check']).code).toBe(0);
    expect(ledger.query('SELECT count(*) AS n FROM hire')[0].n).toBe(1500);
    expect(ledger.bytes()!.length).toBe(before!.length);
  }, 300_000);
});
