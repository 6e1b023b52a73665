// The shipped data files the build checked (scripts/build.mjs writes dist/checked/, and commands take its reading
// of a file whose bytes are the same: src/cli/commands/shared/checked-data.ts, issue 31). The reading must be
// what checking the file gives, and a file edited after the build must be checked again. Each case runs a copy of
// the package whose data file is changed: the same content laid out otherwise (checked whole, since its bytes
// differ) must give the very bytes the build's reading gives; a broken one is refused as before.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, logStderr } from './harness.js';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-checked-data-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the built package (its dependencies linked) with `file` in data/ replaced by `content`. */
function packageWith(name: string, file: string, content: string): string {
  const root = path.join(dir, name);
  for (const part of ['bin', 'dist', 'data']) fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  fs.writeFileSync(path.join(root, 'data', file), content);
  return path.join(root, 'bin', 'sscard');
}

const ledger = path.join(dir, 'ledger.db');
function sscard(bin: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', ledger, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C', NO_COLOR: '1', SSCARD_TODAY: '2026-11-24' },
    encoding: 'utf8',
  });
  logStderr(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const shipped = (file: string) => fs.readFileSync(path.join(ROOT, 'data', file), 'utf8');
// Reformatted: the same JSON value, other bytes.
const reformatted = (file: string) => `${JSON.stringify(JSON.parse(shipped(file)), null, 1)}\n`;

describe('data files checked by the build', () => {
  it('the build checked both shipped files (a copy and its reading)', () => {
    for (const file of ['policies.json', 'contributions.json']) {
      expect(fs.readFileSync(path.join(ROOT, 'dist', 'checked', file)).equals(fs.readFileSync(path.join(ROOT, 'data', file)))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, 'dist', 'checked', file.replace('.json', '.reading.json')))).toBe(true);
    }
  });

  it('a person, an employer in a city with contribution data, a card: set up', () => {
    const id = '11010519491231002X';
    for (const args of [
      ['register-employee', '--id', id, '--employer', 'Acme', '--hired-on', '2026-09-01', '--pending'],
      ['employer', 'set', 'Acme', '--city', 'Shenzhen'],
      ['card', 'issue', '--id', id, '--card', 'A12345678', '--policy', 'guangdong'],
    ])
      expect(sscard(BIN, args).code, args.join(' ')).toBe(0);
  });

  for (const [file, commands] of [
    [
      'policies.json',
      [['policies'], ['policies', '--json'], ['--lang', 'zh', 'policies'], ['status', '11010519491231002X'], ['--json', 'status', '11010519491231002X']],
    ],
    [
      'contributions.json',
      [['rates'], ['rates', '--json'], ['rates', 'shenzhen'], ['status', '11010519491231002X'], ['--json', 'status', '11010519491231002X']],
    ],
  ] as const) {
    it(`data/${file} laid out otherwise is checked whole, and says what the build's reading says`, () => {
      const other = packageWith(`same-${file}`, file, reformatted(file));
      for (const args of commands) {
        const [built, checked] = [sscard(BIN, [...args]), sscard(other, [...args])];
        expect(built.code, args.join(' ')).toBe(0);
        expect(checked, args.join(' ')).toEqual(built);
      }
    });
  }

  it("a data file with the build's bytes is read from the build's reading, not checked again", () => {
    // The shipped file as it is, and a reading marked where the file says otherwise: the mark shows which one was read.
    const bin = packageWith('reading-taken', 'policies.json', shipped('policies.json'));
    const readingFile = path.join(path.dirname(bin), '..', 'dist', 'checked', 'policies.reading.json');
    const reading = JSON.parse(fs.readFileSync(readingFile, 'utf8'));
    reading.policies[0].name.en = 'Default from the reading';
    fs.writeFileSync(readingFile, JSON.stringify(reading));
    expect(sscard(bin, ['policies', reading.policies[0].id]).stdout).toContain('Default from the reading');
  });

  it('an edited data/policies.json that breaks a rule is refused, as before the build checked it', () => {
    const data = JSON.parse(shipped('policies.json'));
    data.policies[0].consequence = 42;
    const bin = packageWith('broken-policies', 'policies.json', JSON.stringify(data));
    const r = sscard(bin, ['policies']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/policies\.json/);
    expect(r.stderr).toMatch(/consequence/);
  });

  it('status of a hire with no card yet reads no policy, so a broken data/policies.json refuses it only once a card is recorded', () => {
    const data = JSON.parse(shipped('policies.json'));
    data.policies[0].consequence = 42;
    const bin = packageWith('broken-policies-status', 'policies.json', JSON.stringify(data));
    const id = '110105199003070017'; // not the person set up above, who has a card
    expect(sscard(BIN, ['register-employee', '--id', id, '--employer', 'Acme', '--hired-on', '2026-11-02', '--pending']).code).toBe(0);
    const before = sscard(bin, ['status', id]);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(sscard(BIN, ['status', id]).stdout); // the same answer as with the shipped policies
    expect(before.stdout).toMatch(/no card recorded/);
    expect(sscard(BIN, ['card', 'issue', '--id', id, '--card', 'B87654321']).code).toBe(0);
    const after = sscard(bin, ['status', id]);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/policies\.json/);
    expect(after.stderr).toMatch(/consequence/);
  });

  it('an edited data/contributions.json that breaks a rule is refused', () => {
    const data = JSON.parse(shipped('contributions.json'));
    data.version = 99;
    const bin = packageWith('broken-contributions', 'contributions.json', JSON.stringify(data));
    const r = sscard(bin, ['rates']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/contributions\.json/);
  });
});
