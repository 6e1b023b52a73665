// npm test builds dist/ only when what the build reads changed (scripts/build-inputs.mjs, issue 25). A digest that
// missed a change would run the suite against a stale build: these cases are what it must see, and what it must not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { buildInputsDigest } from '../../scripts/build-inputs.mjs';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A small tree with a file in each input and some that are not inputs. */
function tree(): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-build-inputs-'));
  const files: Record<string, string> = {
    'bin/sscard': '#!/usr/bin/env node\n',
    'data/policies.json': '{"policies":[]}\n',
    'scripts/build.mjs': '// build\n',
    'src/core/agenda.ts': 'export const a = 1;\n',
    'src/cli/main.ts': 'export const b = 2;\n',
    'package.json': '{"name":"sscard"}\n',
    'package-lock.json': '{"lockfileVersion":3}\n',
    'tsconfig.json': '{}\n',
    'README.md': '# sscard\n',
    'test/a.test.ts': 'it();\n',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}
const digest = (options = {}) => buildInputsDigest(root, { node: 'v20.20.2', noMinify: '', ...options });

describe('what makes npm test build again', () => {
  it('is the same for the same files, and for a file only touched', () => {
    tree();
    const before = digest();
    expect(digest()).toBe(before);
    const later = new Date(Date.UTC(2030, 0, 1));
    fs.utimesSync(path.join(root, 'src/core/agenda.ts'), later, later);
    expect(digest()).toBe(before);
  });

  /** One file of each input of the build (a folder or a file): each must be one. */
  const ONE_FILE_OF: Record<string, string> = {
    bin: 'bin/sscard',
    data: 'data/policies.json',
    scripts: 'scripts/build.mjs',
    src: 'src/core/agenda.ts',
    'package.json': 'package.json',
    'package-lock.json': 'package-lock.json',
    'tsconfig.json': 'tsconfig.json',
  };
  it.each(Object.keys(ONE_FILE_OF).map((input) => [input]))('changes when a file in %s changes, and back when it is put back', (input) => {
    tree();
    const before = digest();
    const file = path.join(root, ONE_FILE_OF[input]!);
    const text = fs.readFileSync(file);
    fs.appendFileSync(file, ' ');
    expect(digest()).not.toBe(before);
    fs.writeFileSync(file, text);
    expect(digest()).toBe(before);
  });

  it('changes with a new file, a removed one or a renamed one', () => {
    tree();
    const before = digest();
    fs.writeFileSync(path.join(root, 'src/core/new.ts'), '');
    expect(digest()).not.toBe(before);
    fs.rmSync(path.join(root, 'src/core/new.ts'));
    expect(digest()).toBe(before);
    fs.renameSync(path.join(root, 'src/cli/main.ts'), path.join(root, 'src/cli/main2.ts'));
    expect(digest()).not.toBe(before);
  });

  it('changes with another Node (the code caches are for one) or SSCARD_NO_MINIFY', () => {
    tree();
    const before = digest();
    expect(digest({ node: 'v22.0.0' })).not.toBe(before);
    expect(digest({ noMinify: '1' })).not.toBe(before);
  });

  it('does not change for files the build does not read', () => {
    tree();
    const before = digest();
    fs.appendFileSync(path.join(root, 'README.md'), 'more\n');
    fs.appendFileSync(path.join(root, 'test/a.test.ts'), 'it();\n');
    expect(digest()).toBe(before);
  });
});
