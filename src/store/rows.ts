// The cached tables' rows, as both engines store them (SQLite and PostgreSQL
// have the same columns), and the comparison of the cache with the replay of
// the events that `check` reports (SPEC 1.6): one definition for both engines.
import type { IsoDate } from '../core/calendar-date.js';
import type { Card, CardState, Loss } from '../core/card.js';
import { type Refused, refused } from '../core/errors.js';
import { EVENT_KINDS, type EventBody, type EventKind, type Fact, type LedgerEvent, type PersonState } from '../core/events.js';
import type { Hire, HireKind } from '../core/registration.js';
import { jsonText, PLAIN_JSON_CHARACTER } from '../core/json-text.js';
import { type AgendaOrder, OPEN_ITEMS } from '../core/agenda.js';
import type { AgendaWindow, CacheDifference, PersonCard, PersonHire, PlannedState, StoredEvent } from './store.js';

export interface EventRow {
  /** PostgreSQL returns a bigint as text. */
  seq: number | string;
  person_id: string;
  kind: EventKind;
  concerns_on: string | null;
  recorded_at: string;
  source: string;
  data: string;
}

export interface HireRow {
  person_id: string;
  kind: HireKind;
  employer: string;
  hired_on: string;
  registered_on: string | null;
  left_on: string | null;
  separation_done_on: string | null;
  /** 缴费基数 in fen (schema v3). */
  base: number | null;
}

export interface CardRow {
  number: string;
  person_id: string;
  bank: string | null;
  policy: string;
  generation: number;
  expires_on: string | null;
  state: CardState;
  issued_on: string | null;
  received_on: string | null;
  enabled_on: string | null;
  activated_on: string | null;
  outlet: string | null;
  guardian_id: string | null;
  loss_kind: Loss['kind'] | null;
  loss_reported_on: string | null;
  loss_resumes: Loss['resumes'] | null;
  ended_on: string | null;
  replaced_by: string | null;
  applied_on?: string | null;
  ready_on?: string | null;
  ready_at?: string | null;
}

export const EVENT_COLUMNS = 'seq, person_id, kind, concerns_on, recorded_at, source, data';

const KNOWN_KINDS = new Set<string>(EVENT_KINDS);

/**
 * A stored event that cannot be what sscard wrote (issue 29 item 10: a
 * flipped bit made `card.beceived`, or broke the JSON): one sentence naming
 * the event, never an internal error deep in the replay, and never carried
 * into an export.
 */
export function damagedEvent(seq: number, why: 'kind' | 'data'): Refused {
  return refused('event-damaged', { seq, why });
}

export function toEvent(row: EventRow): LedgerEvent {
  return eventOf(Number(row.seq), row.person_id, row.kind, row.concerns_on, row.recorded_at, row.source, row.data);
}

function eventOf(seq: number, personId: string, kind: string, on: string | null, recordedAt: string, source: string, text: string): LedgerEvent {
  if (!KNOWN_KINDS.has(kind)) throw damagedEvent(seq, 'kind');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw damagedEvent(seq, 'data');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw damagedEvent(seq, 'data');
  return { seq, personId, on: on as IsoDate | null, recordedAt, source, body: { kind, ...data } as EventBody };
}

/**
 * The columns of one person's events as SQL, one JSON array of
 * PERSON_EVENT_VALUES per event, gathered by `json_group_array` (read back by
 * personEventsOf): a past day's replays read their people's events a person
 * to a row, not an event to a row (issue 31: the driver makes each row an
 * object column by column, and that was most of the replay's reading, at
 * 1,000,000 hires 1.7 s of CPU for 285,720 events as rows against 1.1 s as one
 * text per person).
 */
export const PERSON_EVENT_VALUES = 'e.seq, e.kind, e.concerns_on, e.recorded_at, e.source, e.data';

/** One person's events from `json_group_array(json_array(PERSON_EVENT_VALUES))`, by number (the aggregate's order is not SQL's promise). */
export function personEventsOf(personId: string, text: string): LedgerEvent[] {
  const rows = JSON.parse(text) as [number, string, string | null, string, string, string][];
  // A loop and push, not rows.map: V8's optimised map made arrays of another elements kind than the interpreter's,
  // and replay and revocations, optimised on the first kind, were thrown out and compiled again (issue 31, --trace-deopt:
  // "wrong map" in personEventsOf, replay and replayedByPerson on a past day at 100,000 hires).
  const events: LedgerEvent[] = [];
  for (const [seq, kind, on, recordedAt, source, data] of rows) events.push(eventOf(seq, personId, kind, on, recordedAt, source, data));
  for (let i = 1; i < events.length; i++) if (events[i]!.seq < events[i - 1]!.seq) return events.sort((a, b) => a.seq - b.seq);
  return events;
}

/**
 * An event as `export --format json` writes it (issue 31: the export re-built
 * every event and stringified it whole, 2.1-2.3x its floor): its columns, and
 * its payload as JSON text. The stored text is written through when it is in
 * the form sscard writes (PLAIN_PAYLOAD: one flat object of letter-named
 * members, strings without escapes (nor surrogates, which it would escape alone), safe integers, booleans, null, integer
 * lists; no space; no key twice, no `kind`): such text is valid JSON, and
 * JSON.stringify of its parse gives it back byte for byte. Anything else is
 * parsed (a damaged payload throws, as in toEvent) and stringified alone, so
 * the export's bytes stay what they were for any text the column may hold.
 */
const INTEGER = '(?:0|-?[1-9]\\d{0,14})';
const PLAIN_VALUE = `(?:"${PLAIN_JSON_CHARACTER}*"|null|true|false|${INTEGER}|\\[(?:${INTEGER}(?:,${INTEGER})*)?\\])`;
/**
 * A member whose key (capture group `group`) names no later member: in this
 * form a later key is always preceded by `,"` (strings hold no `"`, lists
 * only integers), so `,"key":` further on is a later member of that key
 * (JSON.parse would keep its value at the first place). One regular
 * expression instead of a scan of the keys in JavaScript (issue 31: the scan
 * was 5.6% of export --format json's profile at 100,000 hires; the test of
 * 260,002 payloads took 81 ms of CPU instead of 139 ms).
 */
const PLAIN_MEMBER = (group: number) => `"(?!kind")([A-Za-z]+)":${PLAIN_VALUE}(?![^]*,"\\${group}":)`;
const PLAIN_PAYLOAD = new RegExp(`^\\{(?:${PLAIN_MEMBER(1)}(?:,${PLAIN_MEMBER(2)})*)?\\}$`);

export function storedEvent(seq: number, personId: string, kind: EventKind, on: string | null, recordedAt: string, source: string, data: string): StoredEvent {
  if (!KNOWN_KINDS.has(kind)) throw damagedEvent(seq, 'kind');
  if (PLAIN_PAYLOAD.test(data)) return { seq, personId, kind, on: on as IsoDate | null, recordedAt, source, payload: data };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw damagedEvent(seq, 'data');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw damagedEvent(seq, 'data');
  if (Object.hasOwn(parsed, 'kind')) {
    // A payload naming a kind overrides the column's (toEvent's spread): the body decides, as allEvents gives it.
    const { kind: bodyKind, ...rest } = toEvent({ seq, person_id: personId, kind, concerns_on: on, recorded_at: recordedAt, source, data }).body;
    return { seq, personId, kind: bodyKind, on: on as IsoDate | null, recordedAt, source, payload: JSON.stringify(rest) };
  }
  return { seq, personId, kind, on: on as IsoDate | null, recordedAt, source, payload: JSON.stringify(parsed) };
}

/**
 * The payload as stored: the body without its kind (a column of its own).
 * Copying the object without its kind and writing that is the fastest way
 * measured (Node 20, 300,000 bodies: 105 ms, against 150-270 ms for cutting
 * the kind off the text of the whole body).
 */
export function payload(body: EventBody): string {
  const { kind: _kind, ...rest } = body;
  return JSON.stringify(rest);
}

/**
 * The state `facts` lead to as the caller planned it (core applyAll), when it
 * was planned from `from` itself and no fact is a revocation, which changes
 * the past and is replayed by the engine; else null. Both engines' record: an
 * import's row is applied once, by the core, not again by the store.
 */
export function plannedAfter(from: PersonState, facts: readonly Fact[], planned: PlannedState | undefined): PersonState | null {
  if (planned === undefined || planned.from !== from) return null;
  for (const f of facts) if (f.body.kind === 'revoked') return null; // (a loop, not facts.some: no closure per call)
  return planned.to;
}

/**
 * jsonText, remembering its last text and answer: a row's registration names
 * the very employer and hire date its hire did, and most rows say the same
 * hire kind, so each of those is checked once rather than each time (issue
 * 31: the checks were about 1.2% of an import's instructions, callgrind at 30,000 rows). A pure
 * function of the text: a text equal to the last one has its answer.
 */
function lastJsonText(): (text: string | null) => string {
  let lastText: string | null = null;
  let lastJson = 'null';
  return (text) => {
    if (text !== lastText) {
      lastJson = jsonText(text);
      lastText = text;
    }
    return lastJson;
  };
}
const employerJson = lastJsonText();
const hiredOnJson = lastJsonText();
const hireKindJson = lastJsonText();

/**
 * payload() of a fact the core made (a decision's, or eventBody's from a JSON
 * export): its members in the order EventBody declares them, which is the
 * order the core's literals and eventBody's FIELDS write. The kinds every
 * imported roster row records are written from a template, JSON.stringify
 * only escaping their texts: half the time of copying and writing the object
 * (Node 20, 300,000 bodies: 78 ms against 165 ms, min of 20 rounds), the
 * same bytes (test/store/rows.test.ts). Anything else, and a member of an
 * unexpected type, goes through payload(). Not for stored bodies read back
 * (toEvent keeps the stored order): those take payload().
 */
export function factPayload(body: EventBody): string {
  switch (body.kind) {
    case 'person.recorded':
      // One member: its place cannot differ.
      if (body.name === null) return '{"name":null}';
      if (typeof body.name === 'string') return `{"name":${jsonText(body.name)}}`;
      break;
    case 'hire.recorded':
      if (typeof body.hiredOn === 'string' && typeof body.hireKind === 'string' && (body.employer === null || typeof body.employer === 'string'))
        return `{"employer":${employerJson(body.employer)},"hiredOn":${hiredOnJson(body.hiredOn)},"hireKind":${hireKindJson(body.hireKind)}}`;
      break;
    case 'hire.registered':
      if (typeof body.hiredOn === 'string' && (body.employer === null || typeof body.employer === 'string'))
        return `{"employer":${employerJson(body.employer)},"hiredOn":${hiredOnJson(body.hiredOn)}}`;
      break;
  }
  return payload(body);
}

/** Whether two values of plain data (what JSON holds) are equal, key order aside. */
export function equalData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equalData(x, b[i]));
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => equalData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export const toHire = (row: HireRow): Hire => ({
  kind: row.kind,
  employer: row.employer === '' ? null : row.employer,
  hiredOn: row.hired_on as IsoDate,
  registeredOn: row.registered_on as IsoDate | null,
  leftOn: row.left_on as IsoDate | null,
  separationDoneOn: row.separation_done_on as IsoDate | null,
  base: row.base ?? null,
});

/** A hire's columns in the order `hireOf` reads them, for queries in the driver's raw mode (rows as arrays). */
export const HIRE_VALUES = 'h.kind, h.employer, h.hired_on, h.registered_on, h.left_on, h.separation_done_on, h.base';
export type HireValues = [HireKind, string, string, string | null, string | null, string | null, number | null];

/** `toHire` of a row read as an array of HIRE_VALUES. */
export const hireOf = ([kind, employer, hiredOn, registeredOn, leftOn, separationDoneOn, base]: HireValues): Hire => ({
  kind,
  employer: employer === '' ? null : employer,
  hiredOn: hiredOn as IsoDate,
  registeredOn: registeredOn as IsoDate | null,
  leftOn: leftOn as IsoDate | null,
  separationDoneOn: separationDoneOn as IsoDate | null,
  base: base ?? null,
});

/** `hireOf` of a raw row whose HIRE_VALUES start at `at`, read by index (no rest array per row: issue 31, the agenda's and people's hundreds of thousands of rows). */
export const hireAt = (row: readonly unknown[], at: number): Hire => ({
  kind: row[at] as HireKind,
  employer: row[at + 1] === '' ? null : (row[at + 1] as string),
  hiredOn: row[at + 2] as IsoDate,
  registeredOn: row[at + 3] as IsoDate | null,
  leftOn: row[at + 4] as IsoDate | null,
  separationDoneOn: row[at + 5] as IsoDate | null,
  base: (row[at + 6] as number | null) ?? null,
});

/**
 * An open registration's columns (OPEN_ITEMS_SQL.registration: an employee's hire, not registered): its kind and
 * registration date are known, so not read (issue 31: each column read costs the agenda's every row).
 */
export const OPEN_REGISTRATION_VALUES = 'h.employer, h.hired_on, h.left_on, h.separation_done_on, h.base';

/** The Hire of a raw row whose OPEN_REGISTRATION_VALUES start at `at`. */
export const openRegistrationAt = (row: readonly unknown[], at: number): Hire => ({
  kind: 'employee',
  employer: row[at] === '' ? null : (row[at] as string),
  hiredOn: row[at + 1] as IsoDate,
  registeredOn: null,
  leftOn: row[at + 2] as IsoDate | null,
  separationDoneOn: row[at + 3] as IsoDate | null,
  base: (row[at + 4] as number | null) ?? null,
});

export const hireParams = (personId: string, hire: Hire) => ({
  person_id: personId,
  kind: hire.kind,
  employer: hire.employer ?? '',
  hired_on: hire.hiredOn,
  registered_on: hire.registeredOn,
  left_on: hire.leftOn,
  separation_done_on: hire.separationDoneOn,
  base: hire.base,
});

export const toCard = (row: CardRow): Card => ({
  number: row.number,
  holderId: row.person_id,
  bank: row.bank,
  policy: row.policy,
  generation: Number(row.generation) === 3 ? 3 : 2,
  expiresOn: row.expires_on as IsoDate | null,
  state: row.state,
  appliedOn: (row.applied_on ?? null) as IsoDate | null,
  readyOn: (row.ready_on ?? null) as IsoDate | null,
  readyAt: row.ready_at ?? null,
  issuedOn: row.issued_on as IsoDate | null,
  receivedOn: row.received_on as IsoDate | null,
  enabledOn: row.enabled_on as IsoDate | null,
  activatedOn: row.activated_on as IsoDate | null,
  outlet: row.outlet,
  guardianId: row.guardian_id,
  loss: row.loss_kind === null ? null : { kind: row.loss_kind, reportedOn: row.loss_reported_on as IsoDate, resumes: row.loss_resumes! },
  endedOn: row.ended_on as IsoDate | null,
  replacedBy: row.replaced_by,
});

export const cardParams = (card: Card, seq: number) => ({
  number: card.number,
  person_id: card.holderId,
  seq,
  bank: card.bank,
  policy: card.policy,
  generation: card.generation,
  expires_on: card.expiresOn,
  state: card.state,
  issued_on: card.issuedOn,
  received_on: card.receivedOn,
  enabled_on: card.enabledOn,
  activated_on: card.activatedOn,
  outlet: card.outlet,
  guardian_id: card.guardianId,
  loss_kind: card.loss?.kind ?? null,
  loss_reported_on: card.loss?.reportedOn ?? null,
  loss_resumes: card.loss?.resumes ?? null,
  ended_on: card.endedOn,
  replaced_by: card.replacedBy,
  applied_on: card.appliedOn,
  ready_on: card.readyOn,
  ready_at: card.readyAt,
});

export const CARD_COLUMNS = Object.keys(cardParams({} as Card, 0)) as (keyof ReturnType<typeof cardParams>)[];
export const HIRE_COLUMNS = Object.keys(hireParams('', {} as Hire)) as (keyof ReturnType<typeof hireParams>)[];

/** Where one person's cached tables (null: no person row) differ from the replay of their events. */
export function differences(cached: PersonState | null, replayed: PersonState): CacheDifference[] {
  const out: CacheDifference[] = [];
  const id = replayed.id;
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  if (!replayed.exists) return cached ? [{ personId: id, table: 'person', cached: json({ name: cached.name }), replayed: null }] : [];
  if (!cached || cached.name !== replayed.name)
    out.push({ personId: id, table: 'person', cached: cached ? json({ name: cached.name }) : null, replayed: json({ name: replayed.name }) });
  const c = cached ?? { hires: [], cards: [], ecard: null };
  const rows = <T>(table: CacheDifference['table'], a: readonly T[], b: readonly T[], key: (x: T) => string) => {
    const keys = new Set([...a.map(key), ...b.map(key)]);
    for (const k of keys) {
      const x = json(a.find((v) => key(v) === k));
      const y = json(b.find((v) => key(v) === k));
      if (x !== y) out.push({ personId: id, table, cached: x, replayed: y });
    }
  };
  rows('hire', c.hires, replayed.hires, (h) => `${h.employer}|${h.hiredOn}`);
  rows('card', c.cards, replayed.cards, (card) => card.number);
  if (json(c.ecard) !== json(replayed.ecard)) out.push({ personId: id, table: 'ecard', cached: json(c.ecard), replayed: json(replayed.ecard) });
  return out;
}

/** An iterable that starts afresh (a new query) each time it is iterated: `due` reads the agenda twice to align its columns. */
export function reiterable<T>(start: () => AsyncIterable<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => start()[Symbol.asyncIterator]() };
}

/**
 * Rows a page holds. Few enough that a page, and what its reader makes of
 * it (agenda items, text), is done with before V8's young generation is
 * collected twice, at its smallest too (1 MiB, where V8 keeps it when the
 * machine is busy): what lives through two collections is moved to the old
 * generation, and that one is collected only when it has grown by several
 * times what it keeps. Pages of 1,000 rows (some 1.4 MiB made for them in
 * due --json) were moved so: at 1,000,000 hires, due --json --as-of a past
 * day with `--max-semi-space-size=1` moved 136 MiB of rows and items to the
 * old generation and collected it 17 times; with pages of 100, 4 MiB and
 * none (issue 31, sampling heap profile of collected objects; trace-gc).
 */
export const PAGE_ROWS = 100;

/** Rows in pages of `size`: one wait per page, not per row, for whoever reads them. */
export async function* paged<T>(rows: Iterable<T>, size = PAGE_ROWS): AsyncIterable<T[]> {
  let page: T[] = [];
  for (const row of rows) {
    page.push(row);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/**
 * The pages of a query in the order `compare` gives, with more rows (people
 * replayed as they stood on an earlier day) put in their places: one stream
 * in that order, an extra row before the query's rows it ties with. The more
 * rows come as an array in any order, or as pages already in order (a past
 * day's replays, read back from a temporary file: issue 31).
 */
export async function* mergedByKey<T>(
  pages: AsyncIterable<readonly T[]>,
  more: readonly T[] | AsyncIterable<readonly T[]>,
  compare: (a: T, b: T) => number,
  size = PAGE_ROWS,
): AsyncIterable<readonly T[]> {
  const extra: AsyncIterable<readonly T[]> = Symbol.asyncIterator in more ? more : onePage([...more].sort(compare));
  const others = extra[Symbol.asyncIterator]();
  let page: readonly T[] = [];
  let i = 0;
  let done = false;
  /** The next extra row in view (i < page.length), unless they are all used. */
  const fill = async () => {
    while (i >= page.length && !done) {
      const next = await others.next();
      if (next.done) done = true;
      else [page, i] = [next.value, 0];
    }
  };
  try {
    await fill();
    for await (const rows of pages) {
      if (done) {
        yield rows;
        continue;
      }
      let merged: T[] = [];
      for (const row of rows) {
        while (!done && compare(page[i]!, row) <= 0) {
          merged.push(page[i++]!);
          if (i >= page.length) await fill();
          // A page of its own every `size` rows: extra rows all before one row of the query (a past day's
          // later deadlines are mostly replayed people's) made one page of them all, held at once with their agenda items.
          if (merged.length >= size) {
            yield merged;
            merged = [];
          }
        }
        merged.push(row);
      }
      if (merged.length > 0) yield merged;
    }
    while (!done) {
      yield page.slice(i);
      i = page.length;
      await fill();
    }
  } finally {
    await others.return?.();
  }
}

async function* onePage<T>(rows: readonly T[]): AsyncIterable<readonly T[]> {
  if (rows.length > 0) yield rows;
}

/**
 * The agenda's open-item conditions (the core's OPEN_ITEMS) in SQL over the
 * cached tables `hire h` and `card c`, the same text for both engines;
 * test/store/contract.ts checks each engine's rows against OPEN_ITEMS.
 */
export const OPEN_ITEMS_SQL = {
  registration: "h.registered_on IS NULL AND h.kind = 'employee'",
  separation: 'h.left_on IS NOT NULL AND h.separation_done_on IS NULL',
  /** `renewing`: the policies whose validity gives an expiry to renew by (agenda.ts, renewingPolicies). */
  card: (renewing: ReadonlySet<string>): string =>
    `(c.state IN ('issued', 'received', 'lost') OR (c.state = 'activated' AND (c.expires_on IS NOT NULL${
      renewing.size === 0 ? '' : ` OR c.policy IN (${[...renewing].map(sqlText).join(', ')})`
    })))`,
} as const;

/** A text as an SQL string literal, its quotes doubled: a policy id (`[a-z][a-z0-9-]*` by the file's schema), an employer's name. */
export const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The agenda's raw material from people replayed as they stood on an earlier
 * day (the rest comes from the cache); the cards only with `renewing`
 * (AgendaOrder.renewingPolicies): the counts of open hires need none.
 */
export function agendaOfReplayed(states: Iterable<PersonState>, renewing?: () => ReadonlySet<string>) {
  const registrations: PersonHire[] = [];
  const separations: PersonHire[] = [];
  const cards: PersonCard[] = [];
  for (const state of states) {
    if (!state.exists) continue;
    const person = { id: state.id, name: state.name };
    for (const hire of state.hires) {
      if (OPEN_ITEMS.registration(hire)) registrations.push({ person, hire });
      if (OPEN_ITEMS.separation(hire)) separations.push({ person, hire });
    }
    if (renewing) for (const card of state.cards) if (OPEN_ITEMS.card(card, renewing())) cards.push({ person, card });
  }
  return { registrations, separations, cards };
}

/** An open hire with its deadline, as the agenda's queries return them. */
export interface DatedHire extends PersonHire {
  readonly deadline: string;
}

/**
 * AgendaOrder: what a query's rows and replayed ones are merged by. The order
 * of the text `deadline|holder|hire date|employer` (what the merge compared
 * until issue 31), found without making that text: a new string for every row
 * of a past day's agenda, a tenth of what due --json --as-of allocated.
 */
export function byAgendaKey(a: DatedHire, b: DatedHire): number {
  return (
    keyPart(a.deadline, b.deadline) ||
    keyPart(a.person.id, b.person.id) ||
    keyPart(a.hire.hiredOn, b.hire.hiredOn) ||
    compareText(a.hire.employer ?? '', b.hire.employer ?? '')
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Two parts of the key followed each by its '|' (none holds one: dates, identity numbers): a shorter part that begins the other compares its '|' with the other's next character. */
function keyPart(a: string, b: string): number {
  if (a === b) return 0;
  const bar = 0x7c; // '|'
  if (b.startsWith(a)) return bar - b.charCodeAt(a.length);
  if (a.startsWith(b)) return a.charCodeAt(b.length) - bar;
  return compareText(a, b);
}

/** Whether a dated hire lies in an agenda window (store.ts AgendaWindow): replayed hires are narrowed as the queries narrow theirs. */
export const inWindow =
  (window: AgendaWindow | undefined) =>
  (e: DatedHire): boolean =>
    window === undefined ||
    ((window.from === undefined || e.deadline >= window.from) &&
      (window.employer === undefined || e.hire.employer === window.employer) &&
      (window.employerMatches === undefined || window.employerMatches(e.hire.employer)));

/** An employer filter asked once per name (a query asks per row): what AgendaWindow.employerMatches promises. */
export function oncePerEmployer(matches: (employer: string | null) => boolean): (employer: string | null) => boolean {
  const answers = new Map<string | null, boolean>();
  return (employer) => {
    let answer = answers.get(employer);
    if (answer === undefined) answers.set(employer, (answer = matches(employer)));
    return answer;
  };
}

/** Pages of dated hires narrowed to an agenda window (none: all of them). */
export async function* windowed(pages: AsyncIterable<readonly DatedHire[]>, window: AgendaWindow | undefined): AsyncIterable<readonly DatedHire[]> {
  if (window === undefined) return yield* pages;
  const wanted = inWindow(window);
  for await (const page of pages) {
    const kept = page.filter(wanted);
    if (kept.length > 0) yield kept;
  }
}

/** What findPeople looks for: the end of an identity number (digits, perhaps a final X), or text in a name. */
export function personQuery(text: string): { idEnd: string } | { name: string } {
  const t = text.trim();
  return /^\d{1,17}[\dXx]?$/.test(t) ? { idEnd: t.toUpperCase() } : { name: t.toLowerCase() };
}

/** Each start day's deadline by the core's rule (period.ts remembers them per start day: a query may ask per row). */
export function deadlinesOf(order: AgendaOrder) {
  return (kind: 'registration' | 'separation', start: IsoDate): string =>
    kind === 'registration' ? order.registrationDeadline(start) : order.separationDeadline(start);
}
