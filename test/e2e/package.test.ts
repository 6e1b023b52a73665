// Issue 19: `npm pack` gives a tarball that installs and runs outside the
// clone, with a man page generated from the same declarations as --help.
// The tarball is installed with npm into a temporary prefix, as a user
// would (`npm install -g`), and the installed `sscard` and `man` are run.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './harness.js';

const ROOT = path.resolve(__dirname, '../..');
const ID = '11010519491231002X';
const MAN = spawnSync('sh', ['-c', 'command -v man'], { encoding: 'utf8' }).status === 0;

/** npm, without the npm_* variables of the `npm test` that runs us (npm_config_local_prefix would point it at the checkout). */
function npm(args: string[], cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, env, encoding: 'utf8', timeout: 170_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

function spawn(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

describe('the npm package', () => {
  let work: string;
  let packed: Packed;
  let prefix: string;
  let installed: string;
  let sscard: string;
  let installSeconds: number;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-package-'));
    // Pack a copy of the project without dist/ and man/, as in a fresh clone: npm pack must build them itself
    // (it runs `prepare`). Packing the checkout would also rebuild its dist/ under the other end-to-end tests.
    const copy = path.join(work, 'clone');
    const generated = new Set(['node_modules', 'dist', 'man', '.git']);
    fs.cpSync(ROOT, copy, { recursive: true, filter: (source) => !generated.has(path.relative(ROOT, source).split(path.sep)[0] ?? '') });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const out = path.join(work, 'out');
    fs.mkdirSync(out);
    const tarballs = JSON.parse(npm(['pack', '--json', '--pack-destination', out], copy)) as Packed[];
    expect(tarballs).toHaveLength(1);
    packed = tarballs[0]!;

    // --ignore-scripts: better-sqlite3 would otherwise compile from source (no prebuilt binary is reachable
    // offline), about 70 seconds here; a user's `npm install -g` does that once. Its compiled addon from this
    // checkout is copied in instead: the same package version and the same Node, so the same binary.
    prefix = path.join(work, 'prefix');
    const started = performance.now();
    npm(['install', '--global', '--prefix', prefix, '--ignore-scripts', '--prefer-offline', path.join(out, packed.filename)], work);
    installSeconds = (performance.now() - started) / 1000;
    installed = path.join(prefix, 'lib', 'node_modules', 'sscard');
    const addon = path.join('node_modules', 'better-sqlite3');
    const version = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, addon, 'package.json'), 'utf8')).version;
    if (version(installed) !== version(ROOT)) {
      throw new Error(`the tarball installed better-sqlite3 ${version(installed)} but this checkout built ${version(ROOT)}: its addon cannot be reused`);
    }
    fs.mkdirSync(path.join(installed, addon, 'build', 'Release'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, addon, 'build', 'Release', 'better_sqlite3.node'), path.join(installed, addon, 'build', 'Release', 'better_sqlite3.node'));
    sscard = path.join(prefix, 'bin', 'sscard');
    console.log(
      `package: ${packed.filename}, ${packed.entryCount} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked; npm install -g took ${installSeconds.toFixed(1)} s`,
    );
  }, 180_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the bundles, data, launcher, man page, README and licence, and no tests or sources', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'bin/sscard',
        'dist/sscard.cjs',
        'data/regions.tsv',
        'man/sscard.1',
        'man/zh_CN/man1/sscard.1',
        'README.md',
        'LICENSE',
        'package.json',
      ]),
    );
    for (const file of paths) {
      expect(file).toMatch(/^(bin|dist|data|man)\/|^(package\.json|README\.md|LICENSE)$/);
      expect(file).not.toMatch(/(^|\/)(test|src|bench|scripts)\/|\.test\.|\.ts$/);
    }
  });

  it('depends at run time on exactly the modules the bundles load', () => {
    // Everything else is bundled by esbuild (devDependencies); what a bundle still require()s must be installed.
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const declared = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})].sort();
    const required = new Set<string>();
    const bundles = packed.files.map((f) => f.path).filter((f) => f.endsWith('.cjs'));
    for (const bundle of bundles) {
      for (const [, name = ''] of fs.readFileSync(path.join(installed, bundle), 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
        if (!name.startsWith('.') && !name.startsWith('node:') && !builtinModules.includes(name)) required.add(name);
      }
    }
    expect(bundles.length).toBeGreaterThan(1);
    expect([...required].sort()).toEqual(declared);
  });

  it('installs a working sscard: --version', () => {
    const result = spawn(sscard, ['--version'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect(result.code).toBe(0);
  });

  it('installs a working sscard: status on a fresh ledger says there is no record, in one sentence', () => {
    const db = path.join(work, 'demo.db');
    const result = spawn(sscard, ['status', ID, '--db', db], { cwd: work, env: { PATH: process.env.PATH, HOME: work, LANG: 'C', SSCARD_TODAY: '2026-11-25' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sscard: No ledger at .*demo\.db; .*\n$/);
    expect(result.stderr).not.toContain(ID);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!MAN)('installs the man page where `man sscard` finds it, rendered without warnings', () => {
    const env = { PATH: process.env.PATH, HOME: work, LC_ALL: 'C.UTF-8', MANPATH: path.join(prefix, 'share', 'man'), MANWIDTH: '80' };
    // npm links the `man` field's page into PREFIX/share/man/man1, where man looks (man -w shows the link's target).
    const link = path.join(prefix, 'share', 'man', 'man1', 'sscard.1');
    expect(fs.realpathSync(link)).toBe(fs.realpathSync(path.join(installed, 'man', 'sscard.1')));
    const located = spawn('man', ['-w', 'sscard'], { env });
    expect(located.code).toBe(0);
    expect(fs.realpathSync(located.stdout.trim())).toBe(fs.realpathSync(link));

    const page = spawn('man', ['--warnings', '-l', link], { env });
    expect(page.stderr).toBe('');
    expect(page.code).toBe(0);
    for (const heading of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'GLOBAL OPTIONS', 'COMMANDS', 'ENVIRONMENT', 'EXIT STATUS', 'FILES', 'EXAMPLES', 'SEE ALSO']) {
      expect(page.stdout).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
  });

  // The Chinese page is not in the `man` field: npm links every page there to share/man/man1/<name>, where it would
  // clash with the English one. man finds it under a MANPATH entry for a zh_CN locale (-L: this machine may lack the locale).
  it.skipIf(!MAN)('ships a Chinese man page where man looks for zh_CN, rendered without warnings', () => {
    const env = { PATH: process.env.PATH, HOME: work, LC_ALL: 'C.UTF-8', MANPATH: path.join(installed, 'man'), MANWIDTH: '80' };
    const located = spawn('man', ['-L', 'zh_CN.UTF-8', '-w', 'sscard'], { env });
    expect(located.code).toBe(0);
    expect(fs.realpathSync(located.stdout.trim())).toBe(fs.realpathSync(path.join(installed, 'man', 'zh_CN', 'man1', 'sscard.1')));
    const page = spawn('man', ['--warnings', '-l', located.stdout.trim()], { env });
    expect(page.stderr).toBe('');
    expect(page.code).toBe(0);
    for (const heading of ['名称', '概述', '描述', '全局选项', '命令', '环境变量', '退出状态', '文件', '示例', '参见']) {
      expect(page.stdout).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
    expect(page.stdout).not.toMatch(/^[A-Z][A-Z ]+$/m); // no English heading left
  });

  it.skipIf(!MAN)(
    'says what --help says: every command, its description and its options, in both languages',
    () => {
      for (const [lang, file] of [
        ['en', ['sscard.1']],
        ['zh', ['zh_CN', 'man1', 'sscard.1']],
      ] as const) {
        saysWhatHelpSays(lang, path.join(installed, 'man', ...file));
      }
    },
    120_000,
  );

  function saysWhatHelpSays(lang: 'en' | 'zh', file: string) {
    const env = { PATH: process.env.PATH, HOME: work, LC_ALL: 'C.UTF-8', MANWIDTH: '80' };
    // Groff breaks Chinese lines between characters, without a space: that text is compared with no spaces at all.
    // In English, a line may also break between two Chinese characters (`(参\n保地)` in a wrapped description): no space there either.
    const fold = (text: string) =>
      lang === 'zh' ? text.replace(/\s+/g, '') : text.replace(/\s+/g, ' ').replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
    // No hyphenation or justification, so that a description reads the same as in --help once spaces are folded.
    const page = fold(spawn('man', ['--nh', '--nj', '-l', file], { env }).stdout);
    // --help through the harness (in this process, the checkout's bundles built from the same sources as the package's):
    // about 90 help texts, each a process of the installed command before, took 13 s of the suite's CPU.
    const help = (args: string[]) => run([...args, '--help', '--lang', lang], { HOME: work, LC_ALL: 'C.UTF-8' }).stdout;
    /** Commander's help: the commands listed under "Commands:" (without its own `help`). */
    const subcommands = (text: string) =>
      [...((text.split(/^(?:Commands:|命令：)$/m)[1] ?? '').split('\n\n')[0] ?? '').matchAll(/^ {2}(\S+)/gm)]
        .map(([, name = '']) => name)
        .filter((name) => name !== 'help');
    const commands: string[][] = [];
    for (const name of subcommands(help([]))) {
      const subs = subcommands(help([name]));
      // A command with subcommands is checked too: some run by themselves as well (`rates [city]`, `calendar`).
      commands.push([name], ...subs.map((sub) => [name, sub]));
    }
    expect(commands.length).toBeGreaterThan(15);
    // Among them the commands of v3 (issues 26, 27): card-making progress, policy corrections, employers, rates.
    expect(commands).toEqual(
      expect.arrayContaining([
        ['card', 'apply'],
        ['card', 'ready'],
        ['card', 'fail'],
        ['card', 'set-policy'],
        ['employer', 'add'],
        ['employer', 'list'],
        ['employer', 'set'],
        ['rates'],
        ['rates', 'load'],
      ]),
    );
    for (const command of commands) {
      const text = help(command);
      const description = fold(text.split('\n\n')[1] ?? '').trim();
      expect(description, command.join(' ')).not.toBe('');
      expect(page, command.join(' ')).toContain(fold(`sscard ${command.join(' ')}`));
      expect(page, command.join(' ')).toContain(description);
      for (const [, flag] of text.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)) expect(page, `${command.join(' ')} ${flag}`).toContain(flag);
    }
  }

  // Without man the page checks above are skipped (and say so); under .ci/run, which installs man-db, that is a failure.
  it.skipIf(MAN || !process.env.SSCARD_CI)('has `man` to check the page with in CI (.ci/run installs man-db)', () => {
    expect(MAN).toBe(true);
  });
});
