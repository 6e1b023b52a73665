// Issue 17: the commands that write a whole ledger's worth of output finish
// and print a document that parses, on a ledger of 150,000 open deadlines
// (v1 crashed in text mode above about 125,000: Math.max(...spread)). Not
// timed: speed is measured by `npm run bench`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type Ledger, tempLedger } from './harness.js';

const OPEN = 150_000;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (s: string) => '10X98765432'[[...s].reduce((sum, c, i) => sum + Number(c) * WEIGHTS[i]!, 0) % 11]!;

/** Distinct valid numbers: 8 districts, birth days from 1970 on, sequence numbers above them. */
function syntheticId(i: number): string {
  const region = ['110105', '310115', '440305', '510107', '330106', '420106', '320102', '370102'][i % 8]!;
  const birth = new Date(Date.UTC(1970, 0, 1) + (Math.floor(i / 8) % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = region + birth + String(Math.floor(i / 80_000) + 1).padStart(3, '0');
  return first17 + checkChar(first17);
}

describe(`a ledger of ${OPEN.toLocaleString('en')} open deadlines`, () => {
  let ledger: Ledger;
  beforeAll(() => {
    ledger = tempLedger('2026-11-24');
    const csv = path.join(ledger.dir, 'hires.csv');
    const lines = ['id,name,employer,hired_on,registered_on'];
    // None registered: every hire is an open registration, a third of them overdue.
    for (let i = 0; i < OPEN; i++)
      lines.push(`${syntheticId(i)},员工${i},公司${i % 50},${new Date(Date.UTC(2026, 8, 1) + (i % 80) * 86_400_000).toISOString().slice(0, 10)},`);
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);
    const imported = ledger.run(['import', csv]);
    expect(imported.code, imported.stderr).toBe(0);
  }, 180_000);
  afterAll(() => ledger.cleanup());

  // One run: --check prints the same listing as plain due and changes only the exit code (due.ts's last line), so the
  // listing is checked on its output; plain due's exit 0 is checked on small ledgers (cost.test.ts). Each
  // run at this size is about 2 s of CPU (issue 25).
  it('due in text mode lists every one, in deadline order, with its count; --check says some are overdue', () => {
    const due = ledger.run(['due', '--check'], { env: { NO_COLOR: '1' } });
    expect(due.code, due.stderr).toBe(3);
    const lines = due.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(OPEN + 2); // header, items, the count
    expect(lines[0]).toMatch(/^DEADLINE +WHEN +WHAT +ID/);
    const overdue = lines.filter((l) => / overdue {2}/.test(l)).length;
    expect(lines.at(-1)).toBe(`${OPEN.toLocaleString('en').replaceAll(',', '')} open deadlines, ${overdue} overdue.`);
    expect(overdue).toBeGreaterThan(0);
    const deadlines = lines.slice(1, -1).map((l) => l.slice(0, 10));
    expect(deadlines.every((d, i) => i === 0 || deadlines[i - 1]! <= d)).toBe(true);
    // Every column starts at the same place on every line (one pass measures them, the next prints).
    const whatAt = lines[0]!.indexOf('WHAT');
    expect(lines.slice(1, -1).every((l) => l.slice(whatAt).startsWith('registration'))).toBe(true);
  }, 180_000);

  /**
   * due --json in a process of its own with a JavaScript heap of 16 MiB, too small for 150,000 items, its output
   * straight into a file. Issue 31: every item was kept in a Map (the 增员/减员 cut-off's cache) once the import
   * recorded the employers, which took due --json at 1,000,000 hires from 129 to 246 MiB.
   */
  function dueJsonIn16MiB(asOf: string[]): { id: string }[] {
    const out = path.join(ledger.dir, 'due.json');
    const fd = fs.openSync(out, 'w');
    const r = spawnSync(process.execPath, ['--max-old-space-size=16', BIN, '--db', ledger.db, 'due', '--json', ...asOf], {
      env: { PATH: process.env.PATH ?? '', HOME: ledger.dir, LANG: 'C', SSCARD_TODAY: '2026-11-24' },
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    fs.closeSync(fd);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(fs.readFileSync(out, 'utf8')).items;
  }

  // One run for both: the document with every item is the one written in 16 MiB (due --json ran a second time in this
  // process for the first check: about 9 s of CPU, issue 25).
  it('due --json is one document with every item, and holds none once written: a JavaScript heap of 16 MiB is enough', () => {
    const items = dueJsonIn16MiB([]);
    expect(items).toHaveLength(OPEN);
    expect(new Set(items.map((i) => i.id)).size).toBeGreaterThan(1);
  }, 180_000);

  it('due --json on a past day holds no item once written either: a JavaScript heap of 16 MiB is enough', () => {
    expect(dueJsonIn16MiB(['--as-of', '2026-10-15']).length).toBeGreaterThan(0);
  }, 180_000);

  it('people lists every one, aligned, with the count', () => {
    const people = ledger.run(['people'], { env: { NO_COLOR: '1' } });
    expect(people.code, people.stderr).toBe(0);
    const lines = people.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(OPEN + 2); // the header row, one line each, the count
    expect(lines.at(-1)).toBe(`${OPEN} people.`);
    const cardAt = lines[1]!.indexOf('no card');
    expect(lines[0]).toMatch(/^ID +NAME +EMPLOYER +HIRED +CARD +E-CARD +DEADLINES$/);
    expect(lines.slice(1, -1).every((l) => l.indexOf('no card') === cardAt)).toBe(true);
  }, 180_000);

  it('export --format json is one document with every event', () => {
    const exported = ledger.run(['export', '--format', 'json']);
    expect(exported.code, exported.stderr).toBe(0);
    const document = JSON.parse(exported.stdout);
    const events = ledger.query<{ n: number }>('SELECT count(*) AS n FROM event')[0]!.n;
    expect(events).toBe(2 * OPEN); // each person recorded, then hired
    expect(document.events).toHaveLength(events);
  }, 180_000);
});
