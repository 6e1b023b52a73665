// The web view reads the agenda a page at a time (store.ts AgendaWindow): a
// window must not sort every open hire before its first row. Issue 31's bench
// at 3,000,000 hires (2,042,855 open) found the unfiltered agenda page taking
// 11-15 s: a window with neither employer nor start day went through the
// command's one sorted query. SQLite only: it watches the statements the
// engine prepares (the store contract checks both reads' rows on every engine).
import { describe, expect, it, vi } from 'vitest';
import { type AgendaSources, agendaOrder } from '../../src/core/agenda.js';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { checkCharacter } from '../../src/core/citizen-id.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import { openMemoryStore } from '../../src/store/sqlite/file.js';
import { BOOK } from '../core/shipped-policies.js';

const order = agendaOrder(chinaCalendar, () => BOOK);
const idOf = (i: number) => {
  const first17 = `110105199001${String((i % 28) + 1).padStart(2, '0')}${String(100 + i).slice(-3)}`;
  return first17 + checkCharacter(first17);
};
const dayOf = (n: number) => new Date(Date.UTC(2026, 9, 1 + n)).toISOString().slice(0, 10) as IsoDate;
const keys = async (pages: AgendaSources['registrations']) => {
  const got: string[] = [];
  for await (const page of pages) for (const e of page) got.push(`${e.person.id} ${e.hire.hiredOn}`);
  return got;
};

describe("the web view's window of the agenda on SQLite", () => {
  it('reads deadline by deadline, never the sorted query of every open hire that due reads; the rows are the same', async () => {
    const store = openMemoryStore('2026-11-24T04:00:00.000Z');
    await store.write(async (tx) => {
      for (let i = 0; i < 60; i++) {
        const hiredOn = dayOf(i % 20);
        await tx.record(
          idOf(i),
          [
            { on: null, body: { kind: 'person.recorded', name: `P${i}` } },
            { on: hiredOn, body: { kind: 'hire.recorded', employer: `Co ${i % 3}`, hiredOn, hireKind: 'employee' } },
          ],
          'window test',
        );
      }
    });
    const prepared: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    vi.spyOn(store.db, 'prepare').mockImplementation((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    });
    const sortsEveryOpenHire = () => prepared.some((sql) => /ORDER BY sscard_registration_deadline\(/.test(sql));

    const window = await keys((await store.agendaRows(null, order, {})).registrations);
    expect(sortsEveryOpenHire()).toBe(false);

    prepared.length = 0;
    const whole = await keys((await store.agendaRows(null, order)).registrations);
    expect(sortsEveryOpenHire()).toBe(true);
    expect(whole).toHaveLength(60);
    expect(window).toEqual(whole);
    await store.close();
  });
});
