// Issue 31: a past day's replayed open hires are held in memory and sorted in
// JavaScript up to a number, and put in a temporary SQLite database beyond it.
// Both must give the same hires in the same order: the order of the spill's
// key in SQLite's BINARY collation (UTF-8 bytes), the texts as SQLite stores them.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import type { Card } from '../../src/core/card.js';
import type { PersonState } from '../../src/core/events.js';
import type { Hire } from '../../src/core/registration.js';
import { byBytes, ReplayedAgenda } from '../../src/store/replayed-agenda.js';
import type { DatedHire } from '../../src/store/rows.js';

/** Texts with the characters where UTF-16 and UTF-8 orders part: surrogate pairs, U+E000-U+FFFF, ASCII, and lone surrogates. */
const PIECES = ['a', 'b', 'A', '', 'é', '东', '\u{1F600}', '\u{20000}', '\uE000', '\uFFFD', '\uFF21', '\uD800', '\uDC00', 'Co', '|'];

/** A small deterministic generator (no Math.random: the test is the same each run). */
function* texts(count: number, seed: number): Generator<string> {
  let x = seed;
  for (let i = 0; i < count; i++) {
    let t = '';
    const n = i % 4;
    for (let j = 0; j <= n; j++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      t += PIECES[x % PIECES.length];
    }
    yield t;
  }
}

const sign = (n: number) => Math.sign(n);
const wellFormed = (t: string) => (t as string & { toWellFormed(): string }).toWellFormed();

describe('byBytes: two texts in the order of their UTF-8 bytes (SQLite BINARY)', () => {
  it('agrees with Buffer.compare of the UTF-8 bytes, for texts with surrogate pairs and U+E000-U+FFFF', () => {
    const all = [...texts(400, 7)].map(wellFormed);
    for (const a of all)
      for (const b of all.slice(0, 60))
        expect(sign(byBytes(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('puts a surrogate pair after U+E000-U+FFFF, where UTF-16 units put it before', () => {
    expect(byBytes('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFD').toBe(true);
  });
});

/** People with names and employers from texts(); `wellFormedOnly` makes their lone surrogates U+FFFD, so that nothing forces the spill. */
function states(wellFormedOnly: boolean): PersonState[] {
  const made = (seed: number) => [...texts(300, seed)].map((t) => (wellFormedOnly ? wellFormed(t) : t));
  const names = made(11);
  const employers = made(29);
  return names.map((name, i) => {
    const hires: Hire[] = [];
    for (let h = 0; h < 1 + (i % 3); h++) {
      // A person's hires share a month (the deadline below), and the first and third a day: the hire date and then
      // the employer decide their order.
      const day = `2026-0${1 + (i % 9)}-1${h % 2}` as IsoDate;
      hires.push({
        kind: i % 5 === 0 ? 'flexible' : 'employee',
        employer: i % 7 === 0 && h === 0 ? null : employers[(i * 3 + h) % employers.length]!,
        hiredOn: day,
        registeredOn: i % 4 === 0 ? day : null,
        leftOn: i % 3 === 0 ? (`2026-10-0${1 + (h % 9)}` as IsoDate) : null,
        separationDoneOn: null,
        base: i % 2 === 0 ? 1000 * i : null,
      });
    }
    // Holders in an order of their own (not the key's): the rows reach the spill out of order.
    const cards = i % 6 === 0 ? [{ number: `A${i}`, state: 'issued', policy: 'seed' } as unknown as Card] : [];
    return { id: `1101051990${String((i * 7919) % 300).padStart(7, '0')}X`, exists: true, name: i % 13 === 0 ? null : name, hires, cards, ecard: null };
  });
}

async function read(agenda: ReplayedAgenda, kind: 'registration' | 'separation'): Promise<DatedHire[]> {
  const out: DatedHire[] = [];
  for await (const page of agenda.hires(kind)) out.push(...page);
  return out;
}

/** Whether the agenda made its temporary database (a private field: the test must know which path it compares). */
const spilt = (agenda: ReplayedAgenda) => (agenda as unknown as { spill: unknown }).spill !== null;

async function compare(wellFormedOnly: boolean): Promise<{ held: ReplayedAgenda; spilled: ReplayedAgenda }> {
  // Few deadlines (a start day's month), so that holder, hire date and employer decide most of the order.
  const deadlineOf = (_kind: 'registration' | 'separation', start: IsoDate) => start.slice(0, 7);
  const held = new ReplayedAgenda(deadlineOf, () => new Set());
  const spilled = new ReplayedAgenda(deadlineOf, () => new Set(), 10);
  for (const state of states(wellFormedOnly)) {
    held.add(state);
    spilled.add(state);
  }
  held.finish();
  spilled.finish();
  expect(spilt(spilled)).toBe(true);
  for (const kind of ['registration', 'separation'] as const) {
    const fromSpill = await read(spilled, kind);
    expect(fromSpill.length).toBeGreaterThan(50);
    expect(await read(held, kind)).toStrictEqual(fromSpill);
    expect(await read(held, kind)).toStrictEqual(fromSpill);
  }
  return { held, spilled };
}

describe('ReplayedAgenda: the hires held in memory read as the spill reads them', () => {
  it('gives the same hires, in the same order, with the same texts, held in memory (sorted in JavaScript) or spilled (sorted by SQLite), and twice', async () => {
    const { held } = await compare(true);
    expect(spilt(held)).toBe(false);
    // Cards are held in memory either way (the agenda holds every open card): passed through.
    let cards = 0;
    for await (const page of held.cards()) cards += page.length;
    expect(cards).toBe(50);
  });

  it("spills a name or employer with a lone surrogate (SQLite gives it back as U+FFFD), so that its place and text are the spill's", async () => {
    const { held } = await compare(false);
    expect(spilt(held)).toBe(true);
  });
});
