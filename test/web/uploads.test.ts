// An uploaded roster waits for its confirmation in a directory of the server's own under TMPDIR, named as a private
// temporary directory (sscard-PID-XXXXXXXX, src/cli/private-temp.ts), so that a server killed before the confirmation
// (SIGKILL: no exit path runs) leaves it only until the next sscard run, which removes it: the roster holds identity
// numbers, which nothing sscard wrote may keep after purge. It was `sscard-web-XXXXXX`, which nothing removed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, logStderr, processLedger } from '../e2e/harness.js';
import { csrfOf, login, request, serve } from './serve.js';

const ID = '11010519491231002X';
const { dir, env } = processLedger('uploads');
const tmp = path.join(dir, 'tmp');
fs.mkdirSync(tmp);
const db = env.SSCARD_DB;

function sscard(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...env, TMPDIR: tmp }, encoding: 'utf8' });
  logStderr(r.stderr);
  return r;
}

describe('an upload waiting for its confirmation', () => {
  it('lies in a private directory of the server under TMPDIR, which the next run removes once the server was killed', async () => {
    expect(sscard(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending']).status).toBe(0);
    const served = await serve(db, { env: { TMPDIR: tmp } });
    try {
      const cookie = await login(served);
      const csrf = csrfOf((await request(served, '/import', { headers: { Cookie: cookie } })).body);
      const boundary = 'sscard-test-boundary';
      const roster = `id,name,employer,hired_on\n${ID},Wang Fang,Acme,2026-09-01\n`;
      const body = Buffer.from(
        [
          `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n`,
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: text/csv\r\n\r\n${roster}\r\n`,
          `--${boundary}--\r\n`,
        ].join(''),
      );
      const preview = await request(served, '/import', {
        method: 'POST',
        body,
        headers: { Cookie: cookie, 'Content-Type': `multipart/form-data; boundary=${boundary}`, Origin: served.origin },
      });
      expect(preview.status, preview.body.slice(0, 300)).toBe(200);
      const waiting = fs.readdirSync(tmp);
      expect(waiting).toHaveLength(1);
      expect(waiting[0]).toMatch(/^sscard-\d+-[0-9a-f]{8}$/);
      expect(fs.readFileSync(path.join(tmp, waiting[0]!, 'roster.csv'), 'utf8')).toContain(ID);
      expect(fs.statSync(path.join(tmp, waiting[0]!)).mode & 0o777).toBe(0o700);

      served.kill('SIGKILL');
      await served.exited();
      expect(fs.readdirSync(tmp)).toEqual(waiting); // no exit path ran
      expect(sscard(['status', ID]).status).toBe(0);
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      await served.stop();
    }
  });
});
