// The agenda (`sscard due`): every open deadline across the ledger, most
// urgent first. Open deadlines are registrations not yet filed (Art. 58),
// file and insurance transfers of leavers not yet done (劳动合同法 Art. 50)
// cards waiting for the function their policy's window needs, and cards to
// renew (换领) from 60 days before their expiry.
import type { AgendaKind } from './agenda-kind.js';
import { daysBetween, type IsoDate } from './calendar-date.js';
import { type Card, cardStatus } from './card.js';
import type { RestDayCalendar } from './holidays.js';
import type { Deadline } from './period.js';
import { type PolicyBook, policyOf, renewalNeeded, UNKNOWN } from './policy.js';
import { type Hire, registrationDeadline, registrationStatus } from './registration.js';
import { separationDeadline, separationStatus } from './separation.js';

export interface AgendaItem {
  /** `collection`: a card waiting at the outlet (待领卡) under a policy whose window counts from issue (Guangdong: collected and activated within a year, or sealed). */
  readonly kind: AgendaKind;
  readonly personId: string;
  readonly name: string | null;
  readonly deadline: Deadline;
  readonly state: 'pending' | 'overdue';
  /** 0 on the deadline day, negative once passed. */
  readonly daysLeft: number;
  /** For a registration or separation: whose hire (one person may have several). */
  readonly employer: string | null;
  readonly hiredOn: IsoDate | null;
  /** For an activation or a renewal: which card. */
  readonly card: string | null;
  /** For a registration or separation: the hire's monthly base (fen) and last day, for its cost and cut-off (SPEC 1.9). */
  readonly base?: number | null;
  readonly leftOn?: IsoDate | null;
}

interface Person {
  readonly id: string;
  readonly name: string | null;
}

/**
 * Which recorded hires and cards the agenda reads, defined once: the stores
 * select the same rows in SQL for the people they read from their cached
 * tables (src/store/rows.ts, OPEN_ITEMS_SQL), and test/store/contract.ts
 * checks that each engine's query returns exactly the rows these say. The
 * items themselves are decided below (a card may turn out to have nothing due).
 */
export const OPEN_ITEMS = {
  /** 参保登记 not yet filed, for an employee (a flexible worker files no registration: Art. 58 binds employers). */
  registration: (hire: Hire): boolean => hire.registeredOn === null && hire.kind === 'employee',
  /** Left, and the file and insurance transfer not yet done (劳动合同法 Art. 50). */
  separation: (hire: Hire): boolean => hire.leftOn !== null && hire.separationDoneOn === null,
  /**
   * A card that may wait for its policy's function (a window may count from
   * issue; a temporary loss may lapse back), or be due for renewal: an
   * activated card with a printed expiry, or under a policy whose validity
   * gives it one (`renewing`: renewingPolicies; Shaoguan, ten years).
   */
  card: (card: Card, renewing: ReadonlySet<string>): boolean =>
    card.state === 'issued' ||
    card.state === 'received' ||
    card.state === 'lost' ||
    (card.state === 'activated' && (card.expiresOn !== null || renewing.has(card.policy))),
} as const;

/**
 * The policies whose validity gives a card an expiry without one printed
 * (Shaoguan: ten years from issue; Shanghai by age) and that need the card
 * renewed by it (Shanghai does not while the card works): their activated
 * cards are read for renewal.
 */
export function renewingPolicies(book: PolicyBook): string[] {
  return [...book.values()].filter((p) => p.validity !== null && p.validity !== UNKNOWN && renewalNeeded(p)).map((p) => p.id);
}

/** A registration not yet filed (Art. 58), or null when nothing is open. */
export const registrationItem = (person: Person, hire: Hire, today: IsoDate, calendar: RestDayCalendar): AgendaItem | null =>
  hireItem('registration', person, hire, registrationStatus(hire, today, calendar));

/** A leaver's file and insurance transfer not yet done (劳动合同法 Art. 50), or null. */
export const separationItem = (person: Person, hire: Hire, today: IsoDate, calendar: RestDayCalendar): AgendaItem | null =>
  hireItem('separation', person, hire, separationStatus(hire, today, calendar));

function hireItem(
  kind: 'registration' | 'separation',
  person: Person,
  hire: Hire,
  status: { readonly deadline: Deadline | null; readonly state: string; readonly daysLeft: number | null } | null,
): AgendaItem | null {
  if (status === null || (status.state !== 'pending' && status.state !== 'overdue') || status.deadline === null || status.daysLeft === null) return null;
  return {
    kind,
    personId: person.id,
    name: person.name,
    deadline: status.deadline,
    state: status.state,
    daysLeft: status.daysLeft,
    employer: hire.employer,
    hiredOn: hire.hiredOn,
    card: null,
    base: hire.base,
    leftOn: hire.leftOn,
  };
}

/** A card's open activation window under its policy, and its renewal once due (at most two items). */
export function cardItems(person: Person, stored: Card, today: IsoDate, calendar: RestDayCalendar, policies: PolicyBook): AgendaItem[] {
  const items: AgendaItem[] = [];
  const status = cardStatus(stored, policyOf(policies, stored.policy), today, calendar);
  const card = status.card!;
  // A sealed card's window is closed for good: nothing is due on it, a new card is (status says so).
  if (status.deadline !== null && status.daysLeft !== null && card.state !== 'sealed') {
    items.push({
      kind: card.state === 'ready' && status.policy?.activation?.from === 'issued' ? 'collection' : 'activation',
      personId: person.id,
      name: person.name,
      deadline: status.deadline,
      state: status.daysLeft < 0 ? 'overdue' : 'pending',
      daysLeft: status.daysLeft,
      employer: null,
      hiredOn: null,
      card: card.number,
    });
  }
  // Renewal from its first day until the card is replaced or cancelled;
  // overdue once the printed expiry has passed (it is a printed date, not
  // a period's end: it is not moved off rest days).
  const renewable = card.state === 'issued' || card.state === 'ready' || card.state === 'received' || card.state === 'activated' || card.state === 'lost';
  const expiresOn = status.expiresOn;
  if (renewable && status.renewalFrom !== null && expiresOn !== null && status.renewalFrom <= today) {
    const daysLeft = daysBetween(today, expiresOn);
    items.push({
      kind: 'renewal',
      personId: person.id,
      name: person.name,
      deadline: { date: expiresOn, nominal: expiresOn, provisional: false, moved: null, adjustedWorkday: null, makeUp: null },
      state: daysLeft < 0 ? 'overdue' : 'pending',
      daysLeft,
      employer: null,
      hiredOn: null,
      card: card.number,
    });
  }
  return items;
}

/** Most urgent first: the longest overdue, then the nearest deadline; ties by kind, ID, hire date and employer, so the agenda reads the same every time. */
export const byUrgency = (a: AgendaItem, b: AgendaItem): number =>
  a.daysLeft - b.daysLeft ||
  compare(a.kind, b.kind) ||
  compare(a.personId, b.personId) ||
  compare(a.hiredOn ?? '', b.hiredOn ?? '') ||
  compare(a.employer ?? '', b.employer ?? '');

/** Open registrations and separations of one employer (null: none recorded), as `due --by-employer` and the web agenda count them. */
export interface EmployerCounts {
  readonly open: number;
  readonly overdue: number;
}

/**
 * Employers by their open work: the most overdue first, then the most open; ties by name in the machine's
 * collation (localeCompare: pinyin for a Chinese locale), the one rule of `due --by-employer` and the web agenda.
 */
export const byOpenWork = (a: readonly [string | null, EmployerCounts], b: readonly [string | null, EmployerCounts]): number =>
  b[1].overdue - a[1].overdue || b[1].open - a[1].open || String(a[0]).localeCompare(String(b[0]));

/**
 * `within`: only deadlines at most that many days away, plus everything
 * overdue (which is never hidden). Null: all of them.
 */
export function agenda(
  hires: readonly { person: Person; hire: Hire }[],
  cards: readonly { person: Person; card: Card }[],
  today: IsoDate,
  calendar: RestDayCalendar,
  within: number | null,
  policies: PolicyBook,
): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const { person, hire } of hires) {
    const item = registrationItem(person, hire, today, calendar);
    if (item !== null) items.push(item);
  }
  for (const { person, hire } of hires) {
    const item = separationItem(person, hire, today, calendar);
    if (item !== null) items.push(item);
  }
  for (const { person, card } of cards) items.push(...cardItems(person, card, today, calendar, policies));
  const open = within === null ? items : items.filter((item) => item.daysLeft <= within);
  return open.sort(byUrgency);
}

/** One source of the agenda, read a page of rows at a time (a large ledger's agenda does not fit in memory). */
export type Pages<T> = AsyncIterable<readonly T[]>;

/**
 * The order the store reads open hires in: by their deadline (the core's
 * rule, for a start day), then holder, hire date and employer, as
 * `byUrgency` orders the items of one kind; and which cards it reads
 * (OPEN_ITEMS.card), which depends on the card policies.
 */
export interface AgendaOrder {
  registrationDeadline(hiredOn: IsoDate): IsoDate;
  separationDeadline(leftOn: IsoDate): IsoDate;
  /** renewingPolicies of the card policies, read when the store first reads cards (an agenda of hires alone needs no policies). */
  renewingPolicies(): ReadonlySet<string>;
}

export const agendaOrder = (calendar: RestDayCalendar, policies: () => PolicyBook): AgendaOrder => {
  let renewing: ReadonlySet<string> | null = null;
  return {
    registrationDeadline: (hiredOn) => registrationDeadline(hiredOn, calendar).date,
    separationDeadline: (leftOn) => separationDeadline(leftOn, calendar).date,
    renewingPolicies: () => (renewing ??= new Set(renewingPolicies(policies()))),
  };
};

/** The raw material of a ledger's agenda, as streams. */
export interface AgendaSources {
  /** Hires whose registration is open, in AgendaOrder. */
  readonly registrations: Pages<{ person: Person; hire: Hire }>;
  /** Hires whose transfer on leaving is open, in AgendaOrder. */
  readonly separations: Pages<{ person: Person; hire: Hire }>;
  /** Cards that may be waiting or due for renewal, in any order. */
  readonly cards: Pages<{ person: Person; card: Card }>;
}

/**
 * The same agenda as `agenda()`, item by item, from sources already in
 * order: only the card items are held (their windows differ by policy, so
 * no one order of the rows gives them in order; they are few).
 */
export async function* agendaStream(
  sources: AgendaSources,
  today: IsoDate,
  calendar: RestDayCalendar,
  within: number | null,
  /** Asked for at the first card only: an agenda of hires alone needs no policies. */
  policies: () => PolicyBook,
  /**
   * Items per page: a reader that wants only the first few (the web view's first page) asks for few, and the
   * sources are read no further. 100 by default, not 1,000: a page and its text are then made and dropped while
   * V8's young generation is collected at most once, even at its smallest (store/rows.ts PAGE_ROWS, issue 31).
   */
  pageSize = 100,
): Pages<AgendaItem> {
  const cards: AgendaItem[] = [];
  for await (const page of sources.cards) for (const { person, card } of page) cards.push(...cardItems(person, card, today, calendar, policies()));
  cards.sort(byUrgency);
  const cursors: ItemCursor[] = [
    new Cursor(fromArray(cards), (item: AgendaItem) => item),
    new Cursor(sources.registrations, (e) => registrationItem(e.person, e.hire, today, calendar)),
    new Cursor(sources.separations, (e) => separationItem(e.person, e.hire, today, calendar)),
  ];
  // Yielded a page at a time too: one wait per page for the reader, not per item.
  let page: AgendaItem[] = [];
  try {
    for (const cursor of cursors) await cursor.fill();
    for (;;) {
      let first: ItemCursor | null = null;
      for (const cursor of cursors) {
        const head = cursor.head();
        if (head !== null && (first === null || byUrgency(head, first.head()!) < 0)) first = cursor;
      }
      if (first === null) break;
      const item = first.take();
      if (within !== null && item.daysLeft > within) break;
      page.push(item);
      if (page.length === pageSize) {
        yield page;
        page = [];
      }
      if (first.used()) await first.fill();
      // An unordered source would silently misplace items: a bug in the store, said loudly.
      if ((first.head()?.daysLeft ?? item.daysLeft) < item.daysLeft) throw new Error('agenda source out of order');
    }
    if (page.length > 0) yield page;
  } finally {
    // Stopped early (--within, a reader gone): the sources close their queries.
    await Promise.all(cursors.map((cursor) => cursor.close()));
  }
}

async function* fromArray<T>(array: readonly T[]): Pages<T> {
  yield array;
}

interface ItemCursor {
  head(): AgendaItem | null;
  /** Its page is used up: fill() reads the next. */
  used(): boolean;
  take(): AgendaItem;
  fill(): Promise<void>;
  close(): Promise<void>;
}

/** The items of one source, a page at a time: waits only when a page is used up. */
class Cursor<T> implements ItemCursor {
  private readonly pages: AsyncIterator<readonly T[]>;
  private items: AgendaItem[] = [];
  private i = 0;
  private ended = false;

  constructor(
    source: Pages<T>,
    private readonly itemOf: (entry: T) => AgendaItem | null,
  ) {
    this.pages = source[Symbol.asyncIterator]();
  }

  async fill(): Promise<void> {
    while (this.i >= this.items.length && !this.ended) {
      const page = await this.pages.next();
      if (page.done) this.ended = true;
      else {
        this.items = [];
        this.i = 0;
        for (const entry of page.value) {
          const item = this.itemOf(entry);
          if (item !== null) this.items.push(item);
        }
      }
    }
  }

  head(): AgendaItem | null {
    return this.i < this.items.length ? this.items[this.i]! : null;
  }

  used(): boolean {
    return this.i >= this.items.length && !this.ended;
  }

  take(): AgendaItem {
    return this.items[this.i++]!;
  }

  async close(): Promise<void> {
    await this.pages.return?.();
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An open deadline a newly loaded official schedule moves (SPEC 1.2 v3: `calendar load` lists them). */
export interface DeadlineChange {
  readonly item: AgendaItem;
  readonly before: Deadline;
  readonly after: Deadline;
}

/**
 * The open deadlines of these people whose date differs between two
 * calendars (the one in force, and the one with a schedule loaded), in the
 * agenda's order. Matched by kind, person, hire or card: the same duty
 * under both.
 */
export function deadlineChanges(
  people: readonly { readonly id: string; readonly name: string | null; readonly hires: readonly Hire[]; readonly cards: readonly Card[] }[],
  today: IsoDate,
  before: RestDayCalendar,
  after: RestDayCalendar,
  policies: PolicyBook,
): DeadlineChange[] {
  const hires = people.flatMap((p) => p.hires.map((hire) => ({ person: p, hire })));
  const cards = people.flatMap((p) => p.cards.map((card) => ({ person: p, card })));
  const key = (i: AgendaItem) => `${i.kind}\u0000${i.personId}\u0000${i.employer ?? ''}\u0000${i.hiredOn ?? ''}\u0000${i.card ?? ''}`;
  const later = new Map(agenda(hires, cards, today, after, null, policies).map((i) => [key(i), i]));
  const changes: DeadlineChange[] = [];
  for (const item of agenda(hires, cards, today, before, null, policies)) {
    const moved = later.get(key(item));
    if (moved && moved.deadline.date !== item.deadline.date) changes.push({ item, before: item.deadline, after: moved.deadline });
  }
  return changes;
}
