// What the commands need from a ledger. SQLite implements it today
// (sqlite.ts); a shared PostgreSQL ledger for HR teams would implement the
// same interface without touching the core or the commands.
import type { IsoDate } from '../core/calendar-date.js';
import type { Card } from '../core/card.js';
import type { EcardClaim } from '../core/ecard.js';
import type { Hire } from '../core/registration.js';

export interface Person {
  readonly id: string;
  readonly name: string | null;
}

export type EventKind =
  | 'person.recorded'
  | 'person.renamed'
  | 'hire.recorded'
  | 'hire.registered'
  | 'card.issued'
  | 'card.received'
  | 'card.activated'
  | 'card.lost'
  | 'card.replaced'
  | 'card.cancelled'
  | 'ecard.claimed';

export interface NewEvent {
  readonly personId: string;
  readonly kind: EventKind;
  /** The day the event is about (hire date, activation date...). */
  readonly concernsOn: IsoDate | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface LedgerEvent extends NewEvent {
  readonly seq: number;
  /** When it was written down, an ISO timestamp. */
  readonly recordedAt: string;
}

export interface PersonHire {
  readonly person: Person;
  readonly hire: Hire;
}

export interface PersonCard {
  readonly person: Person;
  readonly card: Card;
}

export interface LedgerCheck {
  readonly ok: boolean;
  /** The integrity check's findings; empty when ok. */
  readonly problems: readonly string[];
  readonly schemaVersion: number;
  readonly rows: Readonly<Record<string, number>>;
}

export interface PersonRecord {
  readonly person: Person;
  readonly hires: readonly Hire[];
  readonly cards: readonly Card[];
  readonly ecard: EcardClaim | null;
}

export interface Store {
  person(id: string): Person | null;
  /** The person's hires, oldest hire first. */
  hires(personId: string): Hire[];
  hire(personId: string, employer: string | null, hiredOn: IsoDate): Hire | null;
  /** The person's cards, oldest first. */
  cards(personId: string): Card[];
  card(number: string): Card | null;
  ecard(personId: string): EcardClaim | null;
  /** Every event about the person, oldest first. */
  events(personId: string): LedgerEvent[];

  /** Registrations not yet filed, for the agenda. */
  unregisteredHires(): PersonHire[];
  /** Cards received and not yet activated, for the agenda. */
  cardsAwaitingActivation(): PersonCard[];

  /** Every person with their hires (oldest first; none: an empty list), cards (oldest first) and e-card, ordered by ID. */
  everyone(): Iterable<PersonRecord>;

  /** Whether the number stands anywhere in the ledger, even only as someone's guardian (what purge can erase). */
  mentions(id: string): boolean;

  /** SQLite's own consistency check, the schema version and the rows per table. */
  check(): LedgerCheck;
  /** A consistent copy of the ledger at `file` while other processes may write; never the ledger itself, never a partial file under that name. */
  backupTo(file: string): Promise<void>;

  /** Runs `work` as one write transaction: all of it is saved, or none. */
  write<T>(work: (tx: LedgerWriter) => T): T;
  close(): void;
}

export interface LedgerWriter {
  /** Records the person, or renames them when `name` is given and differs. */
  savePerson(person: Person): void;
  insertHire(personId: string, hire: Hire): void;
  updateHire(personId: string, hire: Hire): void;
  insertCard(card: Card): void;
  updateCard(card: Card): void;
  saveEcard(personId: string, claim: EcardClaim): void;
  append(event: NewEvent): void;
  /**
   * Deletes the person and every record and event about them, and their number
   * wherever else it stands (a guardian); once the transaction commits, the
   * number is nowhere in the file nor its WAL (PIPL right to deletion, SPEC 3.1).
   */
  erasePerson(personId: string): void;
}
