// Standard output written without building process.stdout (src/cli/entry.ts,
// directOutput; issue 31's start-up): into a file, /dev/null or a pipe,
// `status` loads neither node:stream nor node:net, and what it prints is the
// same wherever it goes, a pipe that is full when it writes included (the
// write meets EAGAIN and the stream takes the rest). A write given every
// option loads none of them either, nor one run from a script (no terminal
// to ask its optional values on).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, logStderr, processLedger } from './harness.js';

const ID = '11010519491231002X';
const { dir, env } = processLedger('direct-output');

beforeAll(() => {
  const r = spawnSync(process.execPath, [BIN, 'register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01'], { env, encoding: 'utf8' });
  expect(r.status).toBe(0);
});

/** Runs `sscard ...args` under sh with `redirect` (its stdout), and the built-in modules it loaded, in a file. */
function loaded(args: string[], redirect: string): { code: number | null; modules: string[] } {
  const list = path.join(dir, 'modules.txt');
  const probe = path.join(dir, 'probe.cjs');
  // Noted at exit, after the command wrote everything.
  fs.writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
  fs.rmSync(list, { force: true }); // a run that wrote no list must not be judged by the previous run's
  const command = [process.execPath, '--require', probe, BIN, ...args].map((word) => `'${word}'`).join(' ');
  const r = spawnSync('sh', ['-c', `${command} ${redirect}`], { env, encoding: 'utf8' });
  logStderr(r.stderr);
  return { code: r.status, modules: fs.readFileSync(list, 'utf8').split('\n') };
}

describe('standard output without the stream', () => {
  it('status into a file, /dev/null or a pipe (stderr a pipe) loads neither node:stream nor node:net, and prints the same', () => {
    const file = path.join(dir, 'out.txt');
    for (const args of [
      ['status', ID],
      ['status', ID, '--json'],
      ['--lang', 'zh', 'status', ID],
    ]) {
      const viaPipe = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
      expect(viaPipe.status).toBe(0);
      expect(viaPipe.stdout).toContain(args.includes('--json') ? '"asOf"' : 'Acme');
      for (const redirect of [`> '${file}'`, '> /dev/null', `| cat > '${file}'`]) {
        const run = loaded(args, redirect);
        expect(run.code, redirect).toBe(0);
        expect(run.modules, redirect).not.toContain('NativeModule stream');
        expect(run.modules, redirect).not.toContain('NativeModule net');
        if (redirect !== '> /dev/null') expect(fs.readFileSync(file, 'utf8'), redirect).toBe(viaPipe.stdout);
      }
    }
  });

  it('register-employee given every option asks nothing, so it never asks whether there is a terminal (node:tty, with node:net and node:stream)', () => {
    const file = path.join(dir, 'out.txt');
    // stdin a character device other than /dev/null (as a terminal is): only node:tty could tell, so only not asking spares it.
    const run = loaded(
      ['register-employee', '--id', '110105195001010012', '--employer', 'Acme', '--hired-on', '2026-10-05', '--pending'],
      `> '${file}' < /dev/zero`,
    );
    expect(run.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('Acme');
    for (const module of ['tty', 'net', 'stream']) expect(run.modules).not.toContain(`NativeModule ${module}`);
  });

  it('card issue without its optional values, in a script (stdin a pipe or /dev/null), tells there is no terminal without node:tty', () => {
    const file = path.join(dir, 'out.txt');
    const other = '110105196001010017';
    expect(spawnSync(process.execPath, [BIN, 'register-employee', '--id', other, '--employer', 'Acme', '--hired-on', '2026-09-01'], { env }).status).toBe(0);
    for (const [id, card, stdin] of [
      [ID, 'A00000001', ''],
      [other, 'A00000002', '< /dev/null'],
    ] as const) {
      const run = loaded(['card', 'issue', '--id', id, '--card', card], `> '${file}' ${stdin}`);
      expect(run.code, stdin).toBe(0);
      expect(fs.readFileSync(file, 'utf8'), stdin).toContain(card);
      for (const module of ['tty', 'net', 'stream']) expect(run.modules, stdin).not.toContain(`NativeModule ${module}`);
    }
  });

  it('a pipe already full when status writes (non-blocking, as a Node parent leaves it) gets every byte, in order', () => {
    // The parent fills the pipe its own process.stdout made non-blocking, then runs status on the same pipe: the
    // first write(2) meets EAGAIN. The reader starts reading a second later.
    const parent = `const fs = require('node:fs');
      process.stdout;
      let filled = 0;
      try { for (;;) filled += fs.writeSync(1, Buffer.alloc(1024, 46)); } catch (error) { if (error.code !== 'EAGAIN') throw error; }
      const child = require('node:child_process').spawn(process.execPath, ${JSON.stringify([BIN, 'status', ID])}, { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('close', (code) => { process.exitCode = code; });`;
    const script = path.join(dir, 'parent.cjs');
    fs.writeFileSync(script, parent);
    const r = spawnSync('sh', ['-c', `'${process.execPath}' '${script}' | (sleep 1; cat)`], { env, encoding: 'utf8' });
    logStderr(r.stderr);
    const expected = spawnSync(process.execPath, [BIN, 'status', ID], { env, encoding: 'utf8' }).stdout;
    expect(r.stdout.replace(/^\.+/, '')).toBe(expected);
  });
});
