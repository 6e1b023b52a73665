// export --format json writes its events in pieces under 128 KiB (src/cli/commands/export.ts): a text or buffer
// that large is a memory mapping of its own (V8's large objects, malloc's mmap), made, faulted in and unmapped,
// which cost the export about 0.4 s of system time at 1,000,000 hires (issue 31). Seen from outside: the
// writes a process makes to its standard output, recorded by a preloaded probe, with the output a file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, logStderr } from './harness.js';
import { seededLedger } from './synthetic-hires.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-output-pieces-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('export --format json --reveal into a file', () => {
  it('writes every event, in pieces under 128 KiB', () => {
    // 3,000 hires: 6,000 events, pages of 1,000 events of about 150 KiB each.
    const db = seededLedger(path.join(dir, 'ledger.db'), 3000);
    const sizes = path.join(dir, 'sizes.txt');
    const probe = path.join(dir, 'probe.cjs');
    // Every write to descriptor 1, by size, noted at exit (the command writes by fs.writeSync or fs.write).
    fs.writeFileSync(
      probe,
      `const fs = require('node:fs'); const sizes = [];
for (const name of ['writeSync', 'write']) {
  const original = fs[name];
  fs[name] = function (fd, data, ...rest) { if (fd === 1) sizes.push(typeof data === 'string' ? Buffer.byteLength(data) : data.length); return original.call(this, fd, data, ...rest); };
}
process.on('exit', () => fs.writeFileSync(${JSON.stringify(sizes)}, sizes.join('\\n')));`,
    );
    const file = path.join(dir, 'export.json');
    const command = [process.execPath, '--require', probe, BIN, '--db', db, 'export', '--format', 'json', '--reveal'].map((w) => `'${w}'`).join(' ');
    const r = spawnSync('sh', ['-c', `${command} > '${file}'`], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C', SSCARD_TODAY: '2026-11-24' },
      encoding: 'utf8',
    });
    logStderr(r.stderr);
    expect(r.status).toBe(0);
    const written = fs.readFileSync(sizes, 'utf8').split('\n').map(Number);
    const output = fs.readFileSync(file);
    // The probe saw the whole output (so it saw how it was written), in many pieces, none of 128 KiB.
    expect(written.reduce((a, b) => a + b, 0)).toBe(output.length);
    expect(output.length).toBeGreaterThan(1_000_000);
    expect(Math.max(...written)).toBeLessThan(128 * 1024);
    expect(JSON.parse(output.toString('utf8')).events).toHaveLength(6000);
  });
});
