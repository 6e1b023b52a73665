// The SQLite ledger's queries (better-sqlite3). All SQL of sscard lives in src/store.
import Database from 'better-sqlite3';
import { backupLedger } from './backup.js';
import { erasePersonRows, isMentioned, scrubFile } from './purge.js';
import type { IsoDate } from '../../core/calendar-date.js';
import type { Card, CardState } from '../../core/card.js';
import type { EcardChannel, EcardClaim } from '../../core/ecard.js';
import type { Hire, HireKind } from '../../core/registration.js';
import type { LedgerCheck, LedgerEvent, LedgerWriter, NewEvent, Person, PersonCard, PersonHire, PersonRecord, Store } from '../store.js';

interface HireRow {
  kind: HireKind;
  employer: string;
  hired_on: string;
  registered_on: string | null;
}
interface CardRow {
  number: string;
  person_id: string;
  bank: string | null;
  state: CardState;
  issued_on: string | null;
  received_on: string | null;
  activated_on: string | null;
  outlet: string | null;
  guardian_id: string | null;
  ended_on: string | null;
  replaced_by: string | null;
}

const toHire = (row: HireRow): Hire => ({
  kind: row.kind,
  employer: row.employer === '' ? null : row.employer,
  hiredOn: row.hired_on as IsoDate,
  registeredOn: row.registered_on as IsoDate | null,
});

const toCard = (row: CardRow): Card => ({
  number: row.number,
  holderId: row.person_id,
  bank: row.bank,
  state: row.state,
  issuedOn: row.issued_on as IsoDate | null,
  receivedOn: row.received_on as IsoDate | null,
  activatedOn: row.activated_on as IsoDate | null,
  outlet: row.outlet,
  guardianId: row.guardian_id,
  endedOn: row.ended_on as IsoDate | null,
  replacedBy: row.replaced_by,
});

const cardParams = (card: Card) => ({
  number: card.number,
  person_id: card.holderId,
  bank: card.bank,
  state: card.state,
  issued_on: card.issuedOn,
  received_on: card.receivedOn,
  activated_on: card.activatedOn,
  outlet: card.outlet,
  guardian_id: card.guardianId,
  ended_on: card.endedOn,
  replaced_by: card.replacedBy,
});

export class SqliteStore implements Store {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    private readonly now: string,
  ) {}

  /** Prepared once per process, on first use. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  person(id: string): Person | null {
    return (this.sql('SELECT id, name FROM person WHERE id = ?').get(id) as Person | undefined) ?? null;
  }

  hires(personId: string): Hire[] {
    const rows = this.sql('SELECT kind, employer, hired_on, registered_on FROM hire WHERE person_id = ? ORDER BY hired_on, id').all(personId);
    return (rows as HireRow[]).map(toHire);
  }

  hire(personId: string, employer: string | null, hiredOn: IsoDate): Hire | null {
    const row = this.sql('SELECT kind, employer, hired_on, registered_on FROM hire WHERE person_id = ? AND employer = ? AND hired_on = ?').get(
      personId,
      employer ?? '',
      hiredOn,
    ) as HireRow | undefined;
    return row ? toHire(row) : null;
  }

  cards(personId: string): Card[] {
    return (this.sql('SELECT * FROM card WHERE person_id = ? ORDER BY seq').all(personId) as CardRow[]).map(toCard);
  }

  card(number: string): Card | null {
    const row = this.sql('SELECT * FROM card WHERE number = ?').get(number) as CardRow | undefined;
    return row ? toCard(row) : null;
  }

  ecard(personId: string): EcardClaim | null {
    const row = this.sql('SELECT channel, claimed_on FROM ecard WHERE person_id = ?').get(personId) as
      | { channel: EcardChannel | null; claimed_on: string }
      | undefined;
    return row ? { channel: row.channel, claimedOn: row.claimed_on as IsoDate } : null;
  }

  events(personId: string): LedgerEvent[] {
    const rows = this.sql('SELECT seq, person_id, kind, concerns_on, recorded_at, data FROM event WHERE person_id = ? ORDER BY seq').all(
      personId,
    ) as { seq: number; person_id: string; kind: LedgerEvent['kind']; concerns_on: string | null; recorded_at: string; data: string }[];
    return rows.map((r) => ({
      seq: r.seq,
      personId: r.person_id,
      kind: r.kind,
      concernsOn: r.concerns_on as IsoDate | null,
      recordedAt: r.recorded_at,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }

  unregisteredHires(): PersonHire[] {
    const rows = this.sql(
      `SELECT p.id, p.name, h.kind, h.employer, h.hired_on, h.registered_on
         FROM hire h JOIN person p ON p.id = h.person_id
        WHERE h.registered_on IS NULL AND h.kind = 'employee'
        ORDER BY h.hired_on, h.id`,
    ).all() as (HireRow & { id: string; name: string | null })[];
    return rows.map((r) => ({ person: { id: r.id, name: r.name }, hire: toHire(r) }));
  }

  cardsAwaitingActivation(): PersonCard[] {
    const rows = this.sql(
      `SELECT c.*, p.name AS holder_name FROM card c JOIN person p ON p.id = c.person_id
        WHERE c.state = 'received' ORDER BY c.received_on, c.number`,
    ).all() as (CardRow & { holder_name: string | null })[];
    return rows.map((r) => ({ person: { id: r.person_id, name: r.holder_name }, card: toCard(r) }));
  }

  *everyone(): Iterable<PersonRecord> {
    const hires = new Map<string, Hire[]>();
    for (const row of this.sql('SELECT person_id, kind, employer, hired_on, registered_on FROM hire ORDER BY person_id, hired_on, id').iterate() as Iterable<HireRow & { person_id: string }>) {
      const list = hires.get(row.person_id) ?? [];
      list.push(toHire(row));
      hires.set(row.person_id, list);
    }
    const cards = new Map<string, Card[]>();
    for (const row of this.sql('SELECT * FROM card ORDER BY person_id, seq').iterate() as Iterable<CardRow>) {
      const list = cards.get(row.person_id) ?? [];
      list.push(toCard(row));
      cards.set(row.person_id, list);
    }
    const ecards = new Map<string, EcardClaim>();
    for (const row of this.sql('SELECT person_id, channel, claimed_on FROM ecard').iterate() as Iterable<{ person_id: string; channel: EcardChannel | null; claimed_on: string }>) {
      ecards.set(row.person_id, { channel: row.channel, claimedOn: row.claimed_on as IsoDate });
    }
    for (const person of this.sql('SELECT id, name FROM person ORDER BY id').all() as Person[]) {
      yield { person, hires: hires.get(person.id) ?? [], cards: cards.get(person.id) ?? [], ecard: ecards.get(person.id) ?? null };
    }
  }

  mentions(id: string): boolean {
    return isMentioned(this.db, id);
  }

  check(): LedgerCheck {
    const findings = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeys = this.db.pragma('foreign_key_check') as unknown[];
    const rows: Record<string, number> = {};
    for (const table of ['person', 'hire', 'card', 'ecard', 'event']) {
      rows[table] = (this.sql(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    const problems = [...findings.filter((f) => f !== 'ok'), ...(foreignKeys.length ? [`${foreignKeys.length} rows violate foreign keys`] : [])];
    return { ok: problems.length === 0, problems, schemaVersion: this.db.pragma('user_version', { simple: true }) as number, rows };
  }

  async backupTo(file: string): Promise<void> {
    backupLedger(this.db, file);
  }

  /** Set by erasePerson: the file is rewritten once the transaction has committed (VACUUM cannot run inside one). */
  private erased = false;

  write<T>(work: (tx: LedgerWriter) => T): T {
    // IMMEDIATE takes the write lock up front, so concurrent writers queue on
    // the busy timeout instead of failing on a read-to-write upgrade.
    this.erased = false;
    const result = this.db.transaction(() => work(this.writer)).immediate();
    if (this.erased) scrubFile(this.db);
    return result;
  }

  private readonly writer: LedgerWriter = {
    savePerson: (person) => {
      this.sql(
        `INSERT INTO person (id, name) VALUES (@id, @name)
         ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name, person.name)`,
      ).run(person);
    },
    insertHire: (personId, hire) => {
      this.sql(
        'INSERT INTO hire (person_id, kind, employer, hired_on, registered_on) VALUES (?, ?, ?, ?, ?)',
      ).run(personId, hire.kind, hire.employer ?? '', hire.hiredOn, hire.registeredOn);
    },
    updateHire: (personId, hire) => {
      this.sql('UPDATE hire SET registered_on = ? WHERE person_id = ? AND employer = ? AND hired_on = ?').run(
        hire.registeredOn,
        personId,
        hire.employer ?? '',
        hire.hiredOn,
      );
    },
    insertCard: (card) => {
      this.sql(
        `INSERT INTO card (number, person_id, seq, bank, state, issued_on, received_on, activated_on, outlet, guardian_id, ended_on, replaced_by)
         VALUES (@number, @person_id, (SELECT coalesce(max(seq), 0) + 1 FROM card WHERE person_id = @person_id),
                 @bank, @state, @issued_on, @received_on, @activated_on, @outlet, @guardian_id, @ended_on, @replaced_by)`,
      ).run(cardParams(card));
    },
    updateCard: (card) => {
      this.sql(
        `UPDATE card SET bank = @bank, state = @state, issued_on = @issued_on, received_on = @received_on,
                activated_on = @activated_on, outlet = @outlet, guardian_id = @guardian_id, ended_on = @ended_on,
                replaced_by = @replaced_by
          WHERE number = @number AND person_id = @person_id`,
      ).run(cardParams(card));
    },
    saveEcard: (personId, claim) => {
      this.sql('INSERT OR REPLACE INTO ecard (person_id, channel, claimed_on) VALUES (?, ?, ?)').run(personId, claim.channel, claim.claimedOn);
    },
    erasePerson: (personId) => {
      erasePersonRows(this.db, personId); // and the file rewritten after commit: see purge.ts
      this.erased = true;
    },
    append: (event: NewEvent) => {
      this.sql('INSERT INTO event (person_id, kind, concerns_on, recorded_at, data) VALUES (?, ?, ?, ?, ?)').run(
        event.personId,
        event.kind,
        event.concernsOn,
        this.now,
        JSON.stringify(event.data),
      );
    },
  };

  close(): void {
    this.db.close();
  }
}
