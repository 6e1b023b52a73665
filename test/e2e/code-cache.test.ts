// bin/sscard compiles each bundle with the V8 code cache the build made in
// dist/cache/, named by the bundle's name under dist/ and its hash; a bundle
// whose cache is missing or refused gets one written, after the command, into
// the user's cache directory. So a run of the commands the build trained
// writes nothing there, and one of a command it did not train writes that
// command's cache: a cache misnamed or refused shows here, not only as a
// slower start (issue 31).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, logStderr, processLedger } from './harness.js';

const { dir, env } = processLedger('code-cache');
const userCache = path.join(dir, 'cache');
const written = () => (fs.existsSync(path.join(userCache, 'sscard', 'v8')) ? fs.readdirSync(path.join(userCache, 'sscard', 'v8')).sort() : []);

function sscard(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...env, XDG_CACHE_HOME: userCache }, encoding: 'utf8' });
  logStderr(r.stderr);
  return r;
}

describe("the build's code caches", () => {
  it('are found and taken for the commands the build ran (status, status --json, register-employee): nothing is written for them', () => {
    const id = '11010519491231002X';
    expect(sscard(['register-employee', '--id', id, '--employer', 'Acme', '--hired-on', '2026-11-02', '--pending']).status).toBe(0);
    expect(sscard(['status', id]).status).toBe(0);
    // A status line with an option loads commander from its own bundle (scripts/build.mjs), whose cache the build made too.
    expect(sscard(['status', id, '--json']).status).toBe(0);
    expect(written()).toEqual([]);
  });

  it("are written to the user's cache for a command the build did not run", () => {
    expect(sscard(['policies']).status).toBe(0);
    expect(written().some((name) => name.startsWith('lazy_policies.cjs-'))).toBe(true);
  });
});

describe("each bundle's first line (scripts/build.mjs; bin/sscard names the caches by it)", () => {
  const DIST = path.join(__dirname, '..', '..', 'dist');
  const bundles = ['sscard.cjs', ...fs.readdirSync(path.join(DIST, 'lazy')).map((name) => `lazy/${name}`)];
  it.each(bundles)('%s: the SHA-1 of the rest, and whether the rest is ASCII', (bundle) => {
    const bytes = fs.readFileSync(path.join(DIST, bundle));
    const newline = bytes.indexOf(10);
    const [, hash, encoding] = /^\/\/sscard-bundle ([0-9a-f]{20}) (ascii|utf8)$/.exec(bytes.toString('latin1', 0, newline)) ?? [];
    const rest = bytes.subarray(newline + 1);
    expect(hash).toBe(createHash('sha1').update(rest).digest('hex').slice(0, 20));
    expect(encoding).toBe(rest.every((byte) => byte < 0x80) ? 'ascii' : 'utf8');
  });

  it('holds Chinese in some bundle (so both encodings are checked above)', () => {
    expect(bundles.some((bundle) => fs.readFileSync(path.join(DIST, bundle), 'latin1').split('\n', 1)[0]!.endsWith(' utf8'))).toBe(true);
  });
});
