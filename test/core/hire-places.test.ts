// src/core/hire-places.ts: a hire found by its name through an index that
// arrays made from one another share (issue 31: an import of many rows for one
// person). Every answer must be the one a pass over the array gives, whatever
// the order the arrays were made and asked in, including arrays made from one
// array in two ways (a row planned, refused, planned again). fast-check makes
// the histories; the oracle is the pass the code replaced.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { findHire, hirePlace, openHireOtherThan, withHireAdded, withHireReplaced } from '../../src/core/hire-places.js';
import type { Hire } from '../../src/core/state.js';

const hire = (employer: string | null, hiredOn: string, more: Partial<Hire> = {}): Hire => ({
  kind: employer === null ? 'flexible' : 'employee',
  employer,
  hiredOn: hiredOn as IsoDate,
  registeredOn: null,
  leftOn: null,
  separationDoneOn: null,
  base: null,
  ...more,
});

/** The passes the module replaced (apply's findIndex, openHireBeside's find). */
const placeByPass = (hires: readonly Hire[], employer: string | null, hiredOn: string) =>
  hires.findIndex((h) => h.employer === employer && h.hiredOn === hiredOn);
const openByPass = (hires: readonly Hire[], employer: string | null, hiredOn: string) =>
  hires.find((h) => h.kind === 'employee' && h.employer === employer && h.hiredOn !== hiredOn && h.leftOn === null) ?? null;
/** Where apply put a new hire before: after every hire on or before its day. */
const addedByPass = (hires: readonly Hire[], h: Hire) => {
  const at = hires.findIndex((x) => x.hiredOn > h.hiredOn);
  return at === -1 ? [...hires, h] : [...hires.slice(0, at), h, ...hires.slice(at)];
};

const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
/** Few employers and days, so that names repeat and branches collide. */
const EMPLOYERS = [null, '', 'A', 'B', 'B\u0000', '公司'];

describe('hire places', () => {
  it('finds hires past the small size by name, a null employer apart from an empty one', () => {
    let hires: Hire[] = [];
    for (let i = 0; i < 20; i++) hires = withHireAdded(hires, hire(i % 2 === 0 ? 'A' : null, day(i)));
    hires = withHireAdded(hires, hire('', day(3)));
    expect(hirePlace(hires, 'A', day(4) as IsoDate)).toBe(5); // moved by the hire added before it
    expect(hirePlace(hires, null, day(3) as IsoDate)).toBe(3);
    expect(hirePlace(hires, '', day(3) as IsoDate)).toBe(4); // added after the hire of its day
    expect(hirePlace(hires, 'A', day(3) as IsoDate)).toBe(-1);
    expect(findHire(hires, 'A', day(18) as IsoDate)).toBe(hires[19]);
  });

  it('answers each of two arrays made from one array as a pass over it would', () => {
    let base: Hire[] = [];
    for (let i = 0; i < 12; i++) base = withHireAdded(base, hire('A', day(i)));
    hirePlace(base, 'A', day(0) as IsoDate); // the index is made
    // Two rows planned from the same person: each appends another hire at the same place.
    const left = withHireAdded(base, hire('X', day(20)));
    const right = withHireAdded(base, hire('Y', day(20)));
    const rightThenX = withHireAdded(right, hire('X', day(21)));
    expect(hirePlace(left, 'X', day(20) as IsoDate)).toBe(12);
    expect(hirePlace(right, 'X', day(20) as IsoDate)).toBe(-1);
    expect(hirePlace(rightThenX, 'X', day(21) as IsoDate)).toBe(13);
    expect(hirePlace(base, 'X', day(20) as IsoDate)).toBe(-1);
    expect(hirePlace(base, 'Y', day(20) as IsoDate)).toBe(-1);
    // One name, two places in two arrays: each array gets its own.
    const leftAgain = withHireAdded(withHireAdded(base, hire('Z', day(19))), hire('W', day(22)));
    const other = withHireAdded(withHireAdded(base, hire('W', day(22))), hire('V', day(23)));
    expect(hirePlace(leftAgain, 'W', day(22) as IsoDate)).toBe(13);
    expect(hirePlace(other, 'W', day(22) as IsoDate)).toBe(12);
  });

  it('tells an open hire at the employer from the hire asked about, a left one and a flexible one', () => {
    let hires: Hire[] = [];
    for (let i = 0; i < 12; i++) hires = withHireAdded(hires, hire('A', day(i), { leftOn: day(i + 1) as IsoDate }));
    expect(openHireOtherThan(hires, 'A', day(30) as IsoDate)).toBeNull();
    hires = withHireAdded(hires, hire('A', day(30)));
    expect(openHireOtherThan(hires, 'A', day(30) as IsoDate)).toBeNull(); // itself
    expect(openHireOtherThan(hires, 'A', day(31) as IsoDate)).toBe(hires[12]);
    const ended = withHireReplaced(hires, 12, { ...hires[12]!, leftOn: day(40) as IsoDate });
    expect(openHireOtherThan(ended, 'A', day(31) as IsoDate)).toBeNull();
    expect(openHireOtherThan(hires, 'A', day(31) as IsoDate)).toBe(hires[12]); // the older array is unchanged
  });

  it('keeps answers right when a replacement changes the name (no caller does: the index is not handed on)', () => {
    let hires: Hire[] = [];
    for (let i = 0; i < 12; i++) hires = withHireAdded(hires, hire('A', day(i)));
    expect(hirePlace(hires, 'A', day(5) as IsoDate)).toBe(5);
    const renamed = withHireReplaced(hires, 5, hire('B', day(5)));
    expect(hirePlace(renamed, 'B', day(5) as IsoDate)).toBe(5);
    expect(hirePlace(renamed, 'A', day(5) as IsoDate)).toBe(-1);
    expect(hirePlace(hires, 'A', day(5) as IsoDate)).toBe(5);
    expect(hirePlace(withHireAdded(renamed, hire('C', day(30))), 'C', day(30) as IsoDate)).toBe(12);
  });

  // The registry is the module's contract with the command line's bundles (scripts/build.mjs: they share no module
  // instance): a second instance of the module must find, and add to, the index the first one made.
  it('shares its index with another instance of the module, through the registry on globalThis', async () => {
    const registry = (globalThis as Record<symbol, unknown>)[Symbol.for('sscard.hire-places')] as WeakMap<object, unknown>;
    let hires: Hire[] = [];
    for (let i = 0; i < 12; i++) hires = withHireAdded(hires, hire('A', day(i)));
    hirePlace(hires, 'A', day(0) as IsoDate);
    vi.resetModules();
    const other = await import('../../src/core/hire-places.js');
    expect(other.withHireAdded).not.toBe(withHireAdded); // a module instance of its own
    const next = other.withHireAdded(hires, hire('B', day(20)));
    expect(registry.get(next)).toBe(registry.get(hires));
    expect(hirePlace(next, 'B', day(20) as IsoDate)).toBe(12);
  });

  it('lists a place once, however often one array has a hire planned at it (rows refused after their hire)', () => {
    const registry = (globalThis as Record<symbol, unknown>)[Symbol.for('sscard.hire-places')] as WeakMap<
      object,
      { byName: Map<string, unknown>; byEmployer: Map<string | null, number[]> }
    >;
    let base: Hire[] = [];
    for (let i = 0; i < 12; i++) base = withHireAdded(base, hire('A', day(i)));
    hirePlace(base, 'A', day(0) as IsoDate);
    for (let k = 0; k < 100; k++) withHireAdded(base, hire('A', day(30)));
    const places = registry.get(base)!;
    expect(places.byEmployer.get('A')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect([...places.byName.values()].every((given) => typeof given === 'number')).toBe(true);
  });

  it('gives the answers of a pass over the array, for any history of arrays made from one another', () => {
    type Step =
      | { op: 'add'; from: number; employer: number; day: number }
      | { op: 'replace'; from: number; at: number; left: boolean }
      | { op: 'ask'; of: number; employer: number; day: number };
    const step = fc.oneof(
      fc.record({ op: fc.constant('add' as const), from: fc.nat(3), employer: fc.nat(EMPLOYERS.length - 1), day: fc.integer({ min: -2, max: 2 }) }),
      fc.record({ op: fc.constant('replace' as const), from: fc.nat(3), at: fc.nat(), left: fc.boolean() }),
      fc.record({ op: fc.constant('ask' as const), of: fc.nat(3), employer: fc.nat(EMPLOYERS.length - 1), day: fc.nat(80) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 150 }), (steps: Step[]) => {
        // A person with more hires than a pass is used for, indexed at once: each array made from it shares its index.
        let start: Hire[] = [];
        for (let i = 0; i < 10; i++) start = withHireAdded(start, hire('A', day(i)));
        hirePlace(start, 'A', day(0) as IsoDate);
        const arrays: Hire[][] = [[], start];
        // One of the last four arrays made: long histories that now and then branch, as an import's rows make them.
        const recent = (k: number) => arrays[arrays.length - 1 - Math.min(k, arrays.length - 1)]!;
        for (const s of steps) {
          if (s.op === 'add') {
            const from = recent(s.from);
            const employer = EMPLOYERS[s.employer]!;
            // Mostly on or after the last hire's day (appended, as a roster's later rows are), now and then before it.
            const on = day(Math.max(0, (from.length === 0 ? 0 : Math.round((Date.parse(from.at(-1)!.hiredOn) - Date.UTC(2020, 0, 1)) / 86_400_000)) + s.day));
            if (placeByPass(from, employer, on) !== -1) continue; // a hire is never recorded twice
            const h = hire(employer, on);
            const made = withHireAdded(from, h);
            expect(made).toEqual(addedByPass(from, h));
            arrays.push(made);
          } else if (s.op === 'replace') {
            const from = recent(s.from);
            if (from.length === 0) continue;
            const at = s.at % from.length;
            arrays.push(withHireReplaced(from, at, { ...from[at]!, leftOn: s.left ? (day(50) as IsoDate) : null }));
          } else {
            const of = recent(s.of);
            const employer = EMPLOYERS[s.employer]!;
            expect(hirePlace(of, employer, day(s.day) as IsoDate)).toBe(placeByPass(of, employer, day(s.day)));
            expect(openHireOtherThan(of, employer, day(s.day) as IsoDate)).toBe(openByPass(of, employer, day(s.day)));
          }
        }
        // Every array, asked about every name it holds, about a grid of others, and about the last hires of the arrays
        // made just before and after it (a sibling's hire may have been given a place this array holds another hire at).
        for (const [k, of] of arrays.entries()) {
          const names = [...of, ...arrays.slice(Math.max(0, k - 4), k + 5).flatMap((a) => a.slice(-3))];
          for (const h of names) {
            expect(hirePlace(of, h.employer, h.hiredOn)).toBe(placeByPass(of, h.employer, h.hiredOn));
            expect(openHireOtherThan(of, h.employer, h.hiredOn)).toBe(openByPass(of, h.employer, h.hiredOn));
          }
          for (const employer of EMPLOYERS)
            for (let d = 0; d <= 80; d += 7) expect(hirePlace(of, employer, day(d) as IsoDate)).toBe(placeByPass(of, employer, day(d)));
        }
      }),
      { numRuns: 100 },
    );
  });
});
