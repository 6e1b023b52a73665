// Which bundles a command compiles at start (bin/sscard, scripts/build.mjs;
// issue 31): `status` one, dist/lazy/status-cli.cjs, the whole command line
// with the process context and status's module inside; any other command
// dist/sscard.cjs and the bundles it requires. Since bin/sscard chooses by the
// word `status` anywhere on the line, the status bundle must answer every
// line as dist/sscard.cjs does: compared here on status's own lines, its
// errors and help, and lines that name `status` for another reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, logStderr, processLedger } from './harness.js';

const ROOT = path.resolve(__dirname, '../..');
const ID = '11010519491231002X';
const { dir, env } = processLedger('start-bundles');

beforeAll(() => {
  const r = spawnSync(process.execPath, [BIN, 'register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending'], {
    env,
    encoding: 'utf8',
  });
  logStderr(r.stderr);
  expect(r.status).toBe(0);
});

/** The bundles (relative to dist/) that `sscard ...args` compiles, in order (bin/sscard compiles each with vm.Script), and the built-in modules it loaded. */
function started(args: string[]): { bundles: string[]; modules: string[] } {
  const list = path.join(dir, 'compiled.txt');
  const probe = path.join(dir, 'probe.cjs');
  fs.writeFileSync(
    probe,
    `const vm = require('node:vm');
const seen = [];
const Script = vm.Script;
vm.Script = class extends Script { constructor(code, options) { seen.push(options.filename); super(code, options); } };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify({ seen, modules: process.moduleLoadList })));`,
  );
  fs.rmSync(list, { force: true });
  const r = spawnSync(process.execPath, ['--require', probe, BIN, ...args], { env, encoding: 'utf8' });
  logStderr(r.stderr);
  expect(r.status, r.stderr).toBe(0);
  const { seen, modules } = JSON.parse(fs.readFileSync(list, 'utf8')) as { seen: string[]; modules: string[] };
  return { bundles: seen.map((file) => path.relative(path.join(ROOT, 'dist'), file).replaceAll(path.sep, '/')), modules };
}
const compiled = (args: string[]) => started(args).bundles;

/** `sscard ...args` as a process, started from the given bundle's start() (what bin/sscard does after choosing). */
function through(bundle: string, args: string[], input = '') {
  // node -e takes the words after the script as process.argv[1...]: a placeholder stands where the launcher's path would.
  const code = `require(${JSON.stringify(path.join(ROOT, 'dist', bundle))}).start()`;
  const r = spawnSync(process.execPath, ['-e', code, 'sscard', ...args], { env, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bundles a command starts from', () => {
  it('status compiles the status command line, wherever `status` stands after the program options; commander too for a line with options', () => {
    expect(compiled(['status', ID])).toEqual(['lazy/status-cli.cjs']);
    // Commander is a bundle of its own for the status command line (scripts/build.mjs), which `status <id>` alone never loads.
    expect(compiled(['--db', env.SSCARD_DB, '--json', 'status', ID])).toEqual(['lazy/status-cli.cjs', 'lazy/commander.cjs']);
    // Chinese: its catalogue is a bundle of its own, as for every command.
    expect(compiled(['--lang', 'zh', 'status', ID])).toEqual(['lazy/status-cli.cjs', 'lazy/messages-zh.cjs', 'lazy/commander.cjs']);
  });

  it('status does not load node:os (the temporary directory is found without it)', () => {
    const { modules } = started(['status', ID]);
    expect(modules).toContain('NativeModule vm'); // the list is the real one
    expect(modules).not.toContain('NativeModule os');
  });

  it('`status <id>` alone runs none of commander (main.ts reads that line itself); a line with a flag loads it', () => {
    // Commander's command.js requires node:process when it loads, and nothing else on status's path does: loaded
    // or not, that built-in module tells whether commander's modules ran (scripts/build.mjs, commanderOnFirstUse).
    expect(started(['status', ID]).modules).not.toContain('NativeModule process');
    const withFlag = started(['status', ID, '--json']);
    expect(withFlag.bundles).toEqual(['lazy/status-cli.cjs', 'lazy/commander.cjs']);
    expect(withFlag.modules).toContain('NativeModule process');
  });

  it('a command that is done ends its process only when nothing else still runs in it (src/cli/entry.ts, endWhenIdle)', () => {
    // A timer of a preloaded module stands for work still under way when the command's answer is out: the process
    // waits for it, as Node would, rather than ending at once as it does when nothing is left.
    const later = path.join(dir, 'later.cjs');
    fs.writeFileSync(later, `setTimeout(() => require('node:fs').writeSync(2, 'still running\\n'), 300);`);
    const r = spawnSync(process.execPath, ['--require', later, BIN, 'status', ID], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('110105');
    expect(r.stderr).toBe('still running\n');
  });

  it('the bundles holding the SQLite driver require its built-in modules as node:fs, node:path, node:util (scripts/build.mjs)', () => {
    for (const bundle of ['lazy/status-cli.cjs', 'lazy/process-context.cjs']) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'latin1');
      expect(text.match(/require\("(fs|path|util)"\)/g), bundle).toBeNull();
      expect(text, bundle).toContain('require("node:util")'); // the driver's backup method's promisify, still there
    }
  });

  it("the bundles hold chinese-days' schedules a year at a time, not the package's whole file (scripts/build.mjs)", () => {
    // The whole file lists 2025's first holiday right after 2026's last (National Day, 3 days); a year's text starts with it.
    const wholeFile = '3","2025-01-01"';
    const yearText = '{"holidays":{"2025-01-01"';
    for (const bundle of ['lazy/status-cli.cjs', 'lazy/process-context.cjs']) {
      const text = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'latin1');
      expect(text.includes(wholeFile), `${bundle} holds the whole file`).toBe(false);
      expect(text.includes(yearText), `${bundle} holds 2025's text`).toBe(true);
    }
  });

  it('another command compiles the command line, the process context and its own module', () => {
    expect(compiled(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending'])).toEqual([
      'sscard.cjs',
      'lazy/process-context.cjs',
      'lazy/register-employee.cjs',
    ]);
    expect(compiled(['people'])).toEqual(['sscard.cjs', 'lazy/process-context.cjs', 'lazy/people.cjs']);
  });

  it('the status command line answers every line as dist/sscard.cjs does', () => {
    const lines: string[][] = [
      ['status', ID],
      ['status', ID, '--json'],
      ['--lang', 'zh', 'status', ID],
      ['status', ID, '--reveal', '--as-of', '2026-09-15'],
      ['status', '110105194912310021'], // a wrong check digit: the user's error, in one sentence
      ['status', '11010519491231003X'], // no such person
      ['status'], // no id, no terminal to ask at
      ['status', '--help'],
      ['help', 'status'],
      ['status', ID, '--no-such-option'],
      ['statu', ID], // a typo: commander's suggestion needs the whole command tree
      ['people', '--employer', 'status'],
      ['--help'],
    ];
    for (const args of lines) {
      const general = through('sscard.cjs', args);
      const status = through('lazy/status-cli.cjs', args);
      expect(status, args.join(' ')).toEqual(general);
      expect(general.stdout + general.stderr, args.join(' ')).not.toBe('');
    }
    // Each kind of answer is there: a page, an error with its exit code, help.
    expect(through('lazy/status-cli.cjs', ['status', ID]).stdout).toContain('Acme');
    expect(through('lazy/status-cli.cjs', ['status', '11010519491231003X']).code).not.toBe(0);
    expect(through('lazy/status-cli.cjs', ['statu', ID]).stderr).toContain('status');
  });
});
