import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/core/events.js';
import fc from 'fast-check';
import { byAgendaKey, type DatedHire, equalData, factPayload, mergedByKey, PAGE_ROWS, payload } from '../../src/store/rows.js';

describe('payload: an event body as stored, without its kind (a column of its own)', () => {
  it.each<[string, EventBody]>([
    ['kind first', { kind: 'hire.recorded', employer: 'Acme "东" Co', hiredOn: '2026-11-02', hireKind: 'employee' } as EventBody],
    ['kind last', { employer: 'Acme', hiredOn: '2026-11-02', kind: 'hire.registered' } as unknown as EventBody],
    ['nothing else', { kind: 'card.found', card: 'A1' } as unknown as EventBody],
    ['kind alone', { kind: 'ecard.claimed' } as unknown as EventBody],
  ])('%s', (_, body) => {
    const { kind: _kind, ...rest } = body as unknown as Record<string, unknown>;
    expect(JSON.parse(payload(body))).toEqual(rest);
    expect(payload(body)).not.toContain('"kind"');
  });
});

describe('factPayload: the payload of a fact the core made, the same bytes as payload()', () => {
  // Texts with what JSON escapes (quotes, backslashes, controls, lone surrogates) and what it does not (CJK, emoji).
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('Acme "东" Co', 'a\\b', '\u2028', '\ud800x', '😀', ''));
  const employer = fc.option(text, { nil: null });
  const day = fc.constantFrom('2026-11-02', '1900-01-01', '2099-12-31');
  it("for the kinds it writes from a template, in the core's member order", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ kind: fc.constant('person.recorded' as const), name: fc.option(text, { nil: null }) }),
          fc.record({
            kind: fc.constant('hire.recorded' as const),
            employer,
            hiredOn: day,
            hireKind: fc.constantFrom('employee' as const, 'flexible' as const),
          }),
          fc.record({ kind: fc.constant('hire.registered' as const), employer, hiredOn: day }),
        ),
        (body) => {
          expect(factPayload(body as EventBody)).toBe(payload(body as EventBody));
        },
      ),
      { numRuns: 5000 },
    );
  });
  it('for texts met again, as an imported row registers the hire it records (the last text checked is remembered)', () => {
    for (const employer of ['Acme "东" Co', 'Acme', 'Acme', null, 'a\\b', 'a\\b', '\ud800x', 'Acme'])
      for (const body of [
        { kind: 'hire.recorded', employer, hiredOn: '2026-11-02', hireKind: 'employee' },
        { kind: 'hire.registered', employer, hiredOn: '2026-11-02' },
        { kind: 'hire.recorded', employer, hiredOn: '2026-11-02', hireKind: 'flexible' },
      ])
        expect(factPayload(body as EventBody)).toBe(payload(body as EventBody));
  });
  it('for any other kind, and for a member of an unexpected type', () => {
    for (const body of [
      { kind: 'card.found', card: 'A1' },
      { kind: 'hire.based', employer: 'E', hiredOn: '2026-11-02', base: 800000 },
      { kind: 'person.recorded', name: undefined },
      { kind: 'hire.recorded', employer: 7, hiredOn: '2026-11-02', hireKind: 'employee' },
    ])
      expect(factPayload(body as unknown as EventBody)).toBe(payload(body as unknown as EventBody));
  });
});

describe('equalData: whether the cached rows need rewriting', () => {
  it.each([
    [[], [], true],
    [[{ a: 1, b: null }], [{ b: null, a: 1 }], true],
    [[{ a: 1 }], [{ a: 2 }], false],
    [[{ a: 1 }], [{ a: 1, b: null }], false],
    [null, { a: 1 }, false],
    [{ a: [1, 2] }, { a: [1, 2, 3] }, false],
    [[1], { 0: 1 }, false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(equalData(a, b)).toBe(same);
  });
});

describe('mergedByKey: replayed rows put in their places among a query’s pages', () => {
  it('keeps key order across pages, with extra rows before, between and after', async () => {
    async function* pages() {
      yield ['b', 'd'];
      yield ['f'];
    }
    const out: string[] = [];
    for await (const page of mergedByKey(pages(), ['g', 'a', 'e', 'd'], (a, b) => (a < b ? -1 : a > b ? 1 : 0))) out.push(...page);
    expect(out).toEqual(['a', 'b', 'd', 'd', 'e', 'f', 'g']);
  });

  it('takes the extra rows as pages already in key order (a past day read back from its temporary file)', async () => {
    async function* pages() {
      yield ['b', 'd'];
      yield [];
      yield ['f', 'h'];
    }
    async function* extra() {
      yield ['a'];
      yield ['c', 'd', 'e'];
      yield [];
      yield ['i', 'j'];
    }
    const out: string[] = [];
    for await (const page of mergedByKey(pages(), extra(), (a, b) => (a < b ? -1 : a > b ? 1 : 0))) out.push(...page);
    expect(out).toEqual(['a', 'b', 'c', 'd', 'd', 'e', 'f', 'h', 'i', 'j']);
  });
});

describe('mergedByKey: pages stay small however the extra rows fall', () => {
  it('yields the extra rows before one row of the query in pages of PAGE_ROWS, not as one page of them all', async () => {
    // A past day's later deadlines are mostly replayed people's: many extra rows before the next row of the query.
    const order = (a: number, b: number) => a - b;
    async function* pages() {
      yield [1000];
    }
    async function* extra() {
      for (let from = 0; from < 1000; from += PAGE_ROWS) yield Array.from({ length: PAGE_ROWS }, (_, i) => from + i);
    }
    const sizes: number[] = [];
    const out: number[] = [];
    for await (const page of mergedByKey(pages(), extra(), order)) {
      sizes.push(page.length);
      out.push(...page);
    }
    expect(out).toEqual(Array.from({ length: 1001 }, (_, i) => i));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PAGE_ROWS);
  });
});

describe('byAgendaKey: the order of the text deadline|holder|hire date|employer, without making it', () => {
  const hire = (deadline: string, id: string, hiredOn: string, employer: string | null) =>
    ({ deadline, person: { id, name: null }, hire: { employer, hiredOn } }) as unknown as DatedHire;
  const joined = (e: DatedHire) => `${e.deadline}|${e.person.id}|${e.hire.hiredOn}|${e.hire.employer ?? ''}`;
  const rows = [
    hire('2026-07-31', '110105199001010013', '2026-07-01', 'Company 0'),
    hire('2026-07-31', '110105199001010013', '2026-07-01', null),
    hire('2026-07-31', '110105199001010013', '2026-07-01', 'Company 0|b'),
    hire('2026-07-31', '110105199001010013', '2026-07-01', 'Company'),
    hire('2026-07-31', '110105199001010013', '2026-07-02', 'A'),
    // 15-digit identity numbers (before 1999) and one that begins another: the key's '|' decides.
    hire('2026-07-31', '110105900101001', '2026-07-01', 'A'),
    hire('2026-07-31', '1101059001010013', '2026-07-01', 'A'),
    hire('2026-07-31', '11010590010100', '2026-07-01', 'A'),
    hire('2026-07-31', '110105900101001~', '2026-07-01', 'A'),
    hire('2026-07-31', '110105900101001!', '2026-07-01', 'A'),
    hire('2026-08-31', '110105199001010013', '2026-07-01', 'Company 0'),
    hire('2026-06-30', '999', '2026-05-01', '东方'),
  ];
  it('compares every pair as their texts compare', () => {
    const sign = (n: number) => Math.sign(n);
    for (const a of rows)
      for (const b of rows)
        expect([joined(a), joined(b), sign(byAgendaKey(a, b))]).toEqual([
          joined(a),
          joined(b),
          sign(joined(a) < joined(b) ? -1 : joined(a) > joined(b) ? 1 : 0),
        ]);
  });
});
