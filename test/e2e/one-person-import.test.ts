// Issue 31: an import of many rows for one person costs each row its own
// facts, not the person's whole history again (it was about n^2.7: 4,000 rows
// took 471 s). Not timed: quadratic work shows as a slow suite. The rows mix
// later hires (a row each), registrations of earlier hires (updated in place)
// and one hire dated before all the others (every hire written again), so the
// cached tables the store keeps row by row are checked against the replay:
// once before that last row (which would rewrite any row written wrongly
// before it) and once after.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

const ID = '11010519491231002X';
const HIRES = 2_900;
const LATE_REGISTRATIONS = 99;
const day = (from: string, n: number) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const hiredOn = (i: number) => day('2000-01-01', i);
const employer = (i: number) => `公司${i % 50}`;

const HEADER = 'id,name,employer,hired_on,registered_on';

/** Every row but the last. */
function roster(): string {
  const lines = [HEADER];
  // A hire a row, a day apart; every third one not yet registered.
  for (let i = 0; i < HIRES; i++) lines.push(`${ID},张三,${employer(i)},${hiredOn(i)},${i % 3 === 0 ? '' : hiredOn(i)}`);
  // Later rows register the first unregistered hires, the day after each was hired.
  for (let k = 0; k < LATE_REGISTRATIONS; k++) lines.push(`${ID},张三,${employer(3 * k)},${hiredOn(3 * k)},${day(hiredOn(3 * k), 1)}`);
  return `${lines.join('\n')}\n`;
}

/** The last row: a hire before all the others. */
const EARLY_HIRE = `${HEADER}\n${ID},张三,早先公司,1999-06-01,\n`;

describe.each(['sqlite', 'postgres'] as const)('3,000 rows for one person (%s)', (engine) => {
  const ledger: Ledger = tempLedger('2026-11-24', engine);
  afterAll(() => ledger.cleanup());

  it('imports every row; status, history, export and check show the whole result', () => {
    const file = path.join(ledger.dir, 'one-person.csv');
    fs.writeFileSync(file, roster());
    const imported = ledger.run(['import', file, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json).toMatchObject({ rows: 2_999, changed: 2_999, unchanged: 0, invalidCount: 0 });
    // The rows written one by one (each row's own hire inserted or updated), before any rewrite of them all.
    const checkedBefore = ledger.run(['check']);
    expect(checkedBefore.code, checkedBefore.stderr).toBe(0);
    expect(checkedBefore.stdout).toMatch(/Tables = replay of events: yes/);
    const early = path.join(ledger.dir, 'early-hire.csv');
    fs.writeFileSync(early, EARLY_HIRE);
    const importedEarly = ledger.run(['import', early, '--json']);
    expect(importedEarly.code, importedEarly.stderr).toBe(0);
    expect(importedEarly.json).toMatchObject({ rows: 1, changed: 1, unchanged: 0, invalidCount: 0 });

    const status = ledger.run(['status', ID, '--json']);
    expect(status.code, status.stderr).toBe(0);
    const hires: { employer: string; hiredOn: string; registeredOn: string | null }[] = status.json.registrations;
    expect(hires).toHaveLength(HIRES + 1);
    // Oldest first, the early hire at the head.
    expect(hires[0]).toMatchObject({ employer: '早先公司', hiredOn: '1999-06-01', registeredOn: null });
    expect(hires.map((h) => h.hiredOn)).toEqual(['1999-06-01', ...Array.from({ length: HIRES }, (_, i) => hiredOn(i))]);
    // Registered the day after by the later rows; the next unregistered one still open; the others the day they were hired.
    expect(hires[1]).toMatchObject({ employer: employer(0), registeredOn: day(hiredOn(0), 1) });
    expect(hires[1 + 3 * (LATE_REGISTRATIONS - 1)]!.registeredOn).toBe(day(hiredOn(3 * (LATE_REGISTRATIONS - 1)), 1));
    expect(hires[1 + 3 * LATE_REGISTRATIONS]!.registeredOn).toBeNull();
    expect(hires[2]!.registeredOn).toBe(hiredOn(1));
    const unregistered = Math.ceil(HIRES / 3) - LATE_REGISTRATIONS + 1;
    expect(hires.filter((h) => h.registeredOn === null)).toHaveLength(unregistered);

    // Every fact recorded once, as the import counted them.
    const history = ledger.run(['history', ID, '--json']);
    expect(history.code, history.stderr).toBe(0);
    expect(history.json.events).toHaveLength(imported.json.events + importedEarly.json.events);
    expect(imported.json.events + importedEarly.json.events).toBe(1 + (HIRES + 1) + (HIRES - Math.ceil(HIRES / 3)) + LATE_REGISTRATIONS);

    // The cached tables, kept row by row, equal the replay of the events; the export lists the hires oldest first.
    const check = ledger.run(['check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/Tables = replay of events: yes/);
    const exported = ledger.run(['export']);
    expect(exported.code, exported.stderr).toBe(0);
    const days = exported.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[3]);
    expect(days).toEqual(hires.map((h) => h.hiredOn));
  }, 300_000);
});
