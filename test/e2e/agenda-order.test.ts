// The agenda's order comes from the store (open hires sorted by the deadline
// the core gives each start day, then holder, hire date and employer) merged
// in the core with the card items and with people replayed as of an earlier
// day. Checked on both engines, with many hires open (SQLite reads them in one
// ordered pass over the table) and few (it reads the partial index), on
// rosters whose hire dates fall on weekends and holidays, so that deadlines
// tie across start days.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/core/citizen-id.js';
import { type Engine, type Ledger, tempLedger } from './harness.js';

const id = (i: number) => {
  const first17 = `110101${1970 + (i % 30)}0${(i % 9) + 1}1${i % 10}${String(100 + i).slice(-3)}`;
  return first17 + checkCharacter(first17);
};
const day = (from: string, n: number) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** 60 people: hires over 12 days around National Day, a second employer for some, leavers; `registered` of them filed by 2026-11-12. */
function roster(registered: (i: number) => boolean): string {
  const lines = ['id,name,employer,hired_on,registered_on,left_on'];
  for (let i = 0; i < 60; i++) {
    const hired = day('2026-09-25', i % 12);
    const filed = registered(i) ? day(hired, 10 + (i % 40)) : '';
    lines.push(`${id(i)},P${i},Co ${i % 3},${hired},${filed > '2026-11-20' ? '' : filed},${i % 7 === 0 ? day(hired, 20 + (i % 5)) : ''}`);
    if (i % 5 === 0) lines.push(`${id(i)},P${i},Co ${(i % 3) + 1}x,${hired},${registered(i + 1) && filed <= '2026-11-20' ? filed : ''},`);
  }
  return `${lines.join('\n')}\n`;
}

type Item = { kind: string; id: string; daysLeft: number; hiredOn: string | null; employer: string | null };
const key = (i: Item) => [String(i.daysLeft + 100_000).padStart(7, '0'), i.kind, i.id, i.hiredOn ?? '', i.employer ?? ''].join('|');

describe.each<[Engine, string, (i: number) => boolean]>([
  ['sqlite', 'many open', (i) => i % 3 !== 0],
  ['sqlite', 'few open', (i) => i % 20 !== 0],
  ['postgres', 'many open', (i) => i % 3 !== 0],
])('the agenda on %s, %s', (engine, _, registered) => {
  const ledgers: Ledger[] = [];
  afterAll(() => {
    for (const l of ledgers) l.cleanup();
  });

  it('lists every open item most urgent first, ties by kind, ID, hire date and employer, also as of an earlier day', () => {
    const l = tempLedger('2026-11-24', engine);
    ledgers.push(l);
    const file = path.join(l.dir, 'roster.csv');
    fs.writeFileSync(file, roster(registered));
    expect(l.run(['import', file]).code).toBe(0);
    for (const asOf of ['2026-11-24', '2026-11-05']) {
      const r = l.run(['due', '--json', '--reveal', '--as-of', asOf]);
      expect(r.code, r.stderr).toBe(0);
      const items = r.json.items as Item[];
      expect(items.length).toBeGreaterThan(10);
      const keys = items.map(key);
      expect(keys).toEqual([...keys].sort());
      // Deadlines tie across start days and people; both kinds are there.
      expect(new Set(items.map((i) => i.daysLeft)).size).toBeLessThan(items.length);
      expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['registration', 'separation']));
    }
    // As of 2026-11-05, hires filed later are open again: people replayed, merged among the cached rows.
    const later = (l.run(['due', '--json', '--reveal', '--as-of', '2026-11-05']).json.items as Item[]).filter((i) => i.kind === 'registration');
    const now = (l.run(['due', '--json', '--reveal']).json.items as Item[]).filter((i) => i.kind === 'registration');
    expect(later.length).toBeGreaterThan(now.length);
  });
});
