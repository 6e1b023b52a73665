// The agenda's raw material from the people replayed as they stood on an
// earlier day (`due --as-of`, the web view on a past day), kept in a private
// temporary SQLite database and read back in AgendaOrder. On a past day most
// people of a large ledger may have facts dated after it: held in memory,
// they and their replays were 1.1 GiB at 3 M hires (issue 31). SQLite's
// temporary database (an empty file name) is its own file in the system's
// temporary directory, unlinked as soon as it is opened (nothing of it is
// left by name, even after a crash), its pages beyond a small cache written
// there rather than held. A connection of its own: better-sqlite3 refuses a
// write on a connection while one of its queries is being read, and the
// ledger's are.
import type Database from 'better-sqlite3';
import { OPEN_ITEMS } from '../core/agenda.js';
import type { IsoDate } from '../core/calendar-date.js';
import type { PersonState } from '../core/events.js';
import { type DatedHire, type HireValues, hireAt, paged } from './rows.js';
import { connect } from './sqlite/connect.js';
import type { PersonCard } from './store.js';

type HireKind = 'registration' | 'separation';

/** Closes a spill nobody reads any more (a web view's request, say): its file goes with it. */
const unread = new FinalizationRegistry<Database.Database>((db) => {
  if (db.open) db.close();
});

export class ReplayedAgenda {
  private readonly db = connect('');
  private readonly hire: Database.Statement;
  private readonly card: Database.Statement;
  private written = 0;

  constructor(
    private readonly deadlineOf: (kind: HireKind, start: IsoDate) => string,
    /** The policies whose cards are renewed (OPEN_ITEMS.card), asked for at the first card only. */
    private readonly renewing: () => ReadonlySet<string>,
  ) {
    // Small pages in memory: the point is not to hold them.
    this.db.pragma('cache_size = -2000');
    // Keyed in AgendaOrder (deadline, holder, hire date, employer), as the ledger's
    // queries sort: read back in order without a sort. One hire is (holder, employer, hire date).
    // The hire's own columns as the cache has them (HIRE_VALUES, read back by hireAt), not its JSON: a text made and
    // parsed again for every replayed hire was a tenth of a past day's agenda's CPU at 1,000,000 hires (issue 31).
    this.db.exec(`CREATE TABLE hire (
        kind TEXT NOT NULL, deadline TEXT NOT NULL, person_id TEXT NOT NULL, hired_on TEXT NOT NULL, employer TEXT NOT NULL,
        name TEXT, hire_kind TEXT NOT NULL, registered_on TEXT, left_on TEXT, separation_done_on TEXT, base INTEGER,
        PRIMARY KEY (kind, deadline, person_id, hired_on, employer)) WITHOUT ROWID;
      CREATE TABLE card (person_id TEXT NOT NULL, name TEXT, card TEXT NOT NULL)`);
    this.hire = this.db.prepare('INSERT INTO hire VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.card = this.db.prepare('INSERT INTO card VALUES (?, ?, ?)');
    this.db.exec('BEGIN');
    unread.register(this, this.db);
  }

  /** One person as replayed: their open hires and cards (the core's OPEN_ITEMS), as the ledger's queries select them. */
  add(state: PersonState): void {
    if (!state.exists) return;
    for (const hire of state.hires) {
      for (const kind of ['registration', 'separation'] as const) {
        if (!OPEN_ITEMS[kind](hire)) continue;
        const deadline = this.deadlineOf(kind, kind === 'registration' ? hire.hiredOn : hire.leftOn!);
        this.hire.run(
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
        );
        this.written++;
      }
    }
    for (const card of state.cards) if (OPEN_ITEMS.card(card, this.renewing())) this.card.run(state.id, state.name, JSON.stringify(card));
    // One transaction per few thousand rows: SQLite's journal of a temporary database stays small.
    if (this.written >= 5000) {
      this.db.exec('COMMIT; BEGIN');
      this.written = 0;
    }
  }

  /** Everyone added: what follows only reads. */
  finish(): void {
    this.db.exec('COMMIT');
  }

  /** One kind's open hires in AgendaOrder, a page at a time (each reading a new query: an agenda may be read twice). */
  hires(kind: HireKind): AsyncIterable<DatedHire[]> {
    // The generator holds `this`, not only its connection: the spill is not closed (unread) while it is read.
    const spill = this;
    return paged(
      (function* () {
        // Each row one json_array() text, as the ledger's agenda query reads its rows (the driver's per-column cost).
        const rows = spill.db
          .prepare(
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

  /** The open cards, in no particular order (as the agenda takes them). */
  cards(): AsyncIterable<PersonCard[]> {
    const spill = this;
    return paged(
      (function* () {
        const rows = spill.db.prepare('SELECT person_id, name, card FROM card ORDER BY rowid').raw(true).iterate() as Iterable<[string, string | null, string]>;
        for (const [id, name, card] of rows) yield { person: { id, name }, card: JSON.parse(card) };
      })(),
    );
  }
}
