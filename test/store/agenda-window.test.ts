// The web view reads the agenda a page at a time (store.ts AgendaWindow): a
// window must not sort every open hire before its first row. Issue 31's bench
// at 3,000,000 hires (2,042,855 open) found the unfiltered agenda page taking
// 11-15 s: a window with neither employer nor start day went through the
// command's one sorted query. SQLite only: it watches the statements the
// engine prepares (the store contract checks both reads' rows on every engine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type AgendaSources, agendaOrder } from '../../src/core/agenda.js';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { checkCharacter } from '../../src/core/citizen-id.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import { openMemoryStore, openSqliteStore } from '../../src/store/sqlite/file.js';
import type { SqliteStore } from '../../src/store/sqlite/ledger.js';
import { BOOK } from '../core/shipped-policies.js';
import { rewriteAtVersion } from './older-ledger.js';

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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-agenda-window-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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

  it("reads one employer's open hires through the indexes that lead with the employer (schema v7); a v6 ledger read without migrating gives the same rows", async () => {
    const file = path.join(dir, 'ledger.db');
    const now = '2026-11-24T04:00:00.000Z';
    const writer = openSqliteStore(file, { create: true, createDirectories: false, now })!;
    // 90 hires of three employers: a quarter registered, of those a half left (an open separation), the rest open.
    await writer.write(async (tx) => {
      for (let i = 0; i < 90; i++) {
        const [hiredOn, employer] = [dayOf(i % 25), `Co ${i % 3}`];
        const facts = [
          { on: null, body: { kind: 'person.recorded' as const, name: `P${i}` } },
          { on: hiredOn, body: { kind: 'hire.recorded' as const, employer, hiredOn, hireKind: 'employee' as const } },
        ];
        if (i % 4 === 1) facts.push({ on: hiredOn, body: { kind: 'hire.registered' as const, employer, hiredOn } } as never);
        if (i % 8 === 1) facts.push({ on: dayOf(30 + (i % 9)), body: { kind: 'hire.ended' as const, employer, hiredOn } } as never);
        await tx.record(idOf(i), facts, 'window test');
      }
    });
    await writer.close();
    // Each employer's rows, and whether the store's statements (prepared once, for every employer) name the indexes.
    const employersOf = async (store: SqliteStore) => {
      const prepared: string[] = [];
      const prepare = store.db.prepare.bind(store.db);
      const spy = vi.spyOn(store.db, 'prepare').mockImplementation((sql: string) => {
        prepared.push(sql);
        return prepare(sql);
      });
      const rows: Record<string, { registrations: string[]; separations: string[] }> = {};
      for (const employer of ['Co 0', 'Co 1', 'Co 2']) {
        const sources = await store.agendaRows(null, order, { employer });
        rows[employer] = { registrations: await keys(sources.registrations), separations: await keys(sources.separations) };
      }
      // `due --employer`: the whole agenda, its employer filter a function of the name (here: case ignored).
      const filtered: Record<string, { registrations: string[]; separations: string[] }> = {};
      for (const typed of ['co 1', 'CO 2', 'Co 9']) {
        const asked: (string | null)[] = [];
        const employerMatches = (name: string | null) => {
          asked.push(name);
          return name?.toLowerCase() === typed.toLowerCase();
        };
        const sources = await store.agendaRows(null, order, { employerMatches });
        filtered[typed] = { registrations: await keys(sources.registrations), separations: await keys(sources.separations) };
        // Asked once per name, each name of an open hire (the filter keeps names for its suggestions).
        expect(new Set(asked).size, typed).toBe(asked.length);
        expect([...asked].filter((name) => name !== null).sort(), typed).toEqual(['Co 0', 'Co 1', 'Co 2']);
      }
      spy.mockRestore();
      const byEmployer = ['hire_unregistered_by_employer', 'hire_separation_open_by_employer'].map((index) =>
        prepared.some((sql) => sql.includes(`INDEXED BY ${index}`)),
      );
      const filteredByIndex = prepared.some((sql) =>
        /INDEXED BY hire_unregistered_by_employer JOIN person[\s\S]*ORDER BY sscard_registration_deadline/.test(sql),
      );
      return { rows, byEmployer, filtered, filteredByIndex };
    };
    const current = openSqliteStore(file, { create: false, createDirectories: false, now })!;
    const atV7 = await employersOf(current);
    await current.close();

    rewriteAtVersion(file, 6);
    // A dry run of an older ledger is read without migrating it (store/open.ts), as a read-only one is.
    const older = openSqliteStore(file, { create: false, createDirectories: false, now, dryRun: true })!;
    expect(older.db.pragma('user_version', { simple: true })).toBe(6);
    const atV6 = await employersOf(older);
    expect(atV7.byEmployer).toEqual([true, true]);
    expect(atV6.byEmployer).toEqual([false, false]);
    expect(atV7.rows).toEqual(atV6.rows);
    // due --employer: the same rows both ways, each employer's own, read through the employer indexes at v7 only.
    expect(atV7.filteredByIndex).toBe(true);
    expect(atV6.filteredByIndex).toBe(false);
    expect(atV7.filtered).toEqual(atV6.filtered);
    expect(atV7.filtered['co 1']).toEqual(atV7.rows['Co 1']);
    expect(atV7.filtered['CO 2']).toEqual(atV7.rows['Co 2']);
    expect(atV7.filtered['Co 9']).toEqual({ registrations: [], separations: [] });
    for (const employer of ['Co 0', 'Co 1', 'Co 2']) {
      const { registrations, separations } = atV6.rows[employer]!;
      expect(registrations.length, employer).toBeGreaterThan(10);
      expect(separations.length, employer).toBeGreaterThan(2);
    }
    await older.close();
  });
});
