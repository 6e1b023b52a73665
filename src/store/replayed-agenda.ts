// The agenda's raw material from the people replayed as they stood on an
// earlier day (`due --as-of`, the web view on a past day), read back in
// AgendaOrder. On a past day most people of a large ledger may have facts
// dated after it: held in memory, they and their replays were 1.1 GiB at 3 M
// hires (issue 31). Up to HELD_ROWS open hires are held here and sorted;
// beyond that they all go to a private temporary SQLite database, keyed in
// AgendaOrder, read back in order. SQLite's temporary database (an empty file
// name) is its own file in the system's temporary directory, unlinked as soon
// as it is opened (nothing of it is left by name, even after a crash), its
// pages beyond a small cache written there rather than held. A connection of
// its own: better-sqlite3 refuses a write on a connection while one of its
// queries is being read, and the ledger's are.
import type Database from 'better-sqlite3';
import { OPEN_ITEMS } from '../core/agenda.js';
import type { IsoDate } from '../core/calendar-date.js';
import type { PersonState } from '../core/events.js';
import type { Hire } from '../core/registration.js';
import { type DatedHire, type HireValues, hireAt, paged } from './rows.js';
import { connect } from './sqlite/connect.js';
import type { PersonCard } from './store.js';

type HireKind = 'registration' | 'separation';

/**
 * Open hires held in memory before the temporary database is made (the
 * rows, about 300 bytes each, and the young generation V8 grows to hold them:
 * at 100,000 hires, 9,520 replayed, the peak 93 MiB against 81). Each one
 * written there cost some 24,000 instructions (callgrind at 100,000 hires: the
 * 11 values bound one by one, a place in the keyed tree, the file made and
 * read back), a tenth of what a past day adds to today's agenda (issue 31).
 */
const HELD_ROWS = 20_000;

/** A replayed open hire as the spill's table holds it: its kind, then the key (deadline, holder, hire date, employer), then the rest. */
type HireRow = [
  kind: HireKind,
  deadline: string,
  id: string,
  hiredOn: string,
  employer: string,
  name: string | null,
  hireKind: HireValues[0],
  registeredOn: string | null,
  leftOn: string | null,
  separationDoneOn: string | null,
  base: number | null,
];

/** Closes a spill nobody reads any more (a web view's request, say): its file goes with it. */
const unread = new FinalizationRegistry<Database.Database>((db) => {
  if (db.open) db.close();
});

export class ReplayedAgenda {
  /** The open hires until the spill is made, then none. */
  private held: HireRow[] | null = [];
  private readonly cardsHeld: PersonCard[] = [];
  private spill: { db: Database.Database; hire: Database.Statement } | null = null;
  private written = 0;

  constructor(
    private readonly deadlineOf: (kind: HireKind, start: IsoDate) => string,
    /** The policies whose cards are renewed (OPEN_ITEMS.card), asked for at the first card only. */
    private readonly renewing: () => ReadonlySet<string>,
    /** HELD_ROWS; fewer in a test, to read the spill. */
    private readonly heldRows = HELD_ROWS,
  ) {}

  /** One person as replayed: their open hires and cards (the core's OPEN_ITEMS), as the ledger's queries select them. */
  add(state: PersonState): void {
    if (!state.exists) return;
    for (const hire of state.hires) {
      for (const kind of ['registration', 'separation'] as const) {
        if (!OPEN_ITEMS[kind](hire)) continue;
        const deadline = this.deadlineOf(kind, kind === 'registration' ? hire.hiredOn : hire.leftOn!);
        const row: HireRow = [
          kind,
          deadline,
          state.id,
          hire.hiredOn,
          hire.employer ?? '',
          state.name,
          hire.kind,
          hire.registeredOn,
          hire.leftOn,
          hire.separationDoneOn,
          hire.base ?? null,
        ];
        if (this.held !== null) {
          this.held.push(row);
          // A text with a lone surrogate (a name read from an event's JSON may hold one) goes to the spill too: SQLite
          // stores it as bytes no UTF-8 has, sorts it by them and gives it back as U+FFFDs; held, it would not be.
          if (this.held.length > this.heldRows || !wellFormed(state.name) || !wellFormed(row[4])) {
            const spill = this.openSpill();
            for (const row of this.held) this.write(spill, row);
            this.held = null;
          }
        } else this.write(this.spill!, row);
      }
    }
    // The agenda holds every open card when it reads them (agendaOf): held here too, as the spill gave them
    // (plain data through JSON, the name as stored).
    for (const card of state.cards)
      if (OPEN_ITEMS.card(card, this.renewing()))
        this.cardsHeld.push({ person: { id: state.id, name: asStored(state.name) }, card: JSON.parse(JSON.stringify(card)) });
  }

  private write(spill: NonNullable<ReplayedAgenda['spill']>, row: HireRow): void {
    spill.hire.run(...row);
    // One transaction per few thousand rows: SQLite's journal of a temporary database stays small.
    if (++this.written >= 5000) {
      spill.db.exec('COMMIT; BEGIN');
      this.written = 0;
    }
  }

  private openSpill() {
    const db = connect('');
    // Small pages in memory: the point is not to hold them.
    db.pragma('cache_size = -2000');
    // Keyed in AgendaOrder (deadline, holder, hire date, employer), as the ledger's
    // queries sort: read back in order without a sort. One hire is (holder, employer, hire date).
    // The hire's own columns as the cache has them (HIRE_VALUES, read back by hireAt), not its JSON: a text made and
    // parsed again for every replayed hire was a tenth of a past day's agenda's CPU at 1,000,000 hires (issue 31).
    db.exec(`CREATE TABLE hire (
        kind TEXT NOT NULL, deadline TEXT NOT NULL, person_id TEXT NOT NULL, hired_on TEXT NOT NULL, employer TEXT NOT NULL,
        name TEXT, hire_kind TEXT NOT NULL, registered_on TEXT, left_on TEXT, separation_done_on TEXT, base INTEGER,
        PRIMARY KEY (kind, deadline, person_id, hired_on, employer)) WITHOUT ROWID`);
    db.exec('BEGIN');
    unread.register(this, db);
    this.spill = { db, hire: db.prepare('INSERT INTO hire VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)') };
    return this.spill;
  }

  /** Everyone added: what follows only reads. */
  finish(): void {
    if (this.spill !== null) this.spill.db.exec('COMMIT');
    // In the spill's order: its key, each part compared as SQLite's BINARY collation does. No two rows share a key.
    else this.held!.sort(byKey);
  }

  /** One kind's open hires in AgendaOrder, a page at a time (each reading anew: an agenda may be read twice). */
  hires(kind: HireKind): AsyncIterable<DatedHire[]> {
    const held = this.held;
    if (held !== null) {
      return paged(
        (function* () {
          for (const row of held) if (row[0] === kind) yield { deadline: row[1], person: { id: row[2], name: row[5] }, hire: hireOfRow(row) };
        })(),
      );
    }
    // The generator holds `this`, not only its connection: the spill is not closed (unread) while it is read.
    const spill = this;
    return paged(
      (function* () {
        // Each row one json_array() text, as the ledger's agenda query reads its rows (the driver's per-column cost).
        const rows = spill
          .spill!.db.prepare(
            `SELECT json_array(deadline, person_id, name, hire_kind, employer, hired_on, registered_on, left_on, separation_done_on, base)
              FROM hire WHERE kind = ? ORDER BY deadline, person_id, hired_on, employer`,
          )
          .pluck()
          .iterate(kind) as Iterable<string>;
        for (const text of rows) {
          const row = JSON.parse(text) as [string, string, string | null, ...HireValues];
          yield { deadline: row[0], person: { id: row[1], name: row[2] }, hire: hireAt(row, 3) };
        }
      })(),
    );
  }

  /** The open cards, in the order added (as the agenda takes them: it sorts them). */
  cards(): AsyncIterable<PersonCard[]> {
    return paged(this.cardsHeld);
  }
}

/** The hire of a held row, as hireAt makes it of the spill's. */
const hireOfRow = (row: HireRow): Hire => ({
  kind: row[6],
  employer: row[4] === '' ? null : row[4],
  hiredOn: row[3] as IsoDate,
  registeredOn: row[7] as IsoDate | null,
  leftOn: row[8] as IsoDate | null,
  separationDoneOn: row[9] as IsoDate | null,
  base: row[10] ?? null,
});

/** The spill table's key order: kind, deadline, holder, hire date, employer. */
function byKey(a: HireRow, b: HireRow): number {
  return byBytes(a[0], b[0]) || byBytes(a[1], b[1]) || byBytes(a[2], b[2]) || byBytes(a[3], b[3]) || byBytes(a[4], b[4]);
}

/**
 * Two texts in the order of their UTF-8 bytes (SQLite's BINARY collation),
 * which is the order of their code points: UTF-16 units order the same but
 * for surrogates (a code point above U+FFFF) against U+E000-U+FFFF.
 */
export function byBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  return codePointRank(a.charCodeAt(i)) - codePointRank(b.charCodeAt(i));
}

/** A UTF-16 unit ranked as the code point it begins: surrogates after U+E000-U+FFFF. */
const codePointRank = (unit: number): number => (unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800);

/** Whether a text has no lone surrogate (then its UTF-8 bytes are its code points', and SQLite gives it back as it was). */
const wellFormed = (text: string | null): boolean => text === null || (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A text as the spill's table gave it back: a lone surrogate as three
 * U+FFFDs (the driver writes it as the three bytes of its code point, which
 * a UTF-8 decoder reads as three errors).
 */
function asStored(text: string | null): string | null {
  return wellFormed(text) ? text : text!.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd\ufffd\ufffd');
}
