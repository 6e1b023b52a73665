// Output is written in pieces under 128 KiB (batched(), src/cli/commands/shared/output.ts): a text or buffer
// that large is a memory mapping of its own (V8's large objects, malloc's mmap), made, faulted in and unmapped,
// which cost export --format json about 0.4 s of system time at 1,000,000 hires (issue 31). Seen from outside:
// the writes a process makes to its standard output, recorded by a preloaded probe, with the output a file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, logStderr } from './harness.js';
import { seededLedger } from './synthetic-hires.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-output-pieces-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('output into a file, 3,000 hires (6,000 events, 3,000 open registrations)', () => {
  // Every write to descriptor 1, by size, noted at exit (the commands write by fs.writeSync or fs.write).
  const sizes = path.join(dir, 'sizes.txt');
  const probe = path.join(dir, 'probe.cjs');
  fs.writeFileSync(
    probe,
    `const fs = require('node:fs'); const sizes = [];
for (const name of ['writeSync', 'write']) {
  const original = fs[name];
  fs[name] = function (fd, data, ...rest) { if (fd === 1) sizes.push(typeof data === 'string' ? Buffer.byteLength(data) : data.length); return original.call(this, fd, data, ...rest); };
}
process.on('exit', () => fs.writeFileSync(${JSON.stringify(sizes)}, sizes.join('\\n')));`,
  );
  const db = seededLedger(path.join(dir, 'ledger.db'), 3000);

  it.each([
    [['export', '--format', 'json', '--reveal'], (out: string) => expect(JSON.parse(out).events).toHaveLength(6000)],
    [['export', '--reveal'], (out: string) => expect(out.trim().split('\n')).toHaveLength(3001)],
    [['due', '--json'], (out: string) => expect(JSON.parse(out).items).toHaveLength(3000)],
    [['due', '--format', 'ics'], (out: string) => expect(out.match(/BEGIN:VEVENT/g)).toHaveLength(3000)],
    [['due'], (out: string) => expect(out).toMatch(/^(?:[^\n]*\n){3001}3000 open deadlines, \d+ overdue\.\n$/)],
    [['people', '--json'], (out: string) => expect(JSON.parse(out).people).toHaveLength(3000)],
    [['people'], (out: string) => expect(out).toMatch(/^(?:[^\n]*\n){3001}3000 people\.\n$/)],
  ] as const)('%j: every byte, in pieces under 128 KiB', (args, whole) => {
    const file = path.join(dir, 'out.txt');
    fs.rmSync(sizes, { force: true });
    const command = [process.execPath, '--require', probe, BIN, '--db', db, ...args].map((w) => `'${w}'`).join(' ');
    const r = spawnSync('sh', ['-c', `${command} > '${file}'`], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C', NO_COLOR: '1', SSCARD_TODAY: '2026-11-24' },
      encoding: 'utf8',
    });
    logStderr(r.stderr);
    expect(r.status).toBe(0);
    const written = fs.readFileSync(sizes, 'utf8').split('\n').map(Number);
    const output = fs.readFileSync(file);
    // The probe saw the whole output (so it saw how it was written), none of it in a write of 128 KiB.
    expect(written.reduce((a, b) => a + b, 0)).toBe(output.length);
    expect(output.length).toBeGreaterThan(128 * 1024);
    expect(Math.max(...written)).toBeLessThan(128 * 1024);
    whole(output.toString('utf8'));
  });
});
