import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agenda, agendaOrder, agendaStream, byOpenWork, type EmployerCounts, OPEN_ITEMS } from '../../src/core/agenda.js';
import type { IsoDate } from '../../src/core/calendar-date.js';
import type { Card } from '../../src/core/card.js';
import { BOOK } from './shipped-policies.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import type { Hire } from '../../src/core/registration.js';

const d = (s: string) => s as IsoDate;
const TODAY = d('2026-11-24');
const person = (id: string) => ({ id, name: null });
const hire = (hiredOn: string, registeredOn: string | null = null, kind: Hire['kind'] = 'employee'): Hire => ({
  kind,
  employer: kind === 'employee' ? 'Acme' : null,
  hiredOn: d(hiredOn),
  registeredOn: registeredOn === null ? null : d(registeredOn),
  leftOn: null,
  separationDoneOn: null,
  base: null,
});
const card = (number: string, state: Card['state'], receivedOn: string | null): Card => ({
  number,
  holderId: 'x',
  bank: null,
  state,
  issuedOn: d('2026-01-05'),
  receivedOn: receivedOn === null ? null : d(receivedOn),
  activatedOn: state === 'activated' ? d('2026-06-01') : null,
  outlet: null,
  guardianId: null,
  endedOn: null,
  replacedBy: null,
  policy: 'seed',
  generation: 2,
  expiresOn: null,
  appliedOn: null,
  readyOn: null,
  readyAt: null,
  enabledOn: null,
  loss: null,
});

const hires = [
  { person: person('A'), hire: hire('2026-11-20') }, // pending: 2026-12-21 (20 Dec is a Sunday), 27 days
  { person: person('B'), hire: hire('2026-09-01') }, // overdue since 2026-10-08: -47
  { person: person('C'), hire: hire('2026-11-01', '2026-11-05') }, // filed: not open
  { person: person('D'), hire: hire('2026-11-01', null, 'flexible') }, // voluntary: no deadline
  { person: person('I'), hire: hire('2026-10-25') }, // deadline 2026-11-24: today, 0 days
];
const cards = [
  { person: person('E'), card: card('E00000001', 'received', '2026-03-31') }, // 2026-09-30: -55
  { person: person('F'), card: card('F00000001', 'received', '2026-06-03') }, // 2026-12-03: 9 days
  { person: person('G'), card: card('G00000001', 'activated', '2026-03-01') }, // activated: not open
  { person: person('H'), card: card('H00000001', 'issued', null) }, // not received: no window yet
];

describe('agenda: every open deadline, most urgent first', () => {
  it('lists open registrations and activations, longest overdue first, then the nearest', () => {
    expect(agenda(hires, cards, TODAY, chinaCalendar, null, BOOK).map((i) => [i.personId, i.kind, i.deadline.date, i.state, i.daysLeft])).toEqual([
      ['E', 'activation', '2026-09-30', 'overdue', -55],
      ['B', 'registration', '2026-10-08', 'overdue', -47],
      ['I', 'registration', '2026-11-24', 'pending', 0],
      ['F', 'activation', '2026-12-03', 'pending', 9],
      ['A', 'registration', '2026-12-21', 'pending', 27],
    ]);
  });

  it.each([
    [0, ['E', 'B', 'I']],
    [9, ['E', 'B', 'I', 'F']],
    [26, ['E', 'B', 'I', 'F']],
    [27, ['E', 'B', 'I', 'F', 'A']],
  ])('--within %i keeps what falls due by then and everything overdue', (within, ids) => {
    expect(agenda(hires, cards, TODAY, chinaCalendar, within, BOOK).map((i) => i.personId)).toEqual(ids);
  });

  it('orders ties by kind, then ID, so the agenda reads the same every time', () => {
    const tie = agenda(
      [
        { person: person('Z'), hire: hire('2026-11-03') },
        { person: person('Y'), hire: hire('2026-11-03') },
      ],
      [{ person: person('X'), card: card('X00000001', 'received', '2026-06-03') }],
      TODAY,
      chinaCalendar,
      null,
      BOOK,
    );
    expect(tie.map((i) => [i.personId, i.daysLeft])).toEqual([
      ['X', 9],
      ['Y', 9],
      ['Z', 9],
    ]);
  });

  it('the deadline day itself is not overdue, the day after is', () => {
    const one = [{ person: person('I'), hire: hire('2026-10-25') }];
    expect(agenda(one, [], TODAY, chinaCalendar, null, BOOK).map((i) => [i.state, i.daysLeft])).toEqual([['pending', 0]]);
    expect(agenda(one, [], d('2026-11-25'), chinaCalendar, null, BOOK).map((i) => [i.state, i.daysLeft])).toEqual([['overdue', -1]]);
  });
});

describe('agenda: card policies and renewal (SPEC 1.3, 1.8)', () => {
  it('a window counted from issue lists an issued card; a sealed card drops out (nothing is due on it, a new card is)', () => {
    const issued = { ...card('G00000001', 'issued', null), policy: 'guangdong', issuedOn: d('2025-12-01') };
    expect(agenda([], [{ person: person('G'), card: issued }], TODAY, chinaCalendar, null, BOOK).map((i) => [i.kind, i.deadline.date, i.daysLeft])).toEqual([
      ['activation', '2026-12-01', 7],
    ]);
    expect(agenda([], [{ person: person('G'), card: issued }], d('2026-12-02'), chinaCalendar, null, BOOK)).toEqual([]);
  });

  it('no window, no activation item (beijing)', () => {
    expect(
      agenda([], [{ person: person('B'), card: { ...card('B00000001', 'received', '2020-01-01'), policy: 'beijing' } }], TODAY, chinaCalendar, null, BOOK),
    ).toEqual([]);
  });

  it.each([
    // today, expected: nothing before the renewal window, pending inside it, overdue once expired
    ['2026-11-10', []],
    ['2026-11-11', [['renewal', '2027-01-10', 'pending', 60]]],
    ['2027-01-10', [['renewal', '2027-01-10', 'pending', 0]]],
    ['2027-01-11', [['renewal', '2027-01-10', 'overdue', -1]]],
  ])('renewal of a card expiring 2027-01-10, as of %s', (today, expected) => {
    const expiring = { ...card('R00000001', 'activated', '2017-01-20'), expiresOn: d('2027-01-10') };
    expect(
      agenda([], [{ person: person('R'), card: expiring }], d(today), chinaCalendar, null, BOOK).map((i) => [i.kind, i.deadline.date, i.state, i.daysLeft]),
    ).toEqual(expected);
  });

  it('renewal of a card whose expiry only its policy gives (Shaoguan: ten years from issue), and the store reads it (OPEN_ITEMS.card)', () => {
    // Issued 2016-12-01: valid until 2026-12-01; renewal from 60 days before, 2026-10-02.
    const shaoguan = { ...card('S00000001', 'activated', '2016-12-10'), holderId: '11010519491231002X', policy: 'shaoguan', issuedOn: d('2016-12-01') };
    expect(
      agenda([], [{ person: person('S'), card: shaoguan }], TODAY, chinaCalendar, null, BOOK).map((i) => [i.kind, i.deadline.date, i.state, i.daysLeft]),
    ).toEqual([['renewal', '2026-12-01', 'pending', 7]]);
    expect(agenda([], [{ person: person('S'), card: shaoguan }], d('2026-10-01'), chinaCalendar, null, BOOK)).toEqual([]);
    const renewing = agendaOrder(chinaCalendar, () => BOOK).renewingPolicies();
    expect(renewing.has('shaoguan')).toBe(true);
    // Shanghai's validity needs no renewal while the card works; seed has no validity.
    expect([...renewing].filter((id) => id === 'shanghai' || id === 'seed')).toEqual([]);
    expect(OPEN_ITEMS.card(shaoguan, renewing)).toBe(true);
    expect(OPEN_ITEMS.card({ ...shaoguan, policy: 'seed' }, renewing)).toBe(false);
    expect(OPEN_ITEMS.card({ ...shaoguan, policy: 'seed', expiresOn: d('2027-01-10') }, renewing)).toBe(true);
  });

  it('no renewal for a replaced or cancelled card', () => {
    for (const state of ['replaced', 'cancelled'] as const) {
      expect(
        agenda(
          [],
          [{ person: person('R'), card: { ...card('R00000001', state, '2017-01-20'), expiresOn: d('2027-01-10') } }],
          d('2027-01-11'),
          chinaCalendar,
          null,
          BOOK,
        ),
      ).toEqual([]);
    }
  });
});

describe('agendaStream: the same agenda, item by item, from sources in deadline order', () => {
  /** In pages of three, so that days and pages do not line up. */
  const stream = <T>(xs: readonly T[], log?: string[]): AsyncIterable<readonly T[]> => ({
    async *[Symbol.asyncIterator]() {
      try {
        for (let i = 0; i < xs.length; i += 3) yield xs.slice(i, i + 3);
      } finally {
        log?.push('closed');
      }
    },
  });
  const order = agendaOrder(chinaCalendar, () => BOOK);
  /** In the store's order: deadline, holder, hire date, employer. */
  const sorted = <T extends { person: { id: string }; hire: Hire }>(entries: T[], deadline: (e: T) => string) =>
    entries
      .map((e) => ({ e, key: [deadline(e), e.person.id, e.hire.hiredOn, e.hire.employer ?? ''].join('|') }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ e }) => e);
  const sourcesOf = (entries: { person: { id: string; name: null }; hire: Hire }[], cardEntries: typeof cards, log?: string[]) => ({
    registrations: stream(
      sorted(
        entries.filter((e) => e.hire.registeredOn === null && e.hire.kind === 'employee'),
        (e) => order.registrationDeadline(e.hire.hiredOn),
      ),
      log,
    ),
    separations: stream(
      sorted(
        entries.filter((e) => e.hire.leftOn !== null && e.hire.separationDoneOn === null),
        (e) => order.separationDeadline(e.hire.leftOn!),
      ),
      log,
    ),
    cards: stream(cardEntries, log),
  });
  const collect = async (days: AsyncIterable<readonly unknown[]>) => {
    const all: unknown[] = [];
    for await (const day of days) all.push(...day);
    return all;
  };
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10) as IsoDate;

  it('equals agenda() for any ledger, whatever the ties (registrations, leavers, cards, --within)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: fc.constantFrom('A', 'B', 'C', 'D'),
            hired: fc.nat(330),
            registered: fc.option(fc.nat(40)),
            left: fc.option(fc.nat(60)),
            done: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        fc.option(fc.integer({ min: -60, max: 60 })),
        async (rows, within) => {
          const entries = rows.map((r, i) => ({
            person: { id: r.id, name: null },
            hire: {
              ...hire(day(r.hired), r.registered === null ? null : day(r.hired + r.registered)),
              employer: `Co ${i % 3}`,
              leftOn: r.left === null ? null : day(r.hired + r.left),
              separationDoneOn: r.left !== null && r.done ? day(r.hired + r.left + 3) : null,
            },
          }));
          const expected = agenda(entries, cards, TODAY, chinaCalendar, within, BOOK);
          expect(await collect(agendaStream(sourcesOf(entries, cards), TODAY, chinaCalendar, within, () => BOOK))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a source out of order rather than misplace its items', async () => {
    const unordered = { ...sourcesOf([], []), registrations: stream([hires[0]!, hires[1]!]) };
    await expect(collect(agendaStream(unordered, TODAY, chinaCalendar, null, () => BOOK))).rejects.toThrow(/out of order/);
  });

  it('stops reading its sources when --within is passed, and closes them', async () => {
    const log: string[] = [];
    const items = await collect(agendaStream(sourcesOf(hires, cards, log), TODAY, chinaCalendar, 0, () => BOOK));
    expect(items.map((i) => (i as { personId: string }).personId)).toEqual(['E', 'B', 'I']);
    expect(log).toEqual(['closed', 'closed', 'closed']);
  });

  it('asks for the card policies only when there is a card', async () => {
    let asked = 0;
    await collect(
      agendaStream(sourcesOf(hires, []), TODAY, chinaCalendar, null, () => {
        asked++;
        return BOOK;
      }),
    );
    expect(asked).toBe(0);
  });
});

describe('byOpenWork: employers by their open work (due --by-employer, the web agenda)', () => {
  it('puts the most overdue first, then the most open, then names in collation order', () => {
    const counts: [string | null, EmployerCounts][] = [
      ['Beta', { open: 3, overdue: 0 }],
      ['acme', { open: 3, overdue: 0 }], // before Beta by collation, after it by code point
      [null, { open: 1, overdue: 1 }],
      ['Gamma', { open: 5, overdue: 0 }],
      ['Delta', { open: 2, overdue: 2 }],
    ];
    expect(counts.sort(byOpenWork).map(([name]) => name)).toEqual(['Delta', null, 'Gamma', 'acme', 'Beta']);
  });
});
