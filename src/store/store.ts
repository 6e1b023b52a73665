// What the commands need from a ledger, whatever the engine: SQLite
// (src/store/sqlite/) for a local file, PostgreSQL for a shared one. Events
// are the truth (SPEC 1.6); each engine also keeps the replayed state of every
// person as tables, written in the same transaction as the events, so that
// the agenda does not replay the whole ledger.
import type { AgendaOrder, AgendaSources } from '../core/agenda.js';
import type { IsoDate } from '../core/calendar-date.js';
import type { Card } from '../core/card.js';
import type { ContributionYear } from '../core/contributions.js';
import type { Employer } from '../core/employer.js';
import type { Fact, LedgerEvent, PersonState, StoredEvent } from '../core/events.js';

export type { StoredEvent } from '../core/events.js';
import type { OfficialSchedule } from '../core/official-schedule.js';
import type { Hire } from '../core/registration.js';

export interface Person {
  readonly id: string;
  readonly name: string | null;
}

export interface PersonHire {
  readonly person: Person;
  readonly hire: Hire;
}

export interface PersonCard {
  readonly person: Person;
  readonly card: Card;
}

/** Where the cached state and the replay of the events disagree. */
export interface CacheDifference {
  readonly personId: string;
  readonly table: 'person' | 'hire' | 'card' | 'ecard';
  /** The row as cached and as replayed (null: no such row), as JSON text. */
  readonly cached: string | null;
  readonly replayed: string | null;
}

export interface LedgerCheck {
  readonly ok: boolean;
  /** The engine's own consistency findings; empty when ok. */
  readonly problems: readonly string[];
  readonly cacheDifferences: readonly CacheDifference[];
  readonly schemaVersion: number;
  readonly rows: Readonly<Record<string, number>>;
}

/** Reads, on their own or inside a write transaction (through its handle). */
export interface LedgerReader {
  /** Everything recorded about one person, oldest first; empty when nobody is recorded under that number. */
  personEvents(personId: string): Promise<LedgerEvent[]>;
  /** Who the card with that number belongs to, or null when the ledger has no such card. */
  cardHolder(number: string): Promise<string | null>;
  /** The events with these numbers, whoever they are about. */
  eventsBySeq(seqs: readonly number[]): Promise<LedgerEvent[]>;
  /** The official holiday schedules loaded into this ledger, by year. */
  calendarYears(): Promise<LoadedCalendarYear[]>;
  /** The employers recorded (SPEC 1.10), by name. */
  employers(): Promise<Employer[]>;
  /** The contribution years loaded into this ledger (sscard rates load), by city and start. */
  contributionYears(): Promise<LoadedContributionYear[]>;
  /** Whether the number stands anywhere in the ledger, even only as someone's guardian (what purge can erase). */
  mentions(id: string): Promise<boolean>;
  /**
   * Whether copies of the number remain outside the ledger's rows: in a file's
   * unused pages or its WAL after an erasure whose rewrite did not finish
   * (issue 29 item 5). Engines that cannot tell leave it out.
   */
  staleCopies?(id: string): Promise<boolean>;
}

/** A year's official schedule, loaded with `sscard calendar load` (SPEC 1.2). */
export interface LoadedCalendarYear {
  readonly schedule: OfficialSchedule;
  readonly loadedOn: IsoDate;
  readonly file: string;
}

/** A city's contribution year, loaded with `sscard rates load` (SPEC 1.9): kept in the ledger so that a shared ledger shares it. */
export interface LoadedContributionYear {
  readonly year: ContributionYear;
  readonly loadedOn: IsoDate;
  readonly file: string;
}

/**
 * A part of the agenda for a reader that stops after its first pages (the web
 * view, SPEC 2.5): the engine then reads open hires one deadline at a time
 * rather than sorting every open hire before the first row.
 */
export interface AgendaWindow {
  /** Only this employer's hires (cards are not narrowed: they have no employer). */
  readonly employer?: string;
  /** Only hires whose deadline falls on or after this day (a later page). */
  readonly from?: IsoDate;
  /**
   * Only hires whose employer this accepts (`due --employer`, a name as a
   * clerk types it), of an employer's name (null: none recorded), in the
   * query, so that only those hires are sorted (issue 31); engines ask per
   * name rather than per row where they can. Cards are not narrowed.
   */
  readonly employerMatches?: (employer: string | null) => boolean;
}

/** How many open hires of one employer start on one day (hired, or left for a separation): the agenda's counts without its items. */
export interface OpenHireGroup {
  readonly kind: 'registration' | 'separation';
  readonly employer: string | null;
  readonly start: IsoDate;
  readonly count: number;
}

export interface Store extends LedgerReader {
  /**
   * The open deadlines' raw material as the ledger stood on `viewOn` (null:
   * everything recorded), as streams in the order `agendaStream` needs; each
   * may be iterated more than once (a new query each time). With a window,
   * read for a reader that stops early (see AgendaWindow).
   */
  agendaRows(viewOn: IsoDate | null, order: AgendaOrder, window?: AgendaWindow): Promise<AgendaSources>;
  /** The open hires as the ledger stood on `viewOn`, counted by kind, employer and start day (the core turns start days into deadlines). */
  openHireGroups(viewOn: IsoDate | null): Promise<OpenHireGroup[]>;
  /**
   * People whose name contains `text` (any case), or whose identity number
   * ends with it when it is digits (and a final X), in ID order after `after`,
   * at most `limit`: a page, never the whole ledger.
   */
  findPeople(text: string, limit: number, after?: string): Promise<Person[]>;
  /** The number of the last event recorded (0: none): it changes with every write, for a view that caches what it counted. */
  lastSeq(): Promise<number>;
  /** Every person as the ledger stood on `viewOn` (null: everything), ordered by ID, in pages (one wait per page, not per person). */
  everyone(viewOn: IsoDate | null): AsyncIterable<readonly PersonState[]>;
  /** Every event, in recording order. */
  allEvents(): AsyncIterable<LedgerEvent>;
  /** Every event, in recording order, as `export --format json` writes it: its payload as JSON text (rows.ts, storedEvent); in pages. */
  storedEvents(): AsyncIterable<readonly StoredEvent[]>;
  /** The engine's consistency check, cache = replay, the schema version and the rows per table. */
  check(): Promise<LedgerCheck>;
  /**
   * A consistent copy of the ledger at `file` while others may write; never
   * the ledger itself, never a partial file under that name. A SQLite ledger
   * file, whatever the engine.
   */
  backupTo(file: string): Promise<void>;
  /**
   * Runs `read` with every read of this ledger inside as of one moment (a
   * read transaction; PostgreSQL: REPEATABLE READ), e.g. a copy's events, its
   * calendar years and the counts it compares (issue 29 item 12).
   */
  consistentRead<T>(read: () => Promise<T>): Promise<T>;
  /**
   * Writes `events` as they were recorded (numbers, times, sources kept, so
   * that revocations still name the right events) into this ledger, which
   * must hold no events, and rebuilds the cached state, in one transaction
   * (`sscard copy`, a PostgreSQL backup). Returns how many were written.
   */
  loadEvents(events: AsyncIterable<LedgerEvent>): Promise<number>;
  /**
   * Runs `work` as one write transaction: all of it is saved, or none.
   * `bulk`: a large import, which a shared ledger runs holding the ledger's
   * write lock, so that clerks' commands wait for it instead of cancelling it
   * (SPEC 3.2 v3; README "A shared ledger").
   */
  write<T>(work: (tx: LedgerTransaction) => Promise<T>, options?: WriteOptions): Promise<T>;
  close(): Promise<void>;
}

export interface WriteOptions {
  readonly bulk?: boolean;
}

/** The state some facts lead to (core applyAll), and the state they were applied to. */
export interface PlannedState {
  readonly from: PersonState;
  readonly to: PersonState;
}

export interface LedgerTransaction extends LedgerReader {
  /**
   * Appends facts about one person, numbered and stamped with this run's
   * clock and `source`, and brings the cached state up to date, in this
   * transaction. Returns the events as recorded.
   * `planned`: the state the facts lead to, worked out by the caller from
   * `from`, the state personState gave it (an import's row, planRow); an
   * engine that still holds `from` may take `to` instead of applying the
   * facts again. Optional for both sides.
   */
  record(personId: string, facts: readonly Fact[], source: string, planned?: PlannedState): Promise<LedgerEvent[]>;
  /**
   * The person's state now: the replay of all their events, as after
   * personEvents, carried on past what this transaction recorded for them
   * since (an import of many rows for one person replays their history once,
   * not once per row).
   */
  personState(personId: string): Promise<PersonState>;
  /**
   * personState, cardHolder and record answered at once, for an engine whose
   * calls never wait (SQLite's driver is synchronous): a roster import runs
   * each row without a promise per call (issue 31: three awaits a row, and
   * their promises, were about a tenth of an import's allocation). Engines
   * that wait for a server leave it out, and are awaited.
   */
  readonly immediate?: ImmediateTransaction;
  /**
   * A hint: reads about these people and card numbers follow. An engine with
   * a round trip per read (PostgreSQL) loads them at once; optional.
   */
  prefetch?(personIds: readonly string[], cardNumbers: readonly string[]): Promise<void>;
  /** Stores a year's official schedule, replacing one loaded before for that year. */
  saveCalendarYear(year: LoadedCalendarYear): Promise<void>;
  /** Records an employer, or replaces its record (by name). */
  saveEmployer(employer: Employer): Promise<void>;
  /** Stores a city's contribution year, replacing one loaded before for that city and year. */
  saveContributionYear(year: LoadedContributionYear): Promise<void>;
  /**
   * Deletes the person and every record and event about them, and their number
   * wherever else it stands (a guardian); once the transaction commits, the
   * number is nowhere in the file nor its WAL (PIPL right to deletion, SPEC 3.1).
   * Returns how many of their events went.
   */
  erasePerson(personId: string): Promise<number>;
}

/** LedgerTransaction's calls an import makes per row, answered at once (LedgerTransaction.immediate). */
export interface ImmediateTransaction {
  personState(personId: string): PersonState;
  cardHolder(number: string): string | null;
  /** As LedgerTransaction.record, without building the recorded events for a caller that does not read them. */
  record(personId: string, facts: readonly Fact[], source: string, planned?: PlannedState): void;
}
