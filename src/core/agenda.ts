// The agenda (`sscard due`): every open deadline across the ledger, most
// urgent first. Open deadlines are registrations not yet filed (Art. 58),
// file and insurance transfers of leavers not yet done (劳动合同法 Art. 50)
// cards waiting for the function their policy's window needs, and cards to
// renew (换领) from 60 days before their expiry.
import { daysBetween, type IsoDate } from './calendar-date.js';
import { type Card, cardStatus } from './card.js';
import type { RestDayCalendar } from './holidays.js';
import type { Deadline } from './period.js';
import { type PolicyBook, policyOf } from './policy.js';
import { type Hire, registrationStatus } from './registration.js';
import { separationStatus } from './separation.js';

export interface AgendaItem {
  readonly kind: 'activation' | 'registration' | 'separation' | 'renewal';
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
}

interface Person {
  readonly id: string;
  readonly name: string | null;
}

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
    const status = registrationStatus(hire, today, calendar);
    if ((status.state !== 'pending' && status.state !== 'overdue') || status.deadline === null || status.daysLeft === null) continue;
    items.push({
      kind: 'registration',
      personId: person.id,
      name: person.name,
      deadline: status.deadline,
      state: status.state,
      daysLeft: status.daysLeft,
      employer: hire.employer,
      hiredOn: hire.hiredOn,
      card: null,
    });
  }
  for (const { person, hire } of hires) {
    const status = separationStatus(hire, today, calendar);
    if (status === null || (status.state !== 'pending' && status.state !== 'overdue') || status.daysLeft === null) continue;
    items.push({
      kind: 'separation',
      personId: person.id,
      name: person.name,
      deadline: status.deadline,
      state: status.state,
      daysLeft: status.daysLeft,
      employer: hire.employer,
      hiredOn: hire.hiredOn,
      card: null,
    });
  }
  for (const { person, card: stored } of cards) {
    const status = cardStatus(stored, policyOf(policies, stored.policy), today, calendar);
    const card = status.card!;
    // A sealed card's window is closed for good: nothing is due on it, a new card is (status says so).
    if (status.deadline !== null && status.daysLeft !== null && card.state !== 'sealed') {
      items.push({
        kind: 'activation',
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
    const renewable = card.state === 'issued' || card.state === 'received' || card.state === 'activated' || card.state === 'lost';
    if (renewable && status.renewalFrom !== null && card.expiresOn !== null && status.renewalFrom <= today) {
      const daysLeft = daysBetween(today, card.expiresOn);
      items.push({
        kind: 'renewal',
        personId: person.id,
        name: person.name,
        deadline: { date: card.expiresOn, nominal: card.expiresOn, provisional: false, moved: null },
        state: daysLeft < 0 ? 'overdue' : 'pending',
        daysLeft,
        employer: null,
        hiredOn: null,
        card: card.number,
      });
    }
  }
  const open = within === null ? items : items.filter((item) => item.daysLeft <= within);
  // Most urgent first: the longest overdue, then the nearest deadline.
  return open.sort(
    (a, b) => a.daysLeft - b.daysLeft || compare(a.kind, b.kind) || compare(a.personId, b.personId) || compare(a.hiredOn ?? '', b.hiredOn ?? ''),
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const anyOverdue = (items: readonly AgendaItem[]): boolean => items.some((item) => item.state === 'overdue');
