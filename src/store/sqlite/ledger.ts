// The SQLite ledger's queries (better-sqlite3). All SQL of the local engine
// lives in src/store/sqlite. The driver is synchronous; the Store interface is
// asynchronous (a shared PostgreSQL ledger needs it), so each method simply
// resolves at once, and a write transaction is BEGIN IMMEDIATE ... COMMIT
// issued here around the command's work.
import type Database from 'better-sqlite3';
import { erasePersonRows, isMentioned, scrubFile, staleCopies } from './purge.js';
import type { IsoDate } from '../../core/calendar-date.js';
import type { Card } from '../../core/card.js';
import type { Hire } from '../../core/registration.js';
import type { EcardChannel, EcardClaim } from '../../core/ecard.js';
import { hirePlace } from '../../core/hire-places.js';
import {
  EVENT_VERSION,
  emptyPerson,
  type EventKind,
  type Fact,
  hireNamedBy,
  type LedgerEvent,
  type PersonState,
  replay,
  replayOnto,
} from '../../core/events.js';
import {
  byAgendaKey,
  agendaOfReplayed,
  type DatedHire,
  personQuery,
  deadlinesOf,
  oncePerEmployer,
  windowed,
  CARD_COLUMNS,
  type CardRow,
  cardParams,
  differences,
  equalData,
  EVENT_COLUMNS,
  factPayload,
  plannedAfter,
  type EventRow,
  HIRE_VALUES,
  OPEN_REGISTRATION_VALUES,
  openRegistrationAt,
  type HireValues,
  hireAt,
  hireOf,
  type HireRow,
  hireParams,
  mergedByKey,
  OPEN_ITEMS_SQL,
  paged,
  PERSON_EVENT_VALUES,
  payload,
  personEventsOf,
  reiterable,
  sqlText,
  toCard,
  storedEvent,
  toEvent,
  toHire,
} from '../rows.js';
import type { AgendaOrder, AgendaSources } from '../../core/agenda.js';
import { ReplayedAgenda } from '../replayed-agenda.js';
import type { Employer } from '../../core/employer.js';
import type {
  AgendaWindow,
  CacheDifference,
  LedgerCheck,
  LedgerReader,
  LedgerTransaction,
  LoadedCalendarYear,
  LoadedContributionYear,
  OpenHireGroup,
  Person,
  ImmediateTransaction,
  PlannedState,
  Store,
  StoredEvent,
} from '../store.js';
import { eventInsert, HIRE_INSERT, insertOf, PERSON_INSERT } from './inserts.js';
import { PendingRows } from './pending-rows.js';
import { DEFERRED_KEYS_VERSION, EMPLOYER_INDEXES_VERSION, PAST_DAY_INDEXES_VERSION } from './schema.js';

/** Rows per query when the agenda is read a window at a time (hiresByDeadline). */
const WINDOW_CHUNK = 200;

/**
 * Open registrations and open separations (OPEN_ITEMS_SQL): the partial
 * index each is found by (its own condition, schema.ts, which a query must
 * repeat for SQLite to use it) and the start day its deadline counts from.
 */
const OPEN_HIRES = {
  registration: { index: 'registered_on IS NULL', start: 'hired_on', byEmployer: 'hire_unregistered_by_employer' },
  separation: { index: 'left_on IS NOT NULL AND separation_done_on IS NULL', start: 'left_on', byEmployer: 'hire_separation_open_by_employer' },
} as const;

// Bound by position, as arguments: better-sqlite3 looks a named parameter up on
// an object, or an array's elements, one API call each (200,000 hires: 594 ms
// as arguments, 660 spread from an array, 723 as an array, 773 named).
const INSERT_CARD = `INSERT INTO card (${CARD_COLUMNS.join(', ')}) VALUES (${CARD_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_HIRE = insertOf(HIRE_INSERT);
const UPSERT_PERSON = insertOf(PERSON_INSERT);

function insertHires(s: Statements, state: PersonState): void {
  for (const hire of state.hires) {
    const h = hireParams(state.id, hire);
    s.sql(INSERT_HIRE).run(h.person_id, h.kind, h.employer, h.hired_on, h.registered_on, h.left_on, h.separation_done_on, h.base);
  }
}

function insertCards(s: Statements, state: PersonState): void {
  for (let i = 0; i < state.cards.length; i++) s.sql(INSERT_CARD).run(...Object.values(cardParams(state.cards[i]!, i + 1)));
}

function insertEcard(s: Statements, state: PersonState): void {
  if (state.ecard) s.sql('INSERT INTO ecard (person_id, channel, claimed_on) VALUES (?, ?, ?)').run(state.id, state.ecard.channel, state.ecard.claimedOn);
}

/** Prepared statements, once per connection. */
class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  /** New people's rows an import has given and SQLite not yet seen (pending-rows.ts): written before anything else uses the connection. */
  readonly pending: PendingRows;
  constructor(private readonly connection: Database.Database) {
    this.pending = new PendingRows(connection);
  }
  get db(): Database.Database {
    if (this.pending.any) this.pending.write();
    return this.connection;
  }
  sql(text: string): Database.Statement {
    if (this.pending.any) this.pending.write();
    let statement = this.cache.get(text);
    if (!statement) {
      statement = this.connection.prepare(text);
      this.cache.set(text, statement);
    }
    return statement;
  }
  /**
   * Whether the ledger's schema is at `version` or later: a ledger read without migrating (read-only, a dry run, of
   * an older version) lacks what later versions add. A query, not db.pragma(): the driver refuses that while another
   * read of the connection is open (the web view).
   */
  schemaAtLeast(version: number): boolean {
    return (this.sql('SELECT user_version FROM pragma_user_version').pluck().get() as number) >= version;
  }
}

/**
 * A fact as recorded. Built field by field, not by spreading: an import stamps millions of them; a function of
 * its own, not a closure in record (whose captured variables took a context object per call: issue 31).
 */
function stamped(f: Fact, seq: number, personId: string, recordedAt: string, source: string): LedgerEvent {
  return { on: f.on, body: f.body, seq, personId, recordedAt, source };
}

function cardHolderOf(s: Statements, number: string): string | null {
  return (s.sql('SELECT person_id FROM card WHERE number = ?').pluck().get(number) as string | undefined) ?? null;
}

function personEvents(s: Statements, personId: string): LedgerEvent[] {
  return (s.sql(`SELECT ${EVENT_COLUMNS} FROM event WHERE person_id = ? ORDER BY seq`).all(personId) as EventRow[]).map(toEvent);
}

/**
 * Writes the cached tables of one person from their replayed state. With the
 * state the tables held before (`before`), only the parts that changed are
 * rewritten (a person new to the ledger: insertNewState).
 */
function saveState(s: Statements, state: PersonState, before: PersonState | null = null, facts?: readonly Fact[]): void {
  const id = state.id;
  const same = (a: unknown, b: unknown) => before !== null && equalData(a, b);
  if (!before?.exists || before.name !== state.name) {
    s.sql(UPSERT_PERSON).run(id, state.name);
  }
  if (before === null || !saveHireChanges(s, before, state, facts)) {
    if (before?.hires.length !== 0) s.sql('DELETE FROM hire WHERE person_id = ?').run(id);
    insertHires(s, state);
  }
  if (!same(before?.cards, state.cards)) {
    if (before?.cards.length !== 0) s.sql('DELETE FROM card WHERE person_id = ?').run(id);
    insertCards(s, state);
  }
  if (!same(before?.ecard, state.ecard)) {
    if (before?.ecard !== null) s.sql('DELETE FROM ecard WHERE person_id = ?').run(id);
    insertEcard(s, state);
  }
}

const UPDATE_HIRE =
  'UPDATE hire SET kind = ?, registered_on = ?, left_on = ?, separation_done_on = ?, base = ? WHERE person_id = ? AND employer = ? AND hired_on = ?';

/**
 * Writes only the hires that changed, when the hires are the same ones in the
 * same places (a registration, an end, a separation: the row is updated in
 * place), perhaps with one more at the end (a later hire: inserted). False,
 * writing nothing, otherwise (a hire dated before another, a revoked one):
 * then every hire is written again, so that the rows' order (their ids, which
 * `export` lists a person's hires by) stays the state's, oldest first. A
 * person with thousands of hires imported row by row so costs each row its
 * own hire, not all of them. With the facts that made `state` from `before`,
 * only the hires they name are compared (namedHires); else every place is,
 * most by reference (apply copies only what a fact changes).
 */
function saveHireChanges(s: Statements, before: PersonState, state: PersonState, facts?: readonly Fact[]): boolean {
  const old = before.hires;
  const now = state.hires;
  if (old === now) return true;
  if (now.length !== old.length && now.length !== old.length + 1) return false;
  const named = facts === undefined ? null : namedHires(old, now, facts);
  const changed: number[] = [];
  const compare = (i: number): boolean => {
    const a = old[i]!;
    const b = now[i]!;
    if (a === b) return true;
    if (a.employer !== b.employer || a.hiredOn !== b.hiredOn) return false;
    if (!equalData(a, b)) changed.push(i);
    return true;
  };
  if (named !== null) {
    for (const i of named) if (!compare(i)) return false;
  } else {
    for (let i = 0; i < old.length; i++) if (!compare(i)) return false;
  }
  for (const i of changed) {
    const h = hireParams(state.id, now[i]!);
    s.sql(UPDATE_HIRE).run(h.kind, h.registered_on, h.left_on, h.separation_done_on, h.base, h.person_id, h.employer, h.hired_on);
  }
  if (now.length > old.length) {
    const h = hireParams(state.id, now[old.length]!);
    s.sql(INSERT_HIRE).run(h.person_id, h.kind, h.employer, h.hired_on, h.registered_on, h.left_on, h.separation_done_on, h.base);
  }
  return true;
}

/**
 * The places, among the hires before, of the hires the facts name (core
 * events.ts, hireNamedBy: a hire's fact changes that hire alone, any other
 * fact none), or null when the facts may have changed others: a revocation
 * (replayed), or a hire added anywhere but at the end. The other places need
 * no comparing (issue 31: comparing them all was 0.36 s of 1.1 s for 16,000
 * rows of one person, growing with the square of the rows).
 */
function namedHires(old: readonly Hire[], now: readonly Hire[], facts: readonly Fact[]): number[] | null {
  const places: number[] = [];
  for (const { body } of facts) {
    if (body.kind === 'revoked') return null;
    const hire = hireNamedBy(body);
    if (hire === null) continue;
    const at = hirePlace(now, hire.employer, hire.hiredOn);
    if (at === -1) return null;
    if (body.kind === 'hire.recorded' && at !== old.length) return null;
    if (at < old.length && !places.includes(at)) places.push(at);
  }
  return places;
}

/** The cached rows of a person new to the ledger, whose person row is already written: nothing to compare or delete first. */
function insertNewState(s: Statements, state: PersonState): void {
  insertHires(s, state);
  insertCards(s, state);
  insertEcard(s, state);
}

/** The cached tables of one person as stored (for `check`). */
function cachedState(s: Statements, id: string): PersonState | null {
  const person = s.sql('SELECT id, name FROM person WHERE id = ?').get(id) as Person | undefined;
  if (!person) return null;
  const hires = (s.sql('SELECT * FROM hire WHERE person_id = ? ORDER BY id').all(id) as HireRow[]).map(toHire);
  const cards = (s.sql('SELECT * FROM card WHERE person_id = ? ORDER BY seq').all(id) as CardRow[]).map(toCard);
  const e = s.sql('SELECT channel, claimed_on FROM ecard WHERE person_id = ?').get(id) as { channel: EcardChannel | null; claimed_on: string } | undefined;
  const ecard: EcardClaim | null = e ? { channel: e.channel, claimedOn: e.claimed_on as IsoDate } : null;
  return { id, exists: true, name: person.name, hires, cards, ecard };
}

/**
 * Who has facts dated after `viewOn` (and so looked different that day). Not
 * `SELECT DISTINCT`: for that SQLite's planner walks the whole event table by
 * person (1.7 s at 2.6 M events) instead of the few recent days by event_on.
 */
function peopleWithFactsAfter(s: Statements, viewOn: IsoDate | null): Set<string> {
  const people = new Set<string>();
  if (viewOn === null) return people;
  for (const id of s.sql('SELECT person_id FROM event WHERE concerns_on > ?').pluck().iterate(viewOn) as Iterable<string>) people.add(id);
  return people;
}

/**
 * How a past day's queries find the people with facts dated after it, or
 * null when nobody has any (the cache is then that day's state). They are
 * listed once, in a table of this connection's temporary database (SQLite's
 * temporary file: unlinked as soon as it is opened, as its sorter's are), and
 * every query of the view looks them up there: the list was a subquery each
 * query made again, one pass over the event table each (at 1,000,000 hires
 * and 600,000 later facts, 1.0 s of CPU per pass), and the replay's events
 * came through a sort of 1.1 M whole event rows (7.1 s of CPU, against 4.5 s
 * read in order through the event_person index from the list: issue 31).
 * At schema v5 the list is read from the event_on index alone (the day and
 * the person), sorted, whatever their number: it was one pass over the event
 * table when they were many (each fact through the day-only index cost a
 * visit to the table at random), at 100,000 hires 62 ms of CPU against 23 ms
 * now (better-sqlite3 alone, medians of 7). Named (INDEXED BY): left to
 * itself, SQLite's planner reads the whole of event_person instead, in the
 * person order the list is sorted by (38 ms). Counted by the index alone.
 *
 * While another query of this connection is being read (a web view's earlier
 * request, not finished), better-sqlite3 refuses the table's writing: the
 * queries then make the list themselves, as a subquery, as before.
 */
function laterFacts(s: Statements, asOf: IsoDate | null): LaterFacts | null {
  if (asOf === null) return null;
  const later = s.sql('SELECT count(*) FROM event WHERE concerns_on > ?').pluck().get(asOf) as number;
  if (later === 0) return null;
  const all = (s.sql('SELECT max(seq) FROM event').pluck().get() as number | null) ?? 0;
  const source = later * 10 > all ? 'event NOT INDEXED' : 'event';
  // A ledger read without migrating has not got v5's indexes: read as before.
  const indexed = s.schemaAtLeast(PAST_DAY_INDEXES_VERSION);
  const people = `SELECT person_id FROM ${indexed ? 'event INDEXED BY event_on' : source} WHERE concerns_on > ?`;
  const list = `temp.sscard_later_${asOf.replaceAll('-', '')}`;
  const listed =
    /^\d{4}-\d{2}-\d{2}$/.test(asOf) &&
    whenFree(() => {
      // One table per day (a checked ISO date: digits in its name), made again at each view: an earlier
      // view's sources, read again, still find their day's people.
      s.db.exec(`CREATE TABLE IF NOT EXISTS ${list} (person_id TEXT PRIMARY KEY) WITHOUT ROWID`);
      // Written in key order (sorted first), each page filled once: a small cache serves (1 MiB; by default
      // 16 MiB, which the list's 438,000 numbers filled and held to the end: 5-8 MiB of the peak at 1,000,000 hires).
      s.db.pragma('temp.cache_size = -1000');
      s.sql(`DELETE FROM ${list}`).run();
      s.sql(`INSERT OR IGNORE INTO ${list} ${people} ORDER BY 1`).run(asOf);
    });
  return listed ? { asOf, source, indexed, listed, list, params: [] } : { asOf, source, indexed, listed, list: `(${people})`, params: [asOf] };
}

/**
 * event_odd's condition (schema v5), word for word: SQLite reads a partial
 * index only for a query whose WHERE implies the index's. The events whose
 * kind alone decides whether a person had a fact on a day: a rename, and a
 * fact without a day or a record with one (sscard writes neither of these).
 */
const ODD_EVENT = "(e.kind = 'person.renamed' OR (e.kind = 'person.recorded') <> (e.concerns_on IS NULL))";

/**
 * Of the people with later facts, those who that day had a fact other than
 * their record (person.recorded, which only names them), or an undated one,
 * or were ever renamed: the others had no hire, card nor e-card yet, and the
 * name the ledger holds (so no open item, and export shows their record
 * alone), and their replay is skipped (a day months back: most of them were hired
 * after it; at 1,000,000 hires, 95,000 people of 438,000, their list 0.7 s
 * of CPU against 4.5 s reading every one's events). Their cached rows are
 * still left out (notLater).
 *
 * At schema v5 each listed person is looked up in indexes, in the list's order
 * (it was one pass over the event table probing the list for every event: at
 * 100,000 hires 89 ms of CPU, against 33 ms, better-sqlite3 alone, medians of
 * 7): a rename or a fact without a day in event_odd (kinds read from the
 * table, for these few); else a dated fact by that day in event_person alone,
 * which is such a fact unless the person's record has a day too (event_odd
 * again), when the kinds are read from the table. No index holds the kind:
 * a damaged one is still named by every read of the event (schema.ts, v5).
 */
function withEarlierFacts(s: Statements, later: LaterFacts): LaterFacts {
  if (!later.listed) return later;
  const list = `${later.list.replace('sscard_later_', 'sscard_earlier_')}`;
  const listed = whenFree(() => {
    s.db.exec(`CREATE TABLE IF NOT EXISTS ${list} (person_id TEXT PRIMARY KEY) WITHOUT ROWID`);
    s.sql(`DELETE FROM ${list}`).run();
    if (later.indexed)
      s.sql(
        `INSERT INTO ${list} SELECT l.person_id FROM ${later.list} l
          WHERE EXISTS (SELECT 1 FROM event e INDEXED BY event_odd WHERE e.person_id = l.person_id AND ${ODD_EVENT} AND e.kind <> 'person.recorded')
             OR (EXISTS (SELECT 1 FROM event e INDEXED BY event_person WHERE e.person_id = l.person_id AND e.concerns_on <= @day)
                 AND (NOT EXISTS (SELECT 1 FROM event e INDEXED BY event_odd WHERE e.person_id = l.person_id AND ${ODD_EVENT} AND e.kind = 'person.recorded')
                      OR EXISTS (SELECT 1 FROM event e WHERE e.person_id = l.person_id AND e.concerns_on <= @day AND e.kind <> 'person.recorded')))`,
      ).run({ day: later.asOf });
    else
      s.sql(
        `INSERT OR IGNORE INTO ${list} SELECT person_id FROM ${later.source}
          WHERE (kind = 'person.renamed' OR (kind <> 'person.recorded' AND (concerns_on IS NULL OR concerns_on <= ?))) AND person_id IN ${later.list} ORDER BY 1`,
      ).run(later.asOf);
  });
  return listed ? { ...later, list } : later;
}

/**
 * Runs a statement that writes (a temporary table, a setting) unless another
 * query of the connection is being read, when better-sqlite3 refuses it
 * (this connection is busy): true if it ran.
 */
function whenFree(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (error instanceof TypeError && /busy/.test(error.message)) return false;
    throw error;
  }
}

interface LaterFacts {
  readonly asOf: IsoDate;
  /** The event table, or 'event NOT INDEXED' (one pass) when the later facts are many. */
  readonly source: string;
  /** Whether the ledger has schema v5's event indexes (not when read without migrating). */
  readonly indexed: boolean;
  /** Whether `list` is the temporary table (else a subquery). */
  readonly listed: boolean;
  /** The people with facts dated after the day, as SQL: the temporary table, or a subquery of `params`. */
  readonly list: string;
  readonly params: readonly unknown[];
}

/** Leaves out the people with facts dated after the day, as SQL over a `person_id` column (its parameters: `later.params`). */
const notLater = (later: LaterFacts, column: string) => `${column} NOT IN ${later.list}`;

/**
 * The events of the people with facts dated after the day, a person to a row
 * ([ID, their events as personEventsOf reads them]), in ID order: one query,
 * read as it goes, the list's people in ID order, each one's events by the
 * event_person index (no sort: CROSS JOIN keeps the list outside); without
 * the list, one pass over the table (or the index, for few) grouped by
 * SQLite's sorter, as before.
 */
function laterEvents(s: Statements, later: LaterFacts): IterableIterator<[string, string]> {
  const events = `json_group_array(json_array(${PERSON_EVENT_VALUES}))`;
  const sql = later.listed
    ? `SELECT l.person_id, ${events} FROM ${later.list} l CROSS JOIN event e ON e.person_id = l.person_id GROUP BY l.person_id ORDER BY l.person_id`
    : `SELECT e.person_id, ${events} FROM ${later.source.replace('event', 'event e')} WHERE e.person_id IN ${later.list} GROUP BY e.person_id ORDER BY e.person_id`;
  return s
    .sql(sql)
    .raw(true)
    .iterate(...later.params) as IterableIterator<[string, string]>;
}

/** Each person of `people` (laterEvents' rows) replayed as of `asOf`. */
function* replayedByPerson(people: Iterable<[string, string]>, asOf: IsoDate): Iterable<PersonState> {
  for (const [id, events] of people) yield replay(id, personEventsOf(id, events), asOf).state;
}

/** Events grouped by person (rows ordered by person), each person's replayed (check's comparison with the cache). */
function* replayedRows(rows: Iterable<EventRow>): Iterable<PersonState> {
  let current: string | null = null;
  let events: LedgerEvent[] = [];
  for (const row of rows) {
    if (row.person_id !== current) {
      if (current !== null) yield replay(current, events).state;
      current = row.person_id;
      events = [];
    }
    events.push(toEvent(row));
  }
  if (current !== null) yield replay(current, events).state;
}

interface EcardRow {
  person_id: string;
  channel: EcardChannel | null;
  claimed_on: string;
}

/** An iterator with its next row in view, for joining streams ordered by the same key. */
function ahead<T>(rows: Iterator<T>) {
  const read = () => {
    const r = rows.next();
    return r.done ? null : r.value;
  };
  const view = {
    next: read(),
    take: (): T => {
      const row = view.next!;
      view.next = read();
      return row;
    },
  };
  return view;
}

/** Everyone replayed from their events (what `check` compares the cache with). */
function replayAll(s: Statements): Iterable<PersonState> {
  return replayedRows(s.sql(`SELECT ${EVENT_COLUMNS} FROM event ORDER BY person_id, seq`).iterate() as Iterable<EventRow>);
}

/** Where the cached tables differ from the replay of everyone's events (SPEC 1.6). */
function cacheAgainstReplay(s: Statements): CacheDifference[] {
  const found: CacheDifference[] = [];
  const seen = new Set<string>();
  for (const state of replayAll(s)) {
    seen.add(state.id);
    found.push(...differences(cachedState(s, state.id), state));
  }
  for (const id of s.sql('SELECT id FROM person').pluck().all() as string[]) {
    if (!seen.has(id)) found.push(...differences(cachedState(s, id), emptyPerson(id)));
  }
  return found;
}

/** `check`'s comparison of the cache with the replay, for a check before a write (file.ts). */
export function cacheDifferencesIn(db: Database.Database): CacheDifference[] {
  return cacheAgainstReplay(new Statements(db));
}

/** Rebuilds every person's cached tables from their events (the v2 migration; also a repair). */
export function rebuildCache(db: Database.Database): void {
  const s = new Statements(db);
  const ids = db.prepare('SELECT DISTINCT person_id FROM event').pluck().all() as string[];
  for (const id of ids) saveState(s, replay(id, personEvents(s, id)).state);
}

class Reader implements LedgerReader {
  constructor(protected readonly s: Statements) {}

  async personEvents(personId: string): Promise<LedgerEvent[]> {
    return personEvents(this.s, personId);
  }

  async cardHolder(number: string): Promise<string | null> {
    return cardHolderOf(this.s, number);
  }

  async eventsBySeq(seqs: readonly number[]): Promise<LedgerEvent[]> {
    const statement = this.s.sql(`SELECT ${EVENT_COLUMNS} FROM event WHERE seq = ?`);
    return seqs.flatMap((seq) => {
      const row = statement.get(seq) as EventRow | undefined;
      return row ? [toEvent(row)] : [];
    });
  }

  async mentions(id: string): Promise<boolean> {
    return isMentioned(this.s.db, id);
  }

  async staleCopies(id: string): Promise<boolean> {
    return staleCopies(this.s.db.name, id);
  }

  async calendarYears(): Promise<LoadedCalendarYear[]> {
    const rows = this.s.sql('SELECT loaded_on, file, schedule FROM calendar_year ORDER BY year').all() as {
      loaded_on: string;
      file: string;
      schedule: string;
    }[];
    return rows.map((r) => ({ schedule: JSON.parse(r.schedule), loadedOn: r.loaded_on as IsoDate, file: r.file }));
  }

  /** A ledger read without migrating (read-only, at version 2) has no table for these yet: nothing recorded. */
  private hasV3(): boolean {
    return this.s.schemaAtLeast(3);
  }

  async employers(): Promise<Employer[]> {
    if (!this.hasV3()) return [];
    return this.s.sql('SELECT name, uscc, city FROM employer ORDER BY name').all() as Employer[];
  }

  async contributionYears(): Promise<LoadedContributionYear[]> {
    if (!this.hasV3()) return [];
    const rows = this.s.sql('SELECT loaded_on, file, entry FROM contribution_year ORDER BY city, year').all() as {
      loaded_on: string;
      file: string;
      entry: string;
    }[];
    return rows.map((r) => ({ year: JSON.parse(r.entry), loadedOn: r.loaded_on as IsoDate, file: r.file }));
  }
}

/**
 * A set of identity numbers that may say yes for one it was not given, never
 * no for one it was (a Bloom filter: 4 MiB, two bits per number, whatever
 * the number of rows; at 1,000,000 numbers about 1 in 300 others is a false
 * yes, at 3,000,000 about 1 in 40: each costs the query it would have saved).
 * A Set of the numbers would hold about 100 MiB per million.
 */
export class IdFilter {
  private readonly bits = new Int32Array(1 << 20);
  private a = 0;
  private b = 0;

  add(id: string): void {
    this.positions(id);
    this.bits[this.a >>> 5]! |= 1 << (this.a & 31);
    this.bits[this.b >>> 5]! |= 1 << (this.b & 31);
  }

  mayHold(id: string): boolean {
    this.positions(id);
    // Both bits read on every call, not the second only after the first is set (&&): a first bit set is rare
    // early in an import, so V8 optimised stateOf without feedback for the second read, then deoptimised it when
    // one came (node --trace-deopt, bench rows, at 30,000 and 100,000 rows alike: issue 31).
    return ((this.bits[this.a >>> 5]! >>> (this.a & 31)) & (this.bits[this.b >>> 5]! >>> (this.b & 31)) & 1) === 1;
  }

  /** The string the positions were last worked out for: an import asks mayHold, then add, for the same row's id. */
  private last: string | null = null;

  /** Two of the 2^25 bits for a string: FNV-1a, and a multiplicative hash of its own (kept in fields: no array per row). */
  private positions(id: string): void {
    if (id === this.last) return;
    this.last = id;
    let a = 0x811c9dc5;
    let b = 0x27d4eb2f;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x9e3779b1) ^ (b >>> 15);
    }
    this.a = (a ^ (a >>> 16)) & 0x1ffffff;
    this.b = (Math.imul(b ^ (b >>> 13), 0x85ebca6b) >>> 7) & 0x1ffffff;
  }
}

class Transaction extends Reader implements LedgerTransaction {
  /**
   * The person last read or written in this transaction: their events as
   * read, and their state once replayed or carried on past the facts recorded
   * since. A command reads a person, decides, then records; an import does so
   * once per row, often for the same person many rows running: the state is
   * carried from row to row (replayOnto) instead of replaying the whole
   * history again each time (nothing else writes inside the transaction).
   */
  private last: { personId: string; events: LedgerEvent[] | null; state: PersonState | null } | null = null;

  /**
   * Who may have events, when the ledger had none as this transaction first
   * read a person: the people it has recorded since (nothing else writes
   * events inside it). A person it cannot hold has no events to read, so the
   * first import into a new ledger does not ask SQLite for each row's person
   * (one query per row that finds nothing: issue 31). Null: the ledger had
   * events, every person is read. Undefined: not asked yet.
   */
  private recordedHere: IdFilter | null | undefined = undefined;

  /** The INSERT of an event, recorded at this run's time (inserts.ts). */
  private readonly insertEvent: string;

  /**
   * Whether new people's rows may wait for others' (pending-rows.ts): only where the person keys are checked at
   * commit (schema v6, schema.ts); elsewhere (a dry run of an older ledger, not migrated) such an INSERT keeps a
   * statement journal. Asked at an import's first new person, not by every write (a command's one write would pay
   * the query for nothing).
   */
  private keysAtCommit: boolean | undefined = undefined;
  private batching(): boolean {
    this.keysAtCommit ??= this.s.schemaAtLeast(DEFERRED_KEYS_VERSION);
    return this.keysAtCommit;
  }

  constructor(
    s: Statements,
    private readonly now: string,
  ) {
    super(s);
    this.insertEvent = insertOf(eventInsert(now));
  }

  override async personEvents(personId: string): Promise<LedgerEvent[]> {
    const events = this.eventsOf(personId);
    this.last = { personId, events, state: null };
    return [...events];
  }

  /** The person's events; none, without a query, for one a ledger new to this transaction cannot hold. */
  private eventsOf(personId: string): LedgerEvent[] {
    if (this.recordedHere === undefined) this.recordedHere = this.s.sql('SELECT 1 FROM event LIMIT 1').get() === undefined ? new IdFilter() : null;
    return this.recordedHere === null || this.recordedHere.mayHold(personId) ? personEvents(this.s, personId) : [];
  }

  async personState(personId: string): Promise<PersonState> {
    return this.stateOf(personId);
  }

  private stateOf(personId: string): PersonState {
    if (this.last?.personId !== personId) this.last = { personId, events: this.eventsOf(personId), state: null };
    const last = this.last;
    // Nobody yet (each row of a first import): their state without a replay's bookkeeping.
    last.state ??= last.events!.length === 0 ? emptyPerson(personId) : replay(personId, last.events!).state;
    return last.state;
  }

  /** The driver answers at once: an import's rows call these without a promise each. */
  readonly immediate: ImmediateTransaction = {
    personState: (personId) => this.stateOf(personId),
    cardHolder: (number) => cardHolderOf(this.s, number),
    record: (personId, facts, source, planned) => {
      this.recordFacts(personId, facts, source, planned, null);
    },
  };

  async record(personId: string, facts: readonly Fact[], source: string, planned?: PlannedState): Promise<LedgerEvent[]> {
    const recorded: LedgerEvent[] = [];
    this.recordFacts(personId, facts, source, planned, recorded);
    return recorded;
  }

  /** record's work; the events as recorded are pushed to `recorded` unless it is null (nobody reads them). */
  private recordFacts(personId: string, facts: readonly Fact[], source: string, planned: PlannedState | undefined, recorded: LedgerEvent[] | null): void {
    if (facts.length === 0) return;
    const state = this.stateOf(personId);
    // A person with no events yet has no cached rows (their first fact is their record).
    const before = state.exists ? state : null;
    // The state after, computed before writing (the new events' own numbers do not matter to it): the caller's
    // when worked out from this very state (applyAll, which a revocation never goes through), else applied here.
    const after =
      plannedAfter(state, facts, planned) ??
      replayOnto(state, facts) ??
      replay(personId, [
        ...personEvents(this.s, personId),
        ...facts.map((f, i) => stamped(f, Number.MAX_SAFE_INTEGER - facts.length + i, personId, this.now, source)),
      ]).state;
    this.recordedHere?.add(personId);
    // A new person of an import (nobody reads the events' numbers): their rows wait to go with others' (pending-rows.ts).
    if (before === null && recorded === null && after.cards.length === 0 && after.ecard === null && this.batching()) {
      const pending = this.s.pending;
      pending.person(personId, after.name);
      for (const f of facts) pending.event(personId, f.body.kind, f.on, this.now, source, factPayload(f.body));
      for (const hire of after.hires) pending.hire(hireParams(personId, hire));
      this.last = { personId, events: null, state: after };
      return;
    }
    // The person's row is the events' parent (foreign key): a new person's comes first, with their name.
    if (before === null) this.s.sql(UPSERT_PERSON).run(personId, after.name);
    const insert = this.s.sql(this.insertEvent);
    for (const f of facts) {
      const { lastInsertRowid } = insert.run(personId, f.body.kind, f.on, source, factPayload(f.body));
      recorded?.push(stamped(f, Number(lastInsertRowid), personId, this.now, source));
    }
    if (before === null) insertNewState(this.s, after);
    else saveState(this.s, after, before, facts);
    // The events are not kept (a reader of them reads them again): the state carries on.
    this.last = { personId, events: null, state: after };
  }

  async saveCalendarYear(year: LoadedCalendarYear): Promise<void> {
    this.s
      .sql('INSERT OR REPLACE INTO calendar_year (year, loaded_on, recorded_at, file, schedule) VALUES (?, ?, ?, ?, ?)')
      .run(year.schedule.year, year.loadedOn, this.now, year.file, JSON.stringify(year.schedule));
  }

  async saveEmployer(employer: Employer): Promise<void> {
    this.s
      .sql('INSERT OR REPLACE INTO employer (name, uscc, city, recorded_at) VALUES (?, ?, ?, ?)')
      .run(employer.name, employer.uscc, employer.city, this.now);
  }

  async saveContributionYear(year: LoadedContributionYear): Promise<void> {
    this.s
      .sql('INSERT OR REPLACE INTO contribution_year (city, year, loaded_on, recorded_at, file, entry) VALUES (?, ?, ?, ?, ?, ?)')
      .run(year.year.city, year.year.year, year.loadedOn, this.now, year.file, JSON.stringify(year.year));
  }

  /** Set by erasePerson: the file is rewritten once the transaction has committed (VACUUM cannot run inside one). */
  erased = false;

  async erasePerson(personId: string): Promise<number> {
    this.last = null;
    const events = this.s.sql('SELECT count(*) FROM event WHERE person_id = ?').pluck().get(personId) as number;
    erasePersonRows(this.s.db, personId); // and the file rewritten after commit: see purge.ts
    this.erased = true;
    return events;
  }
}

export class SqliteStore extends Reader implements Store {
  constructor(
    readonly db: Database.Database,
    private readonly now: string,
  ) {
    super(new Statements(db));
  }

  /** Whether the ledger has schema v7's indexes of one employer's open hires (asked once, at the first such read). */
  private employerIndexes: boolean | undefined = undefined;
  private hasEmployerIndexes(): boolean {
    this.employerIndexes ??= this.s.schemaAtLeast(EMPLOYER_INDEXES_VERSION);
    return this.employerIndexes;
  }

  /**
   * '' (the partial index, in deadline order) when few hires match `where`;
   * 'NOT INDEXED' (one pass over the table, then a sort) when many do. The
   * index visits one table page per row at random, which costs more than
   * reading every page once in order when more than about one hire in five
   * matches (measured: 400,000 open of 1,000,000, 2.6 s of CPU by the index,
   * 1.7 s by the scan). SQLite's planner has no statistics to tell.
   */
  private viaIndex(where: string): '' | 'NOT INDEXED' {
    // `where` is the partial index's own condition: the count reads the index alone.
    const matching = this.s.sql(`SELECT count(*) FROM hire WHERE ${where}`).pluck().get() as number;
    const all = (this.s.sql('SELECT max(id) FROM hire').pluck().get() as number | null) ?? 0;
    return matching * 5 > all ? 'NOT INDEXED' : '';
  }

  /**
   * A whole view streamed (due's agenda, export, people): each page of the
   * ledger is read about once, in order or at random, so that SQLite's page
   * cache keeps little worth keeping; its size also bounds the memory of the
   * sorter before it spills (sorted runs, merged from a temporary file). 4 MiB
   * instead of the driver's 16: at 1,000,000 hires, due --json peaked at
   * 107-111 MiB instead of 130, due --json --as-of a past day at 131 instead
   * of 162, export at 99 instead of 111, CPU the same within this machine's
   * noise (issue 31). Not for the web view's windows (a server's repeated
   * reads), nor writes.
   */
  private streamed(): void {
    // While another read of this connection is open the driver refuses the setting: the view then reads as before.
    whenFree(() => this.db.pragma('cache_size = -4000'));
  }

  async agendaRows(viewOn: IsoDate | null, order: AgendaOrder, window?: AgendaWindow): Promise<AgendaSources> {
    // A command (due, due --employer) reads the whole agenda: one sorted query, with a larger page cache. The web
    // view's windows (a page, from a deadline, of an employer, or none of these) read one deadline's hires at a time and
    // stop after the page: sorting every open hire for a first page took 11-15 s at 3,000,000 hires (2,042,855 open;
    // issue 31, npm run bench).
    const wholeAgenda = window === undefined || window.employerMatches !== undefined;
    if (wholeAgenda) this.streamed();
    // The deadline of each start day, by the core's rule (agendaOrder), as a function the query sorts by
    // (sscard_registration_deadline, sscard_separation_deadline, below): SQLite's sorter keeps the order in bounded
    // memory, whatever the number of open hires.
    const deadlineOf = deadlinesOf(order);
    // People with facts dated after `viewOn` looked different that day: the queries leave them out, and
    // they are replayed, one at a time, into a ReplayedAgenda (held in memory up to its limit, else a temporary
    // file) read back in AgendaOrder. Everyone else: the cache.
    const later = laterFacts(this.s, viewOn);
    const replayed = later === null ? null : new ReplayedAgenda(deadlineOf, () => order.renewingPolicies());
    if (later !== null && replayed !== null) {
      for (const state of replayedByPerson(laterEvents(this.s, withEarlierFacts(this.s, later)), later.asOf)) replayed.add(state);
      replayed.finish();
    }
    // `due --employer`: the employer is asked in the query (a function of ours, once per name), so that
    // only its hires are joined and sorted (issue 31: 762 of 400,000 open hires were sorted, then dropped).
    const filter = window?.employerMatches === undefined ? null : oncePerEmployer(window.employerMatches);
    const accepts = filter === null ? null : (employer: string) => filter(employer === '' ? null : employer);
    // At schema v7 the employers of the open hires come from the indexes that lead with the employer, one seek each,
    // and the hires of those the filter accepts are read through the same indexes: at 3,000,000 hires (2,042,855 open)
    // `due --employer` otherwise asked the filter of every open hire (696 ms of CPU against 110 ms for the bare query of
    // its 4,001 hires, npm run bench). A ledger read without migrating asks it row by row, as before.
    const employers = accepts === null || !this.hasEmployerIndexes() ? null : this.openEmployers().filter(accepts);
    if (accepts !== null && employers === null)
      this.db.function('sscard_employer', { deterministic: true }, (employer) => (accepts(employer as string) ? 1 : 0));
    // No employer accepted: no hire (SQLite finds no plan for an index named with an empty IN list).
    const ofEmployers =
      accepts === null
        ? ''
        : employers === null
          ? ' AND sscard_employer(h.employer)'
          : employers.length === 0
            ? ' AND 0'
            : ` AND h.employer IN (${employers.map(sqlText).join(', ')})`;
    const via = (kind: 'registration' | 'separation') =>
      employers === null || employers.length === 0 ? this.viaIndex(OPEN_HIRES[kind].index) : `INDEXED BY ${OPEN_HIRES[kind].byEmployer}`;
    const cached = (column: string) => (later === null ? '' : ` AND ${notLater(later, column)}`) + (column !== 'h.person_id' ? '' : ofEmployers);
    const params = later === null ? [] : later.params;
    const s = this.s;
    // Rows as arrays (the driver's raw mode): a third cheaper than named rows, for the hundreds of thousands of open hires.
    // The query's text is made when first read: choosing the index counts the open hires, which a windowed read never needs.
    // The sort key is a function of one argument per kind, each start day's answer kept in a Map: SQLite calls it
    // per row, and the driver makes a JavaScript value of every argument (issue 31: the earlier two-argument sscard_deadline('registration',
    // day) cost 1,900 instructions a row of due --json at 100,000 hires, callgrind; see also `hire` below).
    const known = { registration: new Map<IsoDate, string>(), separation: new Map<IsoDate, string>() };
    const deadlineAt = (kind: 'registration' | 'separation', start: IsoDate): string => {
      let deadline = known[kind].get(start);
      if (deadline === undefined) known[kind].set(start, (deadline = deadlineOf(kind, start)));
      return deadline;
    };
    for (const kind of ['registration', 'separation'] as const)
      this.db.function(`sscard_${kind}_deadline`, { deterministic: true }, (start) => deadlineAt(kind, start as IsoDate));
    // Rows read as few columns as the items need: the driver sets each column of a row into its array one by one (about
    // 500 instructions a column). The deadline is sorted by, not read (looked up again from the start day); an open
    // registration's kind and registration date are known from its WHERE clause.
    const hires = (kind: 'registration' | 'separation', sql: () => string) => () =>
      paged(
        (function* (): Generator<DatedHire> {
          // Each row one json_array() text, as everyone() reads its rows (the driver's per-column cost).
          const rows = s
            .sql(sql())
            .pluck()
            .iterate(...params) as Iterable<string>;
          for (const text of rows) {
            const row = JSON.parse(text) as [string, string | null, ...unknown[]];
            const hire = kind === 'registration' ? openRegistrationAt(row, 2) : hireAt(row, 2);
            yield { deadline: deadlineAt(kind, kind === 'registration' ? hire.hiredOn : hire.leftOn!), person: { id: row[0], name: row[1] }, hire };
          }
        })(),
      );
    // In AgendaOrder: deadline, holder, hire date, employer.
    const registrations = hires(
      'registration',
      () => `SELECT json_array(h.person_id, p.name, ${OPEN_REGISTRATION_VALUES})
        FROM hire h ${via('registration')} JOIN person p ON p.id = h.person_id
        WHERE ${OPEN_ITEMS_SQL.registration}${cached('h.person_id')} ORDER BY sscard_registration_deadline(h.hired_on), h.person_id, h.hired_on, h.employer, h.id`,
    );
    const separations = hires(
      'separation',
      () => `SELECT json_array(h.person_id, p.name, ${HIRE_VALUES})
        FROM hire h ${via('separation')} JOIN person p ON p.id = h.person_id
        WHERE ${OPEN_ITEMS_SQL.separation}${cached('h.person_id')} ORDER BY sscard_separation_deadline(h.left_on), h.person_id, h.hired_on, h.employer, h.id`,
    );
    // Cards that may wait for their policy's function or be due for renewal
    // (OPEN_ITEMS.card); the core decides which are open (agenda.ts).
    // The query's text is made when first read: it names the renewing policies, which an agenda of hires alone never needs.
    const cards = () =>
      paged(
        (function* () {
          for (const row of s
            .sql(
              `SELECT c.*, p.name FROM card c JOIN person p ON p.id = c.person_id
                WHERE ${OPEN_ITEMS_SQL.card(order.renewingPolicies())}${cached('c.person_id')} ORDER BY c.received_on, c.number`,
            )
            .iterate(...params) as Iterable<CardRow & { name: string | null }>)
            yield { person: { id: row.person_id, name: row.name }, card: toCard(row) };
        })(),
      );
    const open = (kind: 'registration' | 'separation', all: () => AsyncIterable<DatedHire[]>) =>
      wholeAgenda ? all : () => paged(this.hiresByDeadline(kind, deadlineOf, window, later), WINDOW_CHUNK);
    const merged = (kind: 'registration' | 'separation', all: () => AsyncIterable<DatedHire[]>) =>
      reiterable(() => (replayed === null ? open(kind, all)() : mergedByKey(open(kind, all)(), windowed(replayed.hires(kind), window), byAgendaKey)));
    return {
      registrations: merged('registration', registrations),
      separations: merged('separation', separations),
      cards: reiterable(() => (replayed === null ? cards() : mergedByKey(cards(), replayed.cards(), () => 0))),
    };
  }

  /**
   * The employers of the open registrations and separations (schema v7), by a loose index scan: each next name is one
   * seek in the index that leads with the employer, so a ledger of 500 employers costs 500 seeks, not a pass over its
   * two million open hires.
   */
  private openEmployers(): string[] {
    const names = new Set<string>();
    for (const { index, byEmployer } of Object.values(OPEN_HIRES)) {
      const next = `SELECT min(employer) FROM hire INDEXED BY ${byEmployer} WHERE ${index}`;
      const sql = `WITH RECURSIVE e(name) AS (SELECT (${next}) UNION ALL SELECT (${next} AND employer > e.name) FROM e WHERE e.name IS NOT NULL)
        SELECT name FROM e WHERE name IS NOT NULL`;
      for (const name of this.s.sql(sql).pluck().all() as string[]) names.add(name);
    }
    return [...names];
  }

  /**
   * Open hires of one kind in AgendaOrder, one deadline's hires at a time (as
   * the PostgreSQL engine reads them), for a reader that stops after a page:
   * the start days come one index seek each, are grouped by their deadline
   * (the core's rule), and only the deadlines read are queried. A whole agenda
   * reads faster through the single sorted query above.
   */
  private *hiresByDeadline(
    kind: 'registration' | 'separation',
    deadlineOf: (kind: 'registration' | 'separation', start: IsoDate) => string,
    window: AgendaWindow,
    past: LaterFacts | null,
  ): Generator<DatedHire> {
    const { index, start, byEmployer } = OPEN_HIRES[kind];
    const from = window.from ?? '';
    // A window reads a few hundred rows: whether each holder has facts after the day is asked row by row.
    const laterFact = this.s.sql('SELECT 1 FROM event WHERE person_id = ? AND concerns_on > ? LIMIT 1').pluck();
    const later = (id: string) => past !== null && laterFact.get(id, past.asOf) !== undefined;
    const employerMatches = window.employerMatches ?? (() => true);
    if (window.employer !== undefined) {
      // One employer's open hires, from the index that leads with the employer (schema v7), then sorted in deadline
      // order, as due reads them. A ledger read without migrating has not got it: one pass over the open hires'
      // index, or the table when many are open.
      const via = this.hasEmployerIndexes() ? `INDEXED BY ${byEmployer}` : this.viaIndex(index);
      const sql = `SELECT sscard_${kind}_deadline(${start}), h.person_id, p.name, ${HIRE_VALUES}
        FROM hire h ${via} JOIN person p ON p.id = h.person_id
        WHERE ${OPEN_ITEMS_SQL[kind]} AND h.employer = ?${past === null ? '' : ` AND ${notLater(past, 'h.person_id')}`} ORDER BY 1, h.person_id, h.hired_on, h.employer, h.id`;
      for (const [deadline, id, name, ...hire] of this.s
        .sql(sql)
        .raw(true)
        .iterate(window.employer, ...(past === null ? [] : past.params)) as Iterable<[string, string, string | null, ...HireValues]>)
        if (deadline >= from && employerMatches(hireOf(hire).employer)) yield { deadline, person: { id, name }, hire: hireOf(hire) };
      return;
    }
    const next = this.s.sql(`SELECT min(${start}) FROM hire WHERE ${index} AND ${start} > ?`).pluck();
    const byDeadline = new Map<string, IsoDate[]>();
    for (let day = next.get('') as IsoDate | null; day !== null; day = next.get(day) as IsoDate | null) {
      const deadline = deadlineOf(kind, day);
      if (deadline >= from) (byDeadline.get(deadline) ?? byDeadline.set(deadline, []).get(deadline)!).push(day);
    }
    // A deadline's hires in chunks, each the next in AgendaOrder after the last read (keyset): the
    // chunk is sorted before the names are joined, so a first page reads a few hundred hires, not
    // all of a busy day's (1,000,000 hires, 2,381 on one deadline: 20-60 ms against 100-690 ms).
    const chunk = this.s.sql(
      `SELECT x.person_id, p.name, ${HIRE_VALUES.replaceAll('h.', 'x.')}, x.id
        FROM (SELECT h.* FROM hire h WHERE ${index} AND ${OPEN_ITEMS_SQL[kind]} AND h.${start} IN (SELECT value FROM json_each(?))
                AND (h.person_id, h.hired_on, h.employer, h.id) > (?, ?, ?, ?)
              ORDER BY h.person_id, h.hired_on, h.employer, h.id LIMIT ${WINDOW_CHUNK}) x
        JOIN person p ON p.id = x.person_id ORDER BY x.person_id, x.hired_on, x.employer, x.id`,
    );
    for (const deadline of [...byDeadline.keys()].sort()) {
      const days = JSON.stringify(byDeadline.get(deadline));
      for (let after: unknown[] = ['', '', '', 0]; ; ) {
        const rows = chunk.raw(true).all(days, ...after) as [string, string | null, ...HireValues, number][];
        for (const [id, name, ...rest] of rows) {
          const hire = rest.slice(0, -1) as unknown as HireValues;
          if (!later(id) && employerMatches(hireOf(hire).employer)) yield { deadline, person: { id, name }, hire: hireOf(hire) };
        }
        if (rows.length < WINDOW_CHUNK) break;
        const last = rows[rows.length - 1]!;
        // Stored as the table holds them: no employer is '' there (hireOf reads it as null).
        after = [last[0], last[4], last[3], last[last.length - 1]];
      }
    }
  }

  async openHireGroups(viewOn: IsoDate | null): Promise<OpenHireGroup[]> {
    const counts = new Map<string, OpenHireGroup>();
    const add = (kind: OpenHireGroup['kind'], employer: string | null, start: IsoDate, count: number) => {
      const key = `${kind}|${employer ?? ''}|${start}`;
      const n = (counts.get(key)?.count ?? 0) + count;
      counts.set(key, { kind, employer, start, count: n });
    };
    for (const kind of ['registration', 'separation'] as const) {
      const { index, start } = OPEN_HIRES[kind];
      const sql = `SELECT h.employer, h.${start}, count(*) FROM hire h ${this.viaIndex(index)} WHERE ${index} AND ${OPEN_ITEMS_SQL[kind]} GROUP BY h.employer, h.${start}`;
      for (const [employer, day, count] of this.s.sql(sql).raw(true).iterate() as Iterable<[string, IsoDate, number]>)
        add(kind, employer === '' ? null : employer, day, count);
    }
    // People with facts dated after `viewOn` looked different that day: their cached hires out, their replayed ones in.
    for (const id of peopleWithFactsAfter(this.s, viewOn)) {
      const open = (states: PersonState[], sign: 1 | -1) => {
        const { registrations, separations } = agendaOfReplayed(states);
        for (const { hire } of registrations) add('registration', hire.employer, hire.hiredOn, sign);
        for (const { hire } of separations) add('separation', hire.employer, hire.leftOn!, sign);
      };
      open([cachedState(this.s, id) ?? emptyPerson(id)], -1);
      open([replay(id, personEvents(this.s, id), viewOn).state], 1);
    }
    return [...counts.values()].filter((g) => g.count > 0);
  }

  async findPeople(text: string, limit: number, after = ''): Promise<Person[]> {
    const query = personQuery(text);
    const match = 'idEnd' in query ? "id LIKE '%' || ?" : 'instr(lower(name), ?) > 0';
    return this.s
      .sql(`SELECT id, name FROM person WHERE id > ? AND ${match} ORDER BY id LIMIT ?`)
      .all(after, 'idEnd' in query ? query.idEnd : query.name, limit) as Person[];
  }

  async lastSeq(): Promise<number> {
    return (this.s.sql('SELECT max(seq) FROM event').pluck().get() as number | null) ?? 0;
  }

  /**
   * The cache is the replay of everyone's events (kept so by `record`), so it
   * is read as three streams in ID order, joined here (people with their
   * hires, cards, e-cards); only people with facts dated after `viewOn` are
   * replayed, to show them as they stood that day, and people who applied
   * for a card (card apply): an application no card completed (制卡中,
   * 制卡失败) is not among the cached tables, and export and people show it.
   */
  async *everyone(viewOn: IsoDate | null): AsyncIterable<readonly PersonState[]> {
    this.streamed();
    // People with facts dated after `viewOn` looked different that day: their events, read beside the people
    // in ID order (a merge, not a query per person nor a list of them held: issue 31), replayed as of that day.
    const past = laterFacts(this.s, viewOn);
    const replayedPeople = past === null ? null : withEarlierFacts(this.s, past);
    const laterRows = replayedPeople === null ? null : laterEvents(this.s, replayedPeople);
    const later = laterRows === null ? null : ahead(laterRows);
    // The others with later facts: only their record stood that day (withEarlierFacts), under the name the
    // ledger holds (no rename of theirs is recorded, on any day): a person with no hire, card nor e-card.
    const recordOnlyRows =
      past === null || replayedPeople === null || replayedPeople.list === past.list
        ? null
        : (this.s.sql(`SELECT person_id FROM ${past.list} ORDER BY person_id`).pluck().iterate() as IterableIterator<string>);
    const recordOnly = recordOnlyRows === null ? null : ahead(recordOnlyRows);
    const onlyRecorded = (id: string): boolean => {
      while (recordOnly !== null && recordOnly.next !== null && recordOnly.next < id) recordOnly.take();
      return recordOnly?.next === id;
    };
    // NOT INDEXED: in event_person's order SQLite looked up every event's row for its kind (0.2 s CPU of 260,000
    // events, issue 31); one pass over the table and a sort of the few applicants is a fifth of that.
    const applicantRows = this.s
      .sql("SELECT DISTINCT person_id FROM event NOT INDEXED WHERE kind = 'card.applied' ORDER BY person_id")
      .pluck()
      .iterate() as IterableIterator<string>;
    const applicants = ahead(applicantRows);
    const applied = (id: string): boolean => {
      while (applicants.next !== null && applicants.next < id) applicants.take();
      return applicants.next === id;
    };
    const s = this.s;
    // Each row as one JSON array made by SQLite and parsed by JSON.parse: the driver sets each column of a row
    // into its array through the V8 API one by one, and for these nine columns that cost more than the join
    // itself (issue 31, 1,000,000 people on this machine, CPU of the query alone: 5.0-5.1 s as nine columns,
    // 3.6-4.1 s as one JSON text, 1.5-1.8 s reading one column). JSON gives back the same texts, numbers and nulls.
    // A hire's kind is never NULL (schema): NULL says the person has none, without a column of its own to read.
    const people = this.s
      .sql(`SELECT json_array(p.id, p.name, ${HIRE_VALUES}) FROM person p LEFT JOIN hire h ON h.person_id = p.id ORDER BY p.id, h.id`)
      .pluck()
      .iterate() as Iterable<string>;
    const cards = ahead(this.s.sql('SELECT * FROM card ORDER BY person_id, seq').iterate() as Iterator<CardRow>);
    const ecards = ahead(this.s.sql('SELECT person_id, channel, claimed_on FROM ecard ORDER BY person_id').iterate() as Iterator<EcardRow>);
    const statesOf = function* (this: SqliteStore): Generator<PersonState> {
      let state = null as { id: string; exists: true; name: string | null; hires: Hire[]; cards: Card[]; ecard: EcardClaim | null } | null;
      for (const text of people) {
        const row = JSON.parse(text) as [string, string | null, ...HireValues] | [string, string | null, null];
        const [id, name, kind] = row;
        if (state?.id !== id) {
          if (state !== null) yield state;
          state = { id, exists: true, name, hires: [], cards: [], ecard: null };
          while (cards.next !== null && cards.next.person_id <= id) {
            const row = cards.take();
            if (row.person_id === id) state.cards.push(toCard(row));
          }
          while (ecards.next !== null && ecards.next.person_id <= id) {
            const row = ecards.take();
            if (row.person_id === id) state.ecard = { channel: row.channel, claimedOn: row.claimed_on as IsoDate };
          }
        }
        if (kind !== null) state.hires.push(hireAt(row, 2));
      }
      if (state !== null) yield state;
    }.call(this);
    yield* paged(
      (function* () {
        try {
          for (const state of statesOf) {
            while (later !== null && later.next !== null && later.next[0] < state.id) later.take();
            if (later !== null && later.next?.[0] === state.id) {
              const replayed = replay(state.id, personEventsOf(state.id, later.take()[1]), viewOn).state;
              if (replayed.exists) yield replayed;
            } else if (onlyRecorded(state.id)) {
              yield { ...emptyPerson(state.id), exists: true, name: state.name };
            } else if (applied(state.id)) {
              const replayed = replay(state.id, personEvents(s, state.id), viewOn).state;
              if (replayed.exists) yield replayed;
            } else yield state;
          }
        } finally {
          // Read to its end or not (the last applicants, a reader gone): the statements are released for the next read.
          applicantRows.return?.();
          laterRows?.return?.();
          recordOnlyRows?.return?.();
        }
      })(),
    );
  }

  async *allEvents(): AsyncIterable<LedgerEvent> {
    for (const row of this.s.sql(`SELECT ${EVENT_COLUMNS} FROM event ORDER BY seq`).iterate() as Iterable<EventRow>) yield toEvent(row);
  }

  async *storedEvents(): AsyncIterable<readonly StoredEvent[]> {
    // Rows as arrays (the driver's raw mode), in pages: one wait per thousand events, not per event (issue 31).
    const rows = this.s.sql(`SELECT ${EVENT_COLUMNS} FROM event ORDER BY seq`).raw(true).iterate() as Iterable<
      [number, string, EventKind, string | null, string, string, string]
    >;
    let page: StoredEvent[] = [];
    for (const [seq, personId, kind, on, recordedAt, source, data] of rows) {
      page.push(storedEvent(seq, personId, kind, on, recordedAt, source, data));
      if (page.length === 1000) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  async check(): Promise<LedgerCheck> {
    const findings = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = this.db.pragma('foreign_key_check') as unknown[];
    const rows: Record<string, number> = {};
    for (const table of ['person', 'hire', 'card', 'ecard', 'event']) {
      rows[table] = this.s.sql(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    }
    const problems = [...findings.filter((f) => f !== 'ok'), ...(foreignKeys.length ? [`${foreignKeys.length} rows violate foreign keys`] : [])];
    const cacheDifferences = problems.length === 0 ? cacheAgainstReplay(this.s) : [];
    return {
      ok: problems.length === 0 && cacheDifferences.length === 0,
      problems,
      cacheDifferences,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      rows,
    };
  }

  async consistentRead<T>(read: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return read();
    // A deferred transaction's snapshot starts at its first read: taken here, before `read` runs.
    this.db.prepare('BEGIN').run();
    try {
      this.s.sql('SELECT count(*) FROM event').pluck().get();
      return await read();
    } finally {
      if (this.db.inTransaction) this.db.prepare('COMMIT').run();
    }
  }

  async backupTo(file: string): Promise<void> {
    // Loaded when a backup is made: start-up of every other command does not pay for it.
    const { backupLedger } = await import('./backup.js');
    backupLedger(this.db, file);
  }

  async loadEvents(events: AsyncIterable<LedgerEvent>): Promise<number> {
    const person = this.s.sql('INSERT OR IGNORE INTO person (id, name) VALUES (?, NULL)');
    const insert = this.s.sql('INSERT INTO event (seq, person_id, kind, concerns_on, recorded_at, source, v, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    return this.write(async () => {
      if (this.s.sql('SELECT count(*) FROM event').pluck().get() !== 0) throw new Error('loadEvents: the ledger already holds events');
      let n = 0;
      for await (const e of events) {
        person.run(e.personId);
        insert.run(e.seq, e.personId, e.body.kind, e.on, e.recordedAt, e.source, EVENT_VERSION, payload(e.body));
        n++;
      }
      rebuildCache(this.db);
      return n;
    });
  }

  async write<T>(work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock up front, so concurrent writers queue on
    // the busy timeout instead of failing on a read-to-write upgrade.
    this.db.prepare('BEGIN IMMEDIATE').run();
    try {
      const tx = new Transaction(this.s, this.now);
      const result = await work(tx);
      this.s.pending.write();
      this.db.prepare('COMMIT').run();
      if (tx.erased) scrubFile(this.db);
      return result;
    } catch (error) {
      this.s.pending.drop();
      if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
