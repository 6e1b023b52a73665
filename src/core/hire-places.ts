// Where a person's hire is among their hires, found by its name (employer and
// hire date: one hire, never two, SPEC 1.5) without passing over all of them.
//
// Why: an import of many rows for one person looked each row's hire up, and
// copied the hires, several times over every hire recorded so far (apply,
// decideRegistration, planRow, openHireBeside): 4,000 rows took 2.67x as long
// as 4,000 rows for as many people, and the ratio grew with the rows (issue 31:
// "linear", <= 2x). A person's hires, oldest first, are a new array after each
// fact (state is never changed in place), so an index kept beside each array
// would be built again for every row. Instead an array made by the two changes
// below shares the index of the array it was made from, and adds to it: a
// hire replaced keeps its name and place, a hire appended adds its own. Arrays
// made from one array in two ways (a row planned, refused, planned again; a
// row's state planned beside the person's) may give one name two places, so
// each name keeps every place it was given, and a lookup takes the one that
// holds that hire in the array asked about. A cache, like deadlineOf's
// (period.ts): no answer depends on whether it is there.
import type { IsoDate } from './calendar-date.js';
import type { Hire } from './state.js';

/** Up to this many hires (most people: one to a few), a pass over them is cheaper than an index. */
const SMALL = 8;

interface Places {
  /** Every place given to a hire's name (nameOf): one, unless arrays sharing the index gave it others. */
  readonly byName: Map<string, number | number[]>;
  /** Every place given to a hire of each employer: openHireOtherThan looks at these alone. */
  readonly byEmployer: Map<string | null, number[]>;
}

/**
 * The indexes, one registry for the process: the command line's bundles do not share module instances
 * (scripts/build.mjs), and the store (its own bundle) asks about the hires an import's bundle made and indexed.
 */
const REGISTRY = Symbol.for('sscard.hire-places');
const indexes: WeakMap<readonly Hire[], Places> =
  ((globalThis as Record<symbol, unknown>)[REGISTRY] as WeakMap<readonly Hire[], Places> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[REGISTRY] = new WeakMap<readonly Hire[], Places>());

/** A hire date holds no NUL, so no employer's name can make two hires' names equal (a null employer adds none). */
const nameOf = (employer: string | null, hiredOn: IsoDate): string => (employer === null ? hiredOn : `${hiredOn}\u0000${employer}`);

const isOpenEmployee = (h: Hire): boolean => h.kind === 'employee' && h.leftOn === null;

function indexOf(hires: readonly Hire[]): Places {
  let places = indexes.get(hires);
  if (places === undefined) {
    places = { byName: new Map(), byEmployer: new Map() };
    for (let i = 0; i < hires.length; i++) placed(places, hires[i]!, i);
    indexes.set(hires, places);
  }
  return places;
}

/**
 * A hire's place added to an index, unless it is there already: rows of one person refused after their hire was
 * planned (a bad card cell) plan their hire at the same place again and again.
 */
function placed(places: Places, hire: Hire, at: number): void {
  const name = nameOf(hire.employer, hire.hiredOn);
  const given = places.byName.get(name);
  if (given === undefined) places.byName.set(name, at);
  else if (typeof given === 'number') {
    if (given !== at) places.byName.set(name, [given, at]);
  } else if (!given.includes(at)) given.push(at);
  const ofEmployer = places.byEmployer.get(hire.employer);
  if (ofEmployer === undefined) places.byEmployer.set(hire.employer, [at]);
  else if (ofEmployer.at(-1) !== at) ofEmployer.push(at);
}

/** The place of the hire with this employer and hire date, or -1. */
export function hirePlace(hires: readonly Hire[], employer: string | null, hiredOn: IsoDate): number {
  if (hires.length <= SMALL) {
    for (let i = 0; i < hires.length; i++) if (holds(hires, i, employer, hiredOn)) return i;
    return -1;
  }
  const given = indexOf(hires).byName.get(nameOf(employer, hiredOn));
  if (given === undefined) return -1;
  if (typeof given === 'number') return holds(hires, given, employer, hiredOn) ? given : -1;
  let first = -1;
  for (const at of given) if ((first === -1 || at < first) && holds(hires, at, employer, hiredOn)) first = at;
  return first;
}

/** Whether the hire at `at` (perhaps past the end) has this name. */
function holds(hires: readonly Hire[], at: number, employer: string | null, hiredOn: IsoDate): boolean {
  const there = hires[at];
  return there !== undefined && there.employer === employer && there.hiredOn === hiredOn;
}

/** The hire with this employer and hire date, or undefined. */
export function findHire(hires: readonly Hire[], employer: string | null, hiredOn: IsoDate): Hire | undefined {
  const at = hirePlace(hires, employer, hiredOn);
  return at === -1 ? undefined : hires[at];
}

/** The first open employee hire with this employer and another hire date, or null. */
export function openHireOtherThan(hires: readonly Hire[], employer: string | null, hiredOn: IsoDate): Hire | null {
  const other = (h: Hire | undefined): h is Hire => h !== undefined && h.employer === employer && h.hiredOn !== hiredOn && isOpenEmployee(h);
  if (hires.length <= SMALL) return hires.find(other) ?? null;
  // Every place this array gives a hire of the employer is listed (and places other arrays gave: checked here).
  let first = -1;
  for (const at of indexOf(hires).byEmployer.get(employer) ?? []) if ((first === -1 || at < first) && other(hires[at])) first = at;
  return first === -1 ? null : hires[first]!;
}

/**
 * The hires with the one at `at` replaced by `hire`, which has the same name
 * (a registration, a base, an end, a separation). The copy by slice keeps the
 * array's elements kind (an optimised map made another one than the
 * interpreter's, and the store's code for the hires deoptimised: issue 31).
 */
export function withHireReplaced(hires: readonly Hire[], at: number, hire: Hire): Hire[] {
  const next = hires.slice();
  const old = next[at]!;
  next[at] = hire;
  const places = indexes.get(hires);
  if (places !== undefined && old.employer === hire.employer && old.hiredOn === hire.hiredOn) indexes.set(next, places);
  return next;
}

/**
 * The hires with `hire` added, oldest first: after every hire on or before
 * its day, so that hires of one day keep the order they were recorded in.
 * The hires are in that order already (only this function adds one), so the
 * place is found by halving, and a later hire, the usual one, is appended.
 */
export function withHireAdded(hires: readonly Hire[], hire: Hire): Hire[] {
  let low = 0;
  let high = hires.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (hires[middle]!.hiredOn > hire.hiredOn) high = middle;
    else low = middle + 1;
  }
  // Added before others, every later hire moves: the new array's index is made when it is first asked.
  if (low < hires.length) return [...hires.slice(0, low), hire, ...hires.slice(low)];
  // concat copies the elements as one block (a spread, or slice then splice, copied them one by one: 0.9-1.0 s of
  // 2.2-3.2 s for 16,000 rows of one person).
  const next = hires.concat([hire]);
  const places = indexes.get(hires);
  if (places !== undefined) {
    placed(places, hire, low);
    indexes.set(next, places);
  }
  return next;
}
