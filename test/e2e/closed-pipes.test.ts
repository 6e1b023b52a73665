// Issue 12 ("nothing lost, nothing leaked, round two"): each item at the
// command line, as the adversarial test found it. Fault-injection figures
// live in robustness.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, expectCleanError, type Ledger, logStderr, tempLedger } from './harness.js';

const ID = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

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
