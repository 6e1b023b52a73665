// The shared ledger's queries (node-postgres). The same tables and the same
// meaning as the SQLite engine (src/store/sqlite/ledger.ts); what differs is
// concurrency and round trips:
// - each write is one SERIALIZABLE transaction, run again from the start on a
//   serialization failure, a deadlock or a unique violation (SPEC 3.2), so
//   two officers cannot both pass a rule only one of them should;
// - a write transaction buffers its events and the cached state of the
//   people it touched, and sends them in multi-row statements (unnest of
//   arrays) when the buffer fills, before a read that needs them, and at
//   commit: an import of N rows costs its reads plus N/BATCH writes, not N.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';
import type { AgendaOrder, AgendaSources } from '../../core/agenda.js';
import type { IsoDate } from '../../core/calendar-date.js';
import type { EcardChannel } from '../../core/ecard.js';
import { refused } from '../../core/errors.js';
import { EVENT_VERSION, emptyPerson, type Fact, type LedgerEvent, type PersonState, replay, replayOnto } from '../../core/events.js';
import type { PostgresLocation } from '../location.js';
import {
  byAgendaKey,
  agendaOfReplayed,
  windowed,
  personQuery,
  type DatedHire,
  deadlinesOf,
  CARD_COLUMNS,
  type CardRow,
  cardParams,
  differences,
  EVENT_COLUMNS,
  type EventRow,
  HIRE_COLUMNS,
  type HireRow,
  hireParams,
  mergedByKey,
  OPEN_ITEMS_SQL,
  factPayload,
  plannedAfter,
  payload,
  reiterable,
  toCard,
  storedEvent,
  toEvent,
  toHire,
} from '../rows.js';
import { openSqliteStore } from '../sqlite/file.js';
import { scrubText, spellingNeedles } from '../sqlite/purge.js';
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
  PlannedState,
  Store,
  WriteOptions,
  StoredEvent,
} from '../store.js';
import { failure, type Phase, RETRYABLE, Silent, sqlState } from './failure.js';
import { ReplayedAgenda } from '../replayed-agenda.js';
import { SCHEMA_VERSION } from './schema.js';

/** Events (and people) per multi-row statement, and rows per page when reading the whole ledger. */
const BATCH = 5000;
/** Events an import holds unsent at most (it sends them at each prefetch, a chunk of rows at a time): bounded memory for rows of many events. */
const HELD = 4 * BATCH;
/** Records between two yields to the event loop (record()): the server's answers are read that often. */
const TURN = 25;
/** People per page in `check`. */
const CHECK_PAGE = 2000;
/** Attempts of one write transaction before its conflict is reported. */
export const MAX_ATTEMPTS = 8;

// biome-ignore lint/suspicious/noExplicitAny: rows are typed by each caller's R; pg's own default is any.
export type Query = <R = any>(text: string, params?: readonly unknown[]) => Promise<R[]>;

/**
 * `COPY ... FROM STDIN` of rows already in COPY's text format (pg-store.ts),
 * queued on the connection before it returns: PostgreSQL's bulk load, which
 * parses no JSON nor parameters.
 */
export type CopyIn = (sql: string, text: string) => Promise<void>;

/** The append-only trigger's refusal (schema.ts): an UPDATE or DELETE of events by someone other than the owner's purge. */
const isAppendOnly = (error: unknown) => sqlState(error) === 'P0001' && /append-only/.test(String((error as Error).message));

/** Ends a connection, without waiting on a server that no longer answers. */
export async function end(client: Client): Promise<void> {
  await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential backoff with full jitter, so that writers who collided do not collide again in step: 10 ms, 20 ms ... 1.3 s at most. */
const backoff = (attempt: number) => Math.random() * 10 * 2 ** Math.min(attempt, 7);

async function personEvents(q: Query, personId: string): Promise<LedgerEvent[]> {
  return (await q<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event WHERE person_id = $1 ORDER BY seq`, [personId])).map(toEvent);
}

/**
 * Rows as one JSON array, for INSERT ... SELECT FROM json_populate_recordset:
 * one statement for any number of rows, typed by the table itself. One
 * JSON.stringify instead of a driver-escaped array per column (issue 31: the
 * arrays' escaping was the import's largest cost in the client after GC).
 */
async function insertRows(q: Query, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const list = columns.join(', ');
  await q(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows)]);
}

/** Writes the cached tables of these people from their replayed state (as saveState does in SQLite, for many at once). */
async function saveStates(q: Query, states: readonly PersonState[]): Promise<void> {
  await Promise.all(sendStates(q, null, states, new Set()));
}

const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format (PostgreSQL manual, COPY, "Text Format"): \N for NULL; backslash, tab and line ends escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : text;
}

/** Rows into a table by COPY, the statement queued before this returns. */
function copyRows(copyIn: CopyIn, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const lines: string[] = [];
  for (const row of rows) lines.push(columns.map((c) => copyValue(row[c])).join('\t'));
  lines.push('');
  return copyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, lines.join('\n'));
}

/**
 * Sends the statements that write these people's cached tables, each queued
 * on the connection before this returns (so that they run in this order, and
 * before anything sent later); their results are the promises. `fresh`:
 * people who had no events before, so no cached rows to delete (an import of
 * new people: most of its rows). With `copyIn`, rows that only add go by COPY.
 */
function sendStates(q: Query, copyIn: CopyIn | null, states: readonly PersonState[], fresh: ReadonlySet<string>): Promise<unknown>[] {
  const sent: Promise<unknown>[] = [];
  const add = (table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]) => {
    if (rows.length > 0) sent.push(copyIn ? copyRows(copyIn, table, columns, rows) : insertRows(q, table, columns, rows));
  };
  const known = states.filter((s) => !fresh.has(s.id));
  // The person row is the parent of the others (foreign keys): first. A new person's is only added.
  add(
    'person',
    ['id', 'name'],
    states.flatMap((s) => (fresh.has(s.id) ? [{ id: s.id, name: s.name }] : [])),
  );
  if (known.length > 0) {
    const ids = known.map((s) => s.id);
    sent.push(
      q(
        'INSERT INTO person (id, name) SELECT id, name FROM json_populate_recordset(NULL::person, $1::json) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
        [JSON.stringify(known.map((s) => ({ id: s.id, name: s.name })))],
      ),
    );
    sent.push(q('DELETE FROM hire WHERE person_id = ANY($1::text[])', [ids]));
    sent.push(q('DELETE FROM card WHERE person_id = ANY($1::text[])', [ids]));
    sent.push(q('DELETE FROM ecard WHERE person_id = ANY($1::text[])', [ids]));
  }
  add(
    'hire',
    HIRE_COLUMNS,
    states.flatMap((s) => s.hires.map((h) => hireParams(s.id, h))),
  );
  add(
    'card',
    CARD_COLUMNS,
    states.flatMap((s) => s.cards.map((c, i) => cardParams(c, i + 1))),
  );
  add(
    'ecard',
    ['person_id', 'channel', 'claimed_on'],
    states.flatMap((s) => (s.ecard ? [{ person_id: s.id, channel: s.ecard.channel, claimed_on: s.ecard.claimedOn }] : [])),
  );
  return sent;
}

const EVENT_INSERT_COLUMNS = ['seq', 'person_id', 'kind', 'concerns_on', 'recorded_at', 'source', 'v', 'data'] as const;

async function insertEvents(q: Query, events: readonly LedgerEvent[]): Promise<void> {
  const rows = events.map((e) => ({
    seq: e.seq,
    person_id: e.personId,
    kind: e.body.kind,
    concerns_on: e.on,
    recorded_at: e.recordedAt,
    source: e.source,
    v: EVENT_VERSION,
    data: payload(e.body),
  }));
  await insertRows(q, 'event', EVENT_INSERT_COLUMNS, rows);
}

/**
 * Events this transaction recorded (facts the core made), by COPY, the
 * statement queued before this returns. Their payloads as SQLite's record
 * writes them (factPayload: the same bytes as payload()). The kind (one of
 * the core's names), the day (an IsoDate or null) and the clock (an ISO
 * instant) hold nothing COPY escapes; the texts are escaped.
 */
function copyEvents(copyIn: CopyIn, events: readonly LedgerEvent[]): Promise<void> {
  const lines: string[] = [];
  for (const e of events)
    lines.push(
      `${e.seq}\t${copyValue(e.personId)}\t${e.body.kind}\t${e.on ?? '\\N'}\t${e.recordedAt}\t${copyValue(e.source)}\t${EVENT_VERSION}\t${copyValue(factPayload(e.body))}`,
    );
  lines.push('');
  return copyIn(`COPY event (${EVENT_INSERT_COLUMNS.join(', ')}) FROM STDIN`, lines.join('\n'));
}

interface TextColumn {
  table: string;
  column: string;
  nullable: boolean;
}

/** Every text column of the ledger's tables (purge looks for a number in all of them, as in SQLite). */
async function textColumns(q: Query): Promise<TextColumn[]> {
  const rows = await q<{ table_name: string; column_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type = 'text' AND table_name <> 'meta' ORDER BY table_name, ordinal_position`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name, nullable: r.is_nullable === 'YES' }));
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows by their person, each person's in the order given (Map.groupBy is Node 21+). */
function byPerson<R extends { person_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const list = map.get(row.person_id);
    if (list) list.push(row);
    else map.set(row.person_id, [row]);
  }
  return map;
}

/** Every event ordered by person then number, a page at a time (keyset pagination on the event_person index). */
async function* eventsByPerson(q: Query): AsyncIterable<LedgerEvent> {
  let after: [string, number] = ['', 0];
  for (;;) {
    const rows = await q<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event WHERE (person_id, seq) > ($1, $2) ORDER BY person_id, seq LIMIT ${BATCH}`, after);
    for (const row of rows) yield toEvent(row);
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = [last.person_id, Number(last.seq)];
  }
}

/** Each person's events, replayed as of `viewOn`, in the order of their numbers. */
async function* statesOf(events: AsyncIterable<LedgerEvent>, viewOn: IsoDate | null): AsyncIterable<PersonState> {
  let current: string | null = null;
  let list: LedgerEvent[] = [];
  for await (const event of events) {
    if (event.personId !== current) {
      if (current !== null) yield replay(current, list, viewOn).state;
      current = event.personId;
      list = [];
    }
    list.push(event);
  }
  if (current !== null) yield replay(current, list, viewOn).state;
}

/** Names of the cursors of this process, one per reading: two readings in one transaction must not share one. */
let cursors = 0;

/**
 * The events of everyone with facts dated after `viewOn`, by person then
 * number, through one cursor a page at a time: the server finds those people
 * once, and the client holds one page. Inside a transaction (a cursor lives
 * in one).
 */
async function* laterEvents(q: Query, viewOn: IsoDate): AsyncIterable<LedgerEvent> {
  const cursor = `sscard_later_${++cursors}`;
  await q(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${EVENT_COLUMNS} FROM event
      WHERE person_id IN (SELECT person_id FROM event WHERE concerns_on > $1) ORDER BY person_id, seq`,
    [viewOn],
  );
  try {
    for (;;) {
      const rows = await q<EventRow>(`FETCH ${BATCH} FROM ${cursor}`);
      for (const row of rows) yield toEvent(row);
      if (rows.length < BATCH) return;
    }
  } finally {
    await q(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

/** Leaves out the people with facts dated after the day in parameter `n` (they are replayed instead). */
const notLaterSql = (column: string, n: number) => `NOT EXISTS (SELECT 1 FROM event e WHERE e.person_id = ${column} AND e.concerns_on > $${n})`;

class Reader implements LedgerReader {
  constructor(protected q: Query) {}

  async personEvents(personId: string): Promise<LedgerEvent[]> {
    return personEvents(this.q, personId);
  }

  async cardHolder(number: string): Promise<string | null> {
    const [row] = await this.q<{ person_id: string }>('SELECT person_id FROM card WHERE number = $1', [number]);
    return row?.person_id ?? null;
  }

  async eventsBySeq(seqs: readonly number[]): Promise<LedgerEvent[]> {
    if (seqs.length === 0) return [];
    const rows = (await this.q<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event WHERE seq = ANY($1::bigint[])`, [seqs])).map(toEvent);
    return seqs.flatMap((seq) => rows.filter((e) => e.seq === seq));
  }

  async mentions(id: string): Promise<boolean> {
    const columns = await textColumns(this.q);
    // Every spelling (issue 29 item 13): the first 17 characters (either case of x) and the 15-digit form.
    const tests = columns.map(
      (c) => `EXISTS (SELECT 1 FROM ${quoted(c.table)} WHERE strpos(${quoted(c.column)}, $1) > 0 OR strpos(${quoted(c.column)}, $2) > 0)`,
    );
    const [row] = await this.q<{ found: boolean }>(`SELECT ${tests.join(' OR ')} AS found`, spellingNeedles(id));
    return Boolean(row?.found);
  }

  async calendarYears(): Promise<LoadedCalendarYear[]> {
    const rows = await this.q<{ loaded_on: string; file: string; schedule: string }>('SELECT loaded_on, file, schedule FROM calendar_year ORDER BY year');
    return rows.map((r) => ({ schedule: JSON.parse(r.schedule), loadedOn: r.loaded_on as IsoDate, file: r.file }));
  }

  async employers(): Promise<Employer[]> {
    return this.q<Employer>('SELECT name, uscc, city FROM employer ORDER BY name');
  }

  async contributionYears(): Promise<LoadedContributionYear[]> {
    const rows = await this.q<{ loaded_on: string; file: string; entry: string }>('SELECT loaded_on, file, entry FROM contribution_year ORDER BY city, year');
    return rows.map((r) => ({ year: JSON.parse(r.entry), loadedOn: r.loaded_on as IsoDate, file: r.file }));
  }
}

class Transaction extends Reader implements LedgerTransaction {
  /** Every event of each person recorded in this transaction and not yet sent, with the ones already stored. */
  private touched = new Map<string, LedgerEvent[]>();
  private states = new Map<string, PersonState>();
  /** The people in `states` who had no events before this transaction's unsent ones: nothing of theirs to delete at flush. */
  private fresh = new Set<string>();
  /** Card number -> holder, for the cards of the people in `states`. */
  private cards = new Map<string, string>();
  /** Events and card holders read ahead (prefetch) or already sent in this transaction: what the database holds now. */
  private readonly known = new Map<string, LedgerEvent[]>();
  private readonly knownCards = new Map<string, string | null>();
  private pending: LedgerEvent[] = [];
  /** Events held unsent before record() sends them: BATCH, or HELD once an import sends each chunk's rows at the next prefetch. */
  private holdUpTo = BATCH;
  /** Records since the client last yielded to the event loop (record()). */
  private sinceTurn = 0;
  /** Event numbers taken from the sequence and not used yet. */
  private numbers: number[] = [];
  private recorded = 0;
  /** A bulk write numbers its events itself from here (it holds the write lock), and takes as many from the sequence at its end. */
  private nextSeq: number | null = null;
  /** Whether this transaction erases a person: the engine then rewrites the tables that held them (PostgresStore.rewriteErased). */
  erased = false;
  /** The erasing transaction's id (pg_current_xact_id, as text), for the wait before the rewrite (PostgresStore.rewriteErased). */
  erasingXact: string | null = null;
  /**
   * The state of the person last read (personState) or written (record),
   * carried from one call to the next (replayOnto): an import of many rows for
   * one person replays their history once, not once per row, and a row's
   * record starts from the state its personState read. One person only:
   * memory stays bounded.
   */
  private carried: PersonState | null = null;
  /**
   * The last statement sent in this transaction. Each is sent when the one
   * before has its answer (pg 9 will not queue them itself), but a flush
   * does not wait for its writes: the client reads and decides the next rows
   * while the server writes the last ones (issue 31: the import's client and
   * server time were added up).
   */
  private tail: Promise<unknown> = Promise.resolve();
  /** The first write that failed: what the transaction failed of (the statements after it only say it was aborted). */
  private failure: { error: unknown } | null = null;
  private readonly copy: CopyIn;

  constructor(
    q: Query,
    private readonly now: string,
    copyIn: CopyIn,
  ) {
    super(q);
    const inTurn = <T>(send: () => Promise<T>): Promise<T> => {
      const turn = this.tail.then(() => {
        const failed = this.failed();
        if (failed) throw failed.error;
        return send();
      });
      this.tail = turn.catch(() => undefined);
      return turn;
    };
    this.q = (text, params) => inTurn(() => q(text, params));
    this.copy = (sql, text) => inTurn(() => copyIn(sql, text));
  }

  private failed(): { error: unknown } | null {
    return this.failure;
  }

  /** Waits for the statements sent; throws the first failed write's error. */
  async settled(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure.error;
  }

  /** What the transaction failed of: the first write sent that failed, else `error`. */
  async cause(error: unknown): Promise<unknown> {
    await this.tail;
    return this.failure?.error ?? error;
  }

  /**
   * Numbers events from the sequence's current value without taking them
   * (bulk writes, under the lock that keeps every other writer out): a
   * refused import then uses up no numbers; `takeNumbers` moves the sequence
   * past the ones used just before COMMIT.
   */
  async numberLocally(): Promise<void> {
    const [row] = await this.q<{ next: string }>(
      'SELECT greatest((SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM event_seq), (SELECT coalesce(max(seq), 0) + 1 FROM event)) AS next',
    );
    this.nextSeq = Number(row!.next);
  }

  /**
   * Moves the sequence past the numbers a bulk write used: by nextval as many times, which needs only USAGE (the
   * README's writers); a login that may UPDATE the sequence (its owner) sets it in one step to where those calls
   * would leave it (issue 31: 260,002 calls took 0.2-0.4 s of the server at the end of the bench's import).
   */
  async takeNumbers(): Promise<void> {
    if (this.nextSeq === null || this.recorded === 0) return;
    const [row] = await this.q<{ may: boolean }>("SELECT has_sequence_privilege('event_seq', 'UPDATE') AS may");
    if (row?.may)
      await this.q("SELECT setval('event_seq', CASE WHEN is_called THEN last_value + $1 ELSE last_value + $1 - 1 END, true) FROM event_seq", [this.recorded]);
    else await this.q("SELECT count(nextval('event_seq')) FROM generate_series(1, $1)", [this.recorded]);
  }

  override async personEvents(personId: string): Promise<LedgerEvent[]> {
    const mine = this.touched.get(personId) ?? this.known.get(personId);
    return mine ? [...mine] : personEvents(this.q, personId);
  }

  /**
   * Reads these people's events and these cards' holders, and sends the rows
   * held (once they make a batch) behind that read, not waiting for them: the
   * server writes those chunks while the client decides the next (issue 31: the
   * read waited for the writes before it, so client and server took turns,
   * and the import took their sum). The read cannot miss a held row: the
   * people and cards held are taken from memory, not read.
   */
  async prefetch(personIds: readonly string[], cardNumbers: readonly string[]): Promise<void> {
    // What earlier chunks read or sent is in the database before this read: forgotten here, so that an import holds
    // about two chunks' people at a time, whatever the file's size (SPEC 3.2 v3: bounded memory); a person met
    // again is read again.
    this.known.clear();
    this.knownCards.clear();
    this.holdUpTo = HELD;
    const ids = [...new Set(personIds)].filter((id) => !this.touched.has(id));
    const numbers = [...new Set(cardNumbers)].filter((n) => !this.cards.has(n));
    // In the order of the event_person index, which the planner then reads (by seq it walked the whole primary key).
    const events =
      ids.length > 0 ? this.q<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event WHERE person_id = ANY($1::text[]) ORDER BY person_id, seq`, [ids]) : null;
    const holders =
      numbers.length > 0 ? this.q<{ number: string; person_id: string }>('SELECT number, person_id FROM card WHERE number = ANY($1::text[])', [numbers]) : null;
    const before = this.tail;
    // Sent once a batch is held (about two chunks of the bench's rows), not at every chunk: each COPY costs the
    // server a statement's work besides its rows (issue 31: the bare COPY in 1,000-row statements took 11% more
    // backend CPU than in one statement per table, 3 rounds).
    const sending = this.pending.length >= BATCH;
    const sent = sending ? this.states : new Map<string, PersonState>();
    if (sending) this.send();
    if (events === null && holders === null) await before; // one chunk in flight at most, reads or not
    if (events !== null) {
      const byId = byPerson(await events);
      for (const id of ids) this.known.set(id, (byId.get(id) ?? []).map(toEvent));
    }
    if (holders !== null) {
      const held = new Map((await holders).map((r) => [r.number, r.person_id]));
      for (const n of numbers) {
        const holder = held.get(n) ?? null;
        // Read before the rows just sent: a person sent without this card no longer holds it.
        this.knownCards.set(n, holder !== null && sent.has(holder) && !sent.get(holder)!.cards.some((c) => c.number === n) ? null : holder);
      }
    }
  }

  override async cardHolder(number: string): Promise<string | null> {
    const mine = this.cards.get(number);
    if (mine !== undefined) return mine;
    const stored = this.knownCards.has(number) ? this.knownCards.get(number)! : await super.cardHolder(number);
    // A person written in this transaction no longer holds a card their new state lacks.
    return stored !== null && this.states.has(stored) ? null : stored;
  }

  override async eventsBySeq(seqs: readonly number[]): Promise<LedgerEvent[]> {
    await this.flush();
    return super.eventsBySeq(seqs);
  }

  async personState(personId: string): Promise<PersonState> {
    if (this.carried?.id === personId) return this.carried;
    // Carried too: the row's record() then starts from it (or takes the state its caller planned from it).
    this.carried = replay(personId, await this.personEvents(personId)).state;
    return this.carried;
  }

  async record(personId: string, facts: readonly Fact[], source: string, planned?: PlannedState): Promise<LedgerEvent[]> {
    if (facts.length === 0) return [];
    let events = this.touched.get(personId);
    if (events === undefined) {
      events = [...(this.known.get(personId) ?? (await personEvents(this.q, personId)))];
      if (events.length === 0) this.fresh.add(personId);
    }
    const before = this.carried?.id === personId ? this.carried : null;
    const seqs = this.nextSeq === null ? await this.reserve(facts.length) : this.local(facts.length);
    // Built field by field, not by spreading (as in SQLite's record): an import stamps hundreds of thousands.
    const recorded = facts.map((f, i): LedgerEvent => ({ on: f.on, body: f.body, seq: seqs[i]!, personId, recordedAt: this.now, source }));
    events.push(...recorded);
    this.touched.set(personId, events);
    this.pending.push(...recorded);
    // The caller's state when planned from this very state (plannedAfter, as in SQLite's record), else carried on
    // from the state before (a revocation changes the past: everything replayed).
    const state = (before !== null ? plannedAfter(before, facts, planned) : null) ?? (before && replayOnto(before, facts)) ?? replay(personId, events).state;
    this.carried = state;
    for (const card of this.states.get(personId)?.cards ?? []) this.cards.delete(card.number);
    for (const card of state.cards) this.cards.set(card.number, personId);
    this.states.set(personId, state);
    this.recorded += facts.length;
    if (this.pending.length >= this.holdUpTo) await this.flush();
    else if (++this.sinceTurn >= TURN) {
      // The connection's answers are read only when the client yields to the event loop, and each statement sent
      // waits for one (COPY's data for the server's CopyInResponse, the next statement for the last one's end):
      // an import deciding rows without a pause left the server idle between its statements (issue 31).
      this.sinceTurn = 0;
      await new Promise(setImmediate);
    }
    return recorded;
  }

  async saveCalendarYear(year: LoadedCalendarYear): Promise<void> {
    await this.q(
      `INSERT INTO calendar_year (year, loaded_on, recorded_at, file, schedule) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year) DO UPDATE SET loaded_on = excluded.loaded_on, recorded_at = excluded.recorded_at, file = excluded.file, schedule = excluded.schedule`,
      [year.schedule.year, year.loadedOn, this.now, year.file, JSON.stringify(year.schedule)],
    );
  }

  /**
   * Queued, not waited for (an import records each employer its rows name, hundreds of them: a round trip each
   * held the rows back, issue 31). A failure is the transaction's, thrown by its next statement or at its end.
   */
  async saveEmployer(employer: Employer): Promise<void> {
    this.q(
      `INSERT INTO employer (name, uscc, city, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET uscc = excluded.uscc, city = excluded.city, recorded_at = excluded.recorded_at`,
      [employer.name, employer.uscc, employer.city, this.now],
    ).catch((error) => (this.failure ??= { error }));
  }

  async saveContributionYear(year: LoadedContributionYear): Promise<void> {
    await this.q(
      `INSERT INTO contribution_year (city, year, loaded_on, recorded_at, file, entry) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (city, year) DO UPDATE SET loaded_on = excluded.loaded_on, recorded_at = excluded.recorded_at, file = excluded.file, entry = excluded.entry`,
      [year.year.city, year.year.year, year.loadedOn, this.now, year.file, JSON.stringify(year.year)],
    );
  }

  async erasePerson(personId: string): Promise<number> {
    this.erased = true;
    this.carried = null;
    await this.flush();
    this.erasingXact = (await this.q<{ x: string }>('SELECT pg_current_xact_id()::text AS x'))[0]!.x;
    const [{ n }] = (await this.q<{ n: string }>('SELECT count(*) AS n FROM event WHERE person_id = $1', [personId])) as [{ n: string }];
    // Events are append-only; erasure (PIPL Art. 47) is the one exception, inside this transaction (see the trigger).
    await this.q("SELECT set_config('sscard.erasing', 'on', true)");
    // Hires, cards, the e-card and events go with the person (ON DELETE CASCADE) ...
    await this.q('DELETE FROM person WHERE id = $1', [personId]);
    // ... and the number wherever else it stands, as the SQLite engine does (src/store/sqlite/purge.ts):
    // a column equal to it becomes NULL (its row goes when the column is NOT NULL), text and JSON containing it are scrubbed.
    for (const c of await textColumns(this.q)) {
      const [t, col] = [quoted(c.table), quoted(c.column)];
      if (c.nullable) await this.q(`UPDATE ${t} SET ${col} = NULL WHERE ${col} = $1`, [personId]);
      else await this.q(`DELETE FROM ${t} WHERE ${col} = $1`, [personId]);
      const needles = spellingNeedles(personId);
      for (const { v } of await this.q<{ v: string }>(
        `SELECT DISTINCT ${col} AS v FROM ${t} WHERE strpos(${col}, $1) > 0 OR strpos(${col}, $2) > 0`,
        needles,
      )) {
        const scrubbed = scrubText(v, personId);
        if (scrubbed !== v) await this.q(`UPDATE ${t} SET ${col} = $1 WHERE ${col} = $2`, [scrubbed, v]);
      }
    }
    await this.q("SELECT set_config('sscard.erasing', 'off', true)");
    // The states read ahead may name the number (a guardian): read them again.
    this.known.clear();
    this.knownCards.clear();
    return Number(n);
  }

  /**
   * Sends the buffered events and cached state, without waiting for them
   * (settled() does; a read sent later runs after them on the connection).
   * At most one batch is being written while the next one is sent, so that
   * memory stays bounded however fast the rows come.
   */
  async flush(): Promise<void> {
    if (this.states.size === 0) return;
    await this.settled();
    this.send();
  }

  /** Sends the buffered events and cached state, without waiting for anything. */
  private send(): void {
    if (this.states.size === 0) return;
    const sent = sendStates(this.q, this.copy, [...this.states.values()], this.fresh);
    sent.push(copyEvents(this.copy, this.pending));
    for (const statement of sent) statement.catch((error) => (this.failure ??= { error }));
    this.pending = [];
    // What was sent is what the database now holds: later reads of these people need no round trip.
    for (const [id, events] of this.touched) this.known.set(id, events);
    for (const [number, holder] of this.knownCards) {
      if (holder !== null && this.states.has(holder) && !this.states.get(holder)!.cards.some((c) => c.number === number)) this.knownCards.set(number, null);
    }
    for (const [number, holder] of this.cards) this.knownCards.set(number, holder);
    this.touched = new Map();
    this.states = new Map();
    this.fresh = new Set();
    this.cards = new Map();
  }

  /**
   * Event numbers from the shared sequence, in one round trip: exactly as many
   * as asked for a single command (so that `history` shows no gaps), more
   * ahead as an import grows (at most 1000 unused ones are left at its end).
   */
  private local(n: number): number[] {
    const first = this.nextSeq!;
    this.nextSeq = first + n;
    return Array.from({ length: n }, (_, i) => first + i);
  }

  private async reserve(n: number): Promise<number[]> {
    if (this.numbers.length < n) {
      const take = Math.max(n - this.numbers.length, Math.min(this.recorded, 1000));
      const rows = await this.q<{ seq: string }>("SELECT nextval('event_seq') AS seq FROM generate_series(1, $1)", [take]);
      this.numbers.push(...rows.map((r) => Number(r.seq)).sort((a, b) => a - b));
    }
    return this.numbers.splice(0, n);
  }
}

export class PostgresStore extends Reader implements Store {
  private inTransaction = false;

  constructor(
    private readonly client: Client,
    q: Query,
    private readonly copyIn: CopyIn,
    private readonly now: string,
    readonly location: PostgresLocation,
    /** Queries with a long limit of their own (VACUUM FULL). */
    private readonly patient: Query = q,
  ) {
    super(q);
  }

  override async personEvents(personId: string): Promise<LedgerEvent[]> {
    return this.guard(() => super.personEvents(personId));
  }

  override async cardHolder(number: string): Promise<string | null> {
    return this.guard(() => super.cardHolder(number));
  }

  override async eventsBySeq(seqs: readonly number[]): Promise<LedgerEvent[]> {
    return this.guard(() => super.eventsBySeq(seqs));
  }

  override async calendarYears(): Promise<LoadedCalendarYear[]> {
    return this.guard(() => super.calendarYears());
  }

  override async employers(): Promise<Employer[]> {
    return this.guard(() => super.employers());
  }

  override async contributionYears(): Promise<LoadedContributionYear[]> {
    return this.guard(() => super.contributionYears());
  }

  override async mentions(id: string): Promise<boolean> {
    return this.guard(() => super.mentions(id));
  }

  async agendaRows(viewOn: IsoDate | null, order: AgendaOrder, window?: AgendaWindow): Promise<AgendaSources> {
    const deadlineOf = deadlinesOf(order);
    // People with facts dated after `viewOn` looked different that day: the queries leave them out, and they are
    // replayed from their events, read through one cursor a page at a time, one person at a time, into a
    // ReplayedAgenda (held in memory up to its limit, else a temporary file) read back in AgendaOrder (as the SQLite
    // engine does; issue 31: a round trip per person, all of them held).
    // Everyone else: the cache.
    const replayed = viewOn === null ? null : new ReplayedAgenda(deadlineOf, () => order.renewingPolicies());
    if (viewOn !== null && replayed !== null) {
      await this.snapshot(async () => {
        for await (const state of statesOf(laterEvents(this.q, viewOn), viewOn)) replayed.add(state);
      });
      replayed.finish();
    }
    /** The condition that leaves out the people replayed, on a column naming the person, with `viewOn` as parameter `n`. */
    const notLater = (column: string, n: number) => (viewOn === null ? '' : ` AND ${notLaterSql(column, n)}`);
    const laterParam = viewOn === null ? [] : [viewOn];
    // Pages in key order (three streams share the one connection, so no cursor
    // holds it): each page is one consistent read; a row changed between pages
    // is seen as it is in the later page.
    const q = this.q;
    const location = this.location;
    async function* pages<R extends { person_id: string; name: string | null }>(select: string, order: string, first: unknown[], keyOf: (row: R) => unknown[]) {
      let after = first;
      for (;;) {
        let rows: R[];
        try {
          rows = await q<R>(
            `${select}${notLater('c.person_id', after.length + 1)} AND (${order}) > (${after.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY ${order} LIMIT ${BATCH}`,
            [...after, ...laterParam],
          );
        } catch (error) {
          throw failure(error, location);
        }
        yield rows;
        if (rows.length < BATCH) return;
        after = keyOf(rows[rows.length - 1]!);
      }
    }
    type Named<R> = R & { name: string | null };
    /**
     * Open hires in AgendaOrder: the start days are grouped by their deadline
     * (the core's rule) and each deadline's hires are read in one query, in
     * order of holder, hire date and employer (byte order, COLLATE "C", as
     * SQLite and the core compare); a query per deadline reads each row once
     * through the partial index and holds one deadline's hires at a time.
     */
    const hires = (kind: 'registration' | 'separation', column: 'hired_on' | 'left_on', where: string) =>
      async function* (): AsyncIterable<DatedHire[]> {
        try {
          // `due --employer` (AgendaWindow.employerMatches): the names of the open hires' employers it accepts, asked
          // once each, then only their hires read and sorted (issue 31).
          const matches = window?.employerMatches;
          const names =
            matches === undefined
              ? null
              : (await q<{ employer: string }>(`SELECT DISTINCT h.employer FROM hire h WHERE ${where}`))
                  .map((r) => r.employer)
                  .filter((e) => matches(e === '' ? null : e));
          const starts = (
            await q<{ start: IsoDate }>(
              `SELECT DISTINCT h.${column} AS start FROM hire h WHERE ${where}${names === null ? '' : ' AND h.employer = ANY($1)'}`,
              names === null ? [] : [names],
            )
          ).map((r) => r.start);
          const byDeadline = new Map<string, IsoDate[]>();
          for (const start of starts) {
            const deadline = deadlineOf(kind, start);
            (byDeadline.get(deadline) ?? byDeadline.set(deadline, []).get(deadline)!).push(start);
          }
          for (const deadline of [...byDeadline.keys()].sort()) {
            // A window (store.ts AgendaWindow) skips earlier deadlines and other employers' hires.
            if (window?.from !== undefined && deadline < window.from) continue;
            const params: unknown[] = [byDeadline.get(deadline)];
            const employer = window?.employer === undefined ? '' : `AND h.employer = $${params.push(window.employer)}`;
            const accepted = names === null ? '' : `AND h.employer = ANY($${params.push(names)})`;
            const replayedOut = notLater('h.person_id', params.length + 1);
            const rows = await q<Named<HireRow>>(
              `SELECT h.*, p.name FROM hire h JOIN person p ON p.id = h.person_id WHERE ${where} AND h.${column} = ANY($1) ${employer} ${accepted}${replayedOut}
                ORDER BY h.person_id COLLATE "C", h.hired_on COLLATE "C", h.employer COLLATE "C", h.id`,
              [...params, ...laterParam],
            );
            for (let i = 0; i < rows.length; i += BATCH)
              yield rows.slice(i, i + BATCH).map((row) => ({ deadline, person: { id: row.person_id, name: row.name }, hire: toHire(row) }));
          }
        } catch (error) {
          throw failure(error, location);
        }
      };
    const registrations = hires('registration', 'hired_on', OPEN_ITEMS_SQL.registration);
    const separations = hires('separation', 'left_on', OPEN_ITEMS_SQL.separation);
    async function* cards() {
      const select = `SELECT c.*, p.name FROM card c JOIN person p ON p.id = c.person_id
          WHERE ${OPEN_ITEMS_SQL.card(order.renewingPolicies())}`;
      for await (const rows of pages<Named<CardRow>>(select, 'c.number', [''], (r) => [r.number]))
        yield rows.map((row) => ({ person: { id: row.person_id, name: row.name }, card: toCard(row) }));
    }
    const merged = (kind: 'registration' | 'separation', all: () => AsyncIterable<DatedHire[]>) =>
      reiterable(() => (replayed === null ? all() : mergedByKey(all(), windowed(replayed.hires(kind), window), byAgendaKey)));
    return {
      registrations: merged('registration', registrations),
      separations: merged('separation', separations),
      cards: reiterable(() => (replayed === null ? cards() : mergedByKey(cards(), replayed.cards(), () => 0))),
    };
  }

  async openHireGroups(viewOn: IsoDate | null): Promise<OpenHireGroup[]> {
    return this.snapshot(async () => {
      const counts = new Map<string, OpenHireGroup>();
      const add = (kind: OpenHireGroup['kind'], employer: string | null, start: IsoDate, count: number) => {
        const key = `${kind}|${employer ?? ''}|${start}`;
        counts.set(key, { kind, employer, start, count: (counts.get(key)?.count ?? 0) + count });
      };
      // People with facts dated after `viewOn` looked different that day: the cache's counts leave them out, and
      // their replays, read through one cursor a person at a time, are counted (issue 31: a round trip per person).
      const notLater = viewOn === null ? '' : ` AND ${notLaterSql('h.person_id', 1)}`;
      const rows = await this.q<{ kind: OpenHireGroup['kind']; employer: string; start: IsoDate; count: string }>(
        `SELECT 'registration' AS kind, h.employer, h.hired_on AS start, count(*) AS count FROM hire h
          WHERE ${OPEN_ITEMS_SQL.registration}${notLater} GROUP BY h.employer, h.hired_on
         UNION ALL
         SELECT 'separation', h.employer, h.left_on, count(*) FROM hire h
          WHERE ${OPEN_ITEMS_SQL.separation}${notLater} GROUP BY h.employer, h.left_on`,
        viewOn === null ? [] : [viewOn],
      );
      for (const r of rows) add(r.kind, r.employer === '' ? null : r.employer, r.start, Number(r.count));
      if (viewOn !== null) {
        for await (const state of statesOf(laterEvents(this.q, viewOn), viewOn)) {
          const { registrations, separations } = agendaOfReplayed([state]);
          for (const { hire } of registrations) add('registration', hire.employer, hire.hiredOn, 1);
          for (const { hire } of separations) add('separation', hire.employer, hire.leftOn!, 1);
        }
      }
      return [...counts.values()].filter((g) => g.count > 0);
    });
  }

  async findPeople(text: string, limit: number, after = ''): Promise<Person[]> {
    const query = personQuery(text);
    const match = 'idEnd' in query ? "id LIKE '%' || $2" : 'strpos(lower(name), $2) > 0';
    return this.guard(() =>
      this.q<Person>(`SELECT id, name FROM person WHERE id > $1 AND ${match} ORDER BY id COLLATE "C" LIMIT $3`, [
        after,
        'idEnd' in query ? query.idEnd : query.name,
        limit,
      ]),
    );
  }

  async lastSeq(): Promise<number> {
    return this.guard(async () => Number((await this.q<{ seq: string | null }>('SELECT max(seq) AS seq FROM event'))[0]?.seq ?? 0));
  }

  async *everyone(viewOn: IsoDate | null): AsyncIterable<readonly PersonState[]> {
    yield* this.snapshotted(async function* (q) {
      let page: PersonState[] = [];
      for await (const state of statesOf(eventsByPerson(q), viewOn)) {
        if (!state.exists) continue;
        page.push(state);
        if (page.length === 1000) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    });
  }

  async *allEvents(): AsyncIterable<LedgerEvent> {
    yield* this.snapshotted(async function* (q) {
      let after = 0;
      for (;;) {
        const rows = await q<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`, [after]);
        for (const row of rows) yield toEvent(row);
        if (rows.length < BATCH) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    });
  }
  async *storedEvents(): AsyncIterable<readonly StoredEvent[]> {
    yield* this.snapshotted(async function* (q) {
      let after = 0;
      for (;;) {
        const rows = await q<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`, [after]);
        yield rows.map((row) => storedEvent(Number(row.seq), row.person_id, row.kind, row.concerns_on, row.recorded_at, row.source, row.data));
        if (rows.length < BATCH) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    });
  }

  async check(): Promise<LedgerCheck> {
    return this.snapshot(async () => {
      const rows: Record<string, number> = {};
      for (const table of ['person', 'hire', 'card', 'ecard', 'event']) {
        rows[table] = Number((await this.q<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
      }
      const [meta] = await this.q<{ version: number }>('SELECT version FROM meta');
      const problems: string[] = [];
      // The next number must lie beyond every stored one, or a new event would collide with an old one.
      // pg_sequences, not the sequence itself: a read-only role may lack SELECT on it (last_value is then null).
      const [sequence] = await this.q<{ last: string | null; max: string | null }>(
        "SELECT last_value AS last, (SELECT max(seq) FROM event) AS max FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = 'event_seq'",
      );
      if (sequence && sequence.max !== null && sequence.last !== null && Number(sequence.last) < Number(sequence.max))
        problems.push(`the event number sequence (${sequence.last}) is behind the highest event number (${sequence.max})`);
      // Append-only rests on the trigger (schema.ts v2): one dropped or disabled (only the owner can) is a finding.
      const guards = await this.q<{ name: string; enabled: string }>(
        "SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger WHERE tgrelid = 'event'::regclass AND tgname IN ('event_append_only', 'event_no_truncate')",
      );
      for (const name of ['event_append_only', 'event_no_truncate']) {
        const guard = guards.find((g) => g.name === name);
        if (!guard || guard.enabled === 'D') problems.push(`the trigger ${name} that keeps events append-only is ${guard ? 'disabled' : 'missing'}`);
      }
      const cacheDifferences: CacheDifference[] = [];
      // A page of people at a time, their events and cached rows in four queries (not four per person).
      // Every event's person has a row (foreign key), so walking the person table sees everyone.
      for (let after = ''; ; ) {
        const people = await this.q<{ id: string; name: string | null }>(`SELECT id, name FROM person WHERE id > $1 ORDER BY id LIMIT ${CHECK_PAGE}`, [after]);
        if (people.length === 0) break;
        const ids = people.map((p) => p.id);
        const events = byPerson(await this.q<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event WHERE person_id = ANY($1::text[]) ORDER BY seq`, [ids]));
        const hires = byPerson(await this.q<HireRow>('SELECT * FROM hire WHERE person_id = ANY($1::text[]) ORDER BY id', [ids]));
        const cards = byPerson(await this.q<CardRow>('SELECT * FROM card WHERE person_id = ANY($1::text[]) ORDER BY seq', [ids]));
        const ecards = byPerson(
          await this.q<{ person_id: string; channel: EcardChannel | null; claimed_on: string }>('SELECT * FROM ecard WHERE person_id = ANY($1::text[])', [ids]),
        );
        for (const { id, name } of people) {
          const e = ecards.get(id)?.[0];
          const cached: PersonState = {
            id,
            exists: true,
            name,
            hires: (hires.get(id) ?? []).map(toHire),
            cards: (cards.get(id) ?? []).map(toCard),
            ecard: e ? { channel: e.channel, claimedOn: e.claimed_on as IsoDate } : null,
          };
          const own = events.get(id);
          cacheDifferences.push(...differences(cached, own ? replay(id, own.map(toEvent)).state : emptyPerson(id)));
        }
        after = ids[ids.length - 1]!;
      }
      return { ok: problems.length === 0 && cacheDifferences.length === 0, problems, cacheDifferences, schemaVersion: meta?.version ?? SCHEMA_VERSION, rows };
    });
  }

  /** A SQLite ledger file with every event (numbers, times and sources kept) and the state rebuilt: a portable snapshot. */
  async consistentRead<T>(read: () => Promise<T>): Promise<T> {
    return this.snapshot(read);
  }

  async backupTo(file: string): Promise<void> {
    // Written beside the file and renamed, so that no partial ledger ever has the final name.
    const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
    fs.rmSync(partial, { force: true });
    const copy = openSqliteStore(partial, { create: true, createDirectories: false, now: this.now })!;
    try {
      // One REPEATABLE READ snapshot (allEvents), so that the copy is consistent while others write.
      await copy.loadEvents(this.allEvents());
      const years = await this.calendarYears();
      const employers = await this.employers();
      const contributions = await this.contributionYears();
      if (years.length + employers.length + contributions.length > 0)
        await copy.write(async (tx) => {
          for (const year of years) await tx.saveCalendarYear(year);
          for (const employer of employers) await tx.saveEmployer(employer);
          for (const year of contributions) await tx.saveContributionYear(year);
        });
      await copy.close();
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, file);
    } catch (error) {
      await copy.close().catch(() => undefined);
      fs.rmSync(partial, { force: true });
      throw error;
    }
  }

  async loadEvents(events: AsyncIterable<LedgerEvent>): Promise<number> {
    // Not retried: `events` can be read only once.
    return this.transaction(1, async () => {
      const [{ n }] = (await this.q<{ n: string }>('SELECT count(*) AS n FROM event')) as [{ n: string }];
      if (Number(n) !== 0) throw new Error('loadEvents: the ledger already holds events');
      let count = 0;
      let batch: LedgerEvent[] = [];
      const send = async () => {
        await this.q('INSERT INTO person (id) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (id) DO NOTHING', [batch.map((e) => e.personId)]);
        await insertEvents(this.q, batch);
        count += batch.length;
        batch = [];
      };
      for await (const event of events) {
        batch.push(event);
        if (batch.length >= BATCH) await send();
      }
      if (batch.length > 0) await send();
      // New events are numbered after the copied ones.
      await this.q("SELECT setval('event_seq', greatest((SELECT max(seq) FROM event), 1), (SELECT count(*) > 0 FROM event))");
      let states: PersonState[] = [];
      for await (const state of statesOf(eventsByPerson(this.q), null)) {
        states.push(state);
        if (states.length >= BATCH) {
          await saveStates(this.q, states);
          states = [];
        }
      }
      await saveStates(this.q, states);
      return count;
    });
  }

  async write<T>(work: (tx: LedgerTransaction) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return this.transaction(MAX_ATTEMPTS, work, options.bulk === true);
  }

  async close(): Promise<void> {
    await end(this.client);
  }

  /**
   * One SERIALIZABLE transaction, run again from the start (after a jittered
   * pause) when PostgreSQL says it conflicted.
   *
   * Every write first takes a lock on `hire`: ROW EXCLUSIVE for a command
   * (which any number of commands hold at once: they conflict only through
   * SERIALIZABLE), SHARE ROW EXCLUSIVE for a bulk import, which no other
   * writer holds meanwhile. So an import runs alone and is never cancelled
   * by clerks' commands (issue 30: a 20,000-row import failed 4 times of 4
   * beside 4-8 clerks); clerks wait for it, before their snapshot, within
   * lock_timeout; readers are never blocked. Taken before the first query, so
   * that the snapshot is taken after the lock (PostgreSQL manual 13.2.3).
   * On `hire`, not `event`: SHARE ROW EXCLUSIVE needs UPDATE or DELETE on the
   * table (manual, LOCK), which writers have on the cached state and must not
   * have on events.
   */
  private async transaction<T>(attempts: number, work: (tx: Transaction) => Promise<T>, bulk = false): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      this.inTransaction = true;
      let phase: Phase = 'write';
      let tx: Transaction | null = null;
      try {
        await this.q('BEGIN ISOLATION LEVEL SERIALIZABLE');
        await this.q(`LOCK TABLE hire IN ${bulk ? 'SHARE ROW EXCLUSIVE' : 'ROW EXCLUSIVE'} MODE`);
        tx = new Transaction(this.q, this.now, this.copyIn);
        // An import whose process stops (Ctrl-Z) would hold clerks back: the server ends it after a while.
        if (bulk) {
          await this.q(`SET LOCAL idle_in_transaction_session_timeout = ${2 * this.location.timeouts.statement}`);
          // The tables grow inside this transaction while the planner judges them by statistics from before it (an
          // empty ledger's: none), and takes 2,000 identity numbers to match a fifth of any table: it read the
          // whole of hire and event for each batch, an import's time growing with the square of its rows (issue
          // 31: 300,000 rows 5.3 times as long as 100,000). The batches' lookups are by key: by index, always.
          // And no JIT: a batch's statements are short, and their cost estimates (of a table of unknown size)
          // made PostgreSQL compile them, for longer than they run.
          await this.q('SET LOCAL enable_seqscan = off');
          await this.q('SET LOCAL jit = off');
          await tx.numberLocally();
        }
        const result = await work(tx);
        await tx.flush();
        await tx.settled();
        await tx.takeNumbers();
        phase = 'commit';
        await this.q('COMMIT');
        if (tx.erased) await this.rewriteErased(tx.erasingXact!);
        return result;
      } catch (thrown) {
        // A write sent without waiting that failed: the error of the transaction, whatever failed after it.
        const error = tx === null ? thrown : await tx.cause(thrown);
        const broken = error instanceof Silent || (sqlState(error) === undefined && failure(error, this.location) !== error);
        // A connection that broke or went silent has nothing to roll back here (the server does it when the socket closes).
        if (!broken) await this.q('ROLLBACK').catch(() => undefined);
        if (!broken && attempt < attempts && RETRYABLE.has(sqlState(error) ?? '')) {
          await sleep(backoff(attempt));
          continue;
        }
        throw failure(error, this.location, phase === 'write' && (tx?.erased || isAppendOnly(error)) ? 'purge' : phase, attempt);
      } finally {
        this.inTransaction = false;
      }
    }
  }

  /**
   * After a purge: PostgreSQL keeps a deleted or updated row's old version in
   * the table and its indexes until VACUUM, and plain VACUUM leaves it in
   * index pages and in the page's free space (issue 29, defect 6: found in
   * person, person_pkey, event_person and the hire index after VACUUM and
   * CHECKPOINT). VACUUM FULL writes each table and its indexes anew, without
   * them. It needs the owner, as purge does; it locks each table for the time
   * of its rewrite. The WAL written before still holds the number until the
   * server recycles it (README "A shared ledger").
   *
   * VACUUM FULL copies a deleted row that a transaction still running may
   * see (an older snapshot: another clerk's export, a psql session left in a
   * transaction), and then reports success: the number stayed in the files
   * while purge said it was gone (found by the suite, shared-day.test.ts).
   * So the rewrite waits, up to the statement limit, until no session of
   * this database (nor a standby's feedback, through its walsender) holds a
   * snapshot from before the erasure, and says so when one still does.
   */
  private async rewriteErased(erasingXact: string): Promise<void> {
    const holders = await this.waitForOlderSnapshots(erasingXact);
    if (holders.length > 0) throw refused('purge-held-back', { ledger: this.location.display, pids: holders.join(', ') });
    try {
      await this.patient('SET statement_timeout = 0');
      for (const table of ['event', 'person', 'hire', 'card', 'ecard', 'calendar_year']) await this.patient(`VACUUM FULL ${table}`);
      await this.patient('RESET statement_timeout');
    } catch (error) {
      const why = (failure(error, this.location) as Error).message;
      throw refused('purge-not-vacuumed', { ledger: this.location.display, why });
    }
  }

  /**
   * The server processes whose oldest snapshot (backend_xmin) is not newer
   * than the erasing transaction, once they are still there after the
   * statement limit; none when they ended before. The xid is compared by
   * age() (32-bit xids wrap around; xid8 -> xid keeps the low half).
   * backend_xmin is shown to every user (PostgreSQL's pgstatfuncs.c, "values
   * available to all callers"); backend_type only to the session's own role
   * and pg_read_all_stats. An autovacuum worker's snapshot does not hold rows
   * back (a vacuum's xmin is ignored, PROC_IN_VACUUM), so it is left out where
   * it can be told; where it cannot, purge waits for it too, which is slower
   * but never wrong.
   */
  private async waitForOlderSnapshots(erasingXact: string): Promise<number[]> {
    const xid = (BigInt(erasingXact) % 2n ** 32n).toString();
    const deadline = Date.now() + this.location.timeouts.statement;
    for (;;) {
      const rows = await this.q<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND backend_xmin IS NOT NULL
            AND (datname = current_database() OR backend_type = 'walsender')
            AND backend_type IS DISTINCT FROM 'autovacuum worker'
            AND age(backend_xmin) >= age($1::text::xid)
          ORDER BY pid`,
        [xid],
      );
      if (rows.length === 0 || Date.now() >= deadline) return rows.map((r) => r.pid);
      await sleep(200);
    }
  }

  /** Several reads as of one moment: REPEATABLE READ, read only (inside a write transaction, its own snapshot). */
  private async snapshot<T>(read: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return read();
    return this.guard(async () => {
      this.inTransaction = true;
      try {
        await this.q('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const result = await read();
        await this.q('COMMIT');
        return result;
      } catch (error) {
        await this.q('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        this.inTransaction = false;
      }
    });
  }

  /** An iteration as of one moment; a caller who stops early ends the snapshot too. */
  private async *snapshotted<T>(read: (q: Query) => AsyncIterable<T>): AsyncIterable<T> {
    if (this.inTransaction) {
      yield* read(this.q);
      return;
    }
    this.inTransaction = true;
    let ended = false;
    try {
      await this.q('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      yield* read(this.q);
    } catch (error) {
      ended = true;
      await this.q('ROLLBACK').catch(() => undefined);
      throw failure(error, this.location);
    } finally {
      // Also when the caller stopped early (return()): a read-only snapshot has nothing to keep.
      if (!ended) await this.q('COMMIT').catch(() => undefined);
      this.inTransaction = false;
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw failure(error, this.location, this.inTransaction ? 'write' : 'read');
    }
  }
}
