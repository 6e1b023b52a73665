// The rows of people an import adds to the ledger, held for a moment so that
// several people's rows go to SQLite in one multi-row INSERT per table.
//
// Why: each statement run costs the driver (better-sqlite3) a call into C++
// and a new result object, and SQLite a statement start and end, whatever
// the rows it writes. A bare loop writing the bench's 30,000 rows one INSERT
// each took 3,972 M instructions; the same loop writing 8 people's rows per
// INSERT took 3,537 M (-11%; 16 people: 3,559 M, 32: 3,594 M, 64: 3,705 M;
// callgrind, node --single-threaded; issue 31).
//
// The rule that keeps this invisible: rows wait only while nothing else
// touches the connection. Statements (ledger.ts) writes them before it hands
// out any other statement or the connection itself, and the transaction
// writes them before it commits, so every read, every other write and the
// foreign keys see them where they would have been. They are written in the
// order they were given (the events' sequence numbers are the same), people
// before their events and hires (the rows' parents first).
//
// Only on a ledger whose person keys are checked at commit (schema v6), and
// each INSERT says OR FAIL: SQLite keeps a statement journal for a statement
// that writes several rows and may stop half-way (an immediate key, or any
// constraint that aborts the statement), and writes it to a temporary file
// past 64 KiB, pages of the ledger as they were in it, identity numbers among
// them (seen: /var/tmp/etilqs_*, unlinked as it is opened). OR FAIL stops such
// a statement where it is, its earlier rows kept, which the transaction's
// rollback then undoes with the rest: a row that breaks a constraint still
// leaves nothing (test/store/pending-rows.test.ts).
import type Database from 'better-sqlite3';
import type { hireParams } from '../rows.js';
import { eventInsert, HIRE_INSERT, type InsertParts, insertOf, PERSON_INSERT } from './inserts.js';

/** A hire's columns as hireParams gives them. */
type HireParams = ReturnType<typeof hireParams>;

/** People per INSERT (the measurements above). */
const PEOPLE_PER_INSERT = 16;
/** Events per INSERT at most, whatever a person's rows hold (5 parameters each). */
const MAX_EVENTS_PER_INSERT = 1000;

/** One table's waiting rows, and its INSERT for each number of rows (prepared once per number). */
class WaitingRows {
  /**
   * The rows' values in order. A new array for each batch: one kept from batch to batch is soon an old object, and each
   * value stored into it then went through V8's write barrier (22 M instructions for 30,000 rows, callgrind), more
   * than growing a new array costs (12 M).
   */
  values: unknown[] = [];
  length = 0;
  rows = 0;
  private readonly statements = new Map<number, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private parts: InsertParts,
  ) {}

  /** Other parts (another recording time's literal): the statements are made again. No rows may wait. */
  reshape(parts: InsertParts): void {
    this.parts = parts;
    this.statements.clear();
  }

  write(): void {
    if (this.rows === 0) return;
    let statement = this.statements.get(this.rows);
    if (statement === undefined) {
      statement = this.db.prepare(insertOf(this.parts, this.rows, 'OR FAIL'));
      this.statements.set(this.rows, statement);
    }
    // Bound as arguments: the driver reads an array's elements one API call each (ledger.ts's INSERT_CARD note).
    // Cleared once written: rows whose INSERT failed still wait, and the failed write's rollback drops them.
    statement.run(...this.values);
    this.clear();
  }

  clear(): void {
    this.values = [];
    this.length = 0;
    this.rows = 0;
  }
}

export class PendingRows {
  private readonly people: WaitingRows;
  private readonly events: WaitingRows;
  private readonly hires: WaitingRows;

  /** The recording time the events' INSERTs write (a literal in them), or none yet. */
  private recordedAt: string | null = null;

  constructor(db: Database.Database) {
    this.people = new WaitingRows(db, PERSON_INSERT);
    // Made for the first event's recording time (event() below).
    this.events = new WaitingRows(db, eventInsert(''));
    this.hires = new WaitingRows(db, HIRE_INSERT);
  }

  /** Whether rows wait. */
  get any(): boolean {
    return this.people.rows !== 0 || this.events.rows !== 0 || this.hires.rows !== 0;
  }

  /** A new person's row; the events and hires that follow are theirs. */
  person(id: string, name: string | null): void {
    if (this.people.rows === PEOPLE_PER_INSERT) this.write();
    const t = this.people;
    const v = t.values;
    v[t.length] = id;
    v[t.length + 1] = name;
    t.length += 2;
    t.rows++;
  }

  /** An event of the last person given, recorded at `recordedAt` (written into place: no array per row). */
  event(personId: string, kind: string, on: string | null, recordedAt: string, source: string, data: string): void {
    if (recordedAt !== this.recordedAt) {
      // Another recording time (never within one run): the rows so far go with theirs.
      this.write();
      this.recordedAt = recordedAt;
      this.events.reshape(eventInsert(recordedAt));
    }
    const t = this.events;
    // A batch at its bound of parameters (SQLite allows 32,766 in one statement) goes too.
    if (t.rows === MAX_EVENTS_PER_INSERT) this.write();
    const v = t.values;
    const at = t.length;
    v[at] = personId;
    v[at + 1] = kind;
    v[at + 2] = on;
    v[at + 3] = source;
    v[at + 4] = data;
    t.length = at + 5;
    t.rows++;
  }

  /** A hire's columns, in hireParams' order. */
  hire(h: HireParams): void {
    const t = this.hires;
    const v = t.values;
    const at = t.length;
    v[at] = h.person_id;
    v[at + 1] = h.kind;
    v[at + 2] = h.employer;
    v[at + 3] = h.hired_on;
    v[at + 4] = h.registered_on;
    v[at + 5] = h.left_on;
    v[at + 6] = h.separation_done_on;
    v[at + 7] = h.base;
    t.length = at + 8;
    t.rows++;
  }

  /** Every waiting row, parents first. */
  write(): void {
    this.people.write();
    this.events.write();
    this.hires.write();
  }

  /** The rows of a transaction rolled back: never written. */
  drop(): void {
    this.people.clear();
    this.events.clear();
    this.hires.clear();
  }
}
