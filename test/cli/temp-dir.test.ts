// src/cli/private-temp.ts finds the system's temporary directory without node:os (issue 31's start-up): it must be
// the directory os.tmpdir() names, for every way the environment can name it.
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { systemTempDir } from '../../src/cli/private-temp.js';

const NAMES = ['TMPDIR', 'TMP', 'TEMP'] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe.skipIf(process.platform === 'win32')('the system temporary directory', () => {
  it.each([
    [{}, '/tmp'],
    [{ TMPDIR: '/var/tmp/x' }, '/var/tmp/x'],
    [{ TMPDIR: '/var/tmp/x/' }, '/var/tmp/x'],
    [{ TMPDIR: '/' }, '/'],
    [{ TMPDIR: '', TMP: '/t/tmp' }, '/t/tmp'],
    [{ TEMP: '/t/temp/' }, '/t/temp'],
    [{ TMP: '/t/tmp', TEMP: '/t/temp' }, '/t/tmp'],
    [{ TMPDIR: 'relative/dir' }, 'relative/dir'],
  ] as const)('%j: %s, as os.tmpdir() says', (env, expected) => {
    for (const name of NAMES) delete process.env[name];
    Object.assign(process.env, env);
    expect(systemTempDir(process.env)).toBe(expected);
    expect(os.tmpdir()).toBe(expected);
  });
});
