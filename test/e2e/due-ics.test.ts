// Issue 31: `due --format ics` writes each event as the agenda streams
// instead of building the whole file (1.77 GiB at a million deadlines). The
// bytes must not change: the expected files are what the whole-file
// implementation wrote for this ledger (commit f502fd1), with folded long
// lines, escaped commas and semicolons, overdue and future deadlines, a
// separation, and both languages.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ics');

describe('due --format ics, written as the agenda streams', () => {
  let ledger: Ledger;
  beforeAll(() => {
    ledger = tempLedger('2026-11-24');
    const imported = ledger.run(['import', path.join(FIXTURES, 'roster.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => ledger.cleanup());

  it.each([
    ['en', 'due-en.ics'],
    ['zh', 'due-zh.ics'],
  ])('writes the same bytes as the whole-file writer did (%s)', (lang, file) => {
    const due = ledger.run(['due', '--format', 'ics', '--lang', lang], { env: { NO_COLOR: '1' } });
    expect(due.code, due.stderr).toBe(0);
    expect(due.stdout).toBe(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
    expect(due.stdout.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  });
});
