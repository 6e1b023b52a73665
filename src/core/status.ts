// The whole answer for one person on one day: card, medical insurance,
// electronic card, registrations, and what to do next. Rendering (language,
// colour, JSON) is the CLI's business; the decisions are made here.
import type { IsoDate } from './calendar-date.js';
import { type Card, cardStatus, type CardStatus, currentCard } from './card.js';
import type { CitizenId } from './citizen-id.js';
import { type EcardClaim, ecardState, type EcardState, hasActivatedEcard } from './ecard.js';
import type { RestDayCalendar } from './holidays.js';
import type { Deadline } from './period.js';
import { type Hire, registrationStatus, type RegistrationStatus } from './registration.js';
import { type SeparationStatus, separationStatus } from './separation.js';

export type NextStep =
  | { readonly kind: 'get-card' }
  | { readonly kind: 'collect-card'; readonly card: string }
  | { readonly kind: 'activate-card'; readonly card: string; readonly bank: string | null; readonly deadline: Deadline | null; readonly overdue: boolean }
  | { readonly kind: 'replace-lost-card'; readonly card: string }
  | { readonly kind: 'claim-ecard' }
  | { readonly kind: 'register-hire'; readonly employer: string | null; readonly deadline: Deadline; readonly overdue: boolean }
  | { readonly kind: 'transfer-on-leaving'; readonly employer: string | null; readonly deadline: Deadline; readonly overdue: boolean };

export interface RegistrationReport {
  readonly hire: Hire;
  readonly status: RegistrationStatus;
  /** Null while the employment has not ended. */
  readonly separation: SeparationStatus | null;
}

export interface StatusReport {
  readonly asOf: IsoDate;
  readonly id: CitizenId;
  readonly card: Card | null;
  readonly cardStatus: CardStatus;
  readonly ecard: { readonly claim: EcardClaim | null; readonly state: EcardState };
  readonly activatedEcard: boolean;
  readonly registrations: readonly RegistrationReport[];
  readonly nextSteps: readonly NextStep[];
}

export function personStatus(
  input: { id: CitizenId; hires: readonly Hire[]; cards: readonly Card[]; ecard: EcardClaim | null },
  today: IsoDate,
  calendar: RestDayCalendar,
): StatusReport {
  const card = currentCard(input.cards);
  const status = cardStatus(card, today, calendar);
  const registrations = input.hires.map((hire) => ({
    hire,
    status: registrationStatus(hire, today, calendar),
    separation: separationStatus(hire, today, calendar),
  }));
  const ecard = { claim: input.ecard, state: ecardState(input.ecard, card) };

  const nextSteps: NextStep[] = [];
  for (const { hire, status: s, separation } of registrations) {
    if ((s.state === 'pending' || s.state === 'overdue') && s.deadline) {
      nextSteps.push({ kind: 'register-hire', employer: hire.employer, deadline: s.deadline, overdue: s.state === 'overdue' });
    }
    if (separation && (separation.state === 'pending' || separation.state === 'overdue')) {
      nextSteps.push({ kind: 'transfer-on-leaving', employer: hire.employer, deadline: separation.deadline, overdue: separation.state === 'overdue' });
    }
  }
  if (card === null || card.state === 'cancelled' || card.state === 'replaced') {
    if (card === null) nextSteps.push({ kind: 'get-card' });
  } else if (card.state === 'lost') {
    nextSteps.push({ kind: 'replace-lost-card', card: card.number });
  } else if (card.state === 'issued') {
    nextSteps.push({ kind: 'collect-card', card: card.number });
    nextSteps.push({ kind: 'activate-card', card: card.number, bank: card.bank, deadline: null, overdue: false });
  } else if (card.state === 'received') {
    nextSteps.push({
      kind: 'activate-card',
      card: card.number,
      bank: card.bank,
      deadline: status.deadline,
      overdue: status.medicalInsurance === 'restricted',
    });
  }
  if (ecard.state === 'none' && card !== null && (card.state === 'issued' || card.state === 'received' || card.state === 'activated')) {
    nextSteps.push({ kind: 'claim-ecard' });
  }
  return {
    asOf: today,
    id: input.id,
    card,
    cardStatus: status,
    ecard,
    activatedEcard: hasActivatedEcard(input.ecard, card),
    registrations,
    nextSteps,
  };
}
