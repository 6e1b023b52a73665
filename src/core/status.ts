// The whole answer for one person on one day: card, medical insurance,
// electronic card, registrations, and what to do next. Rendering (language,
// colour, JSON) is the CLI's business; the decisions are made here.
import type { IsoDate } from './calendar-date.js';
import { type Card, cardsOn, cardStatus, type CardStatus, currentCard, isInForce } from './card.js';
import type { CitizenId } from './citizen-id.js';
import { type EcardClaim, ecardState, type EcardState, hasActivatedEcard } from './ecard.js';
import type { Application } from './events.js';
import type { RestDayCalendar } from './holidays.js';
import type { Deadline } from './period.js';
import { afterLapse, type LossOutcome, type Policy, type PolicyBook, policyOf } from './policy.js';
import { type Hire, registrationStatus, type RegistrationStatus } from './registration.js';
import { type SeparationStatus, separationStatus } from './separation.js';

export type NextStep =
  | { readonly kind: 'get-card' }
  /** 制卡中: wait for the card; record it with `card issue` when made. */
  | { readonly kind: 'await-card'; readonly appliedOn: IsoDate }
  /** 制卡失败: apply again. */
  | { readonly kind: 'apply-again'; readonly failedOn: IsoDate }
  | { readonly kind: 'collect-card'; readonly card: string; readonly policy: Policy }
  /** The financial function is off: switch it on at a counter of the issuing bank (which also enables the social function). */
  | {
      readonly kind: 'activate-card';
      readonly card: string;
      readonly bank: string | null;
      /** The policy's deadline when activation is what its window needs. */
      readonly deadline: Deadline | null;
      readonly overdue: boolean;
      readonly socialEnabled: boolean;
      readonly policy: Policy;
    }
  /** The social function is off and the policy's window needs only it: online, at a window, or by first use in a hospital. */
  | { readonly kind: 'enable-card'; readonly card: string; readonly deadline: Deadline | null; readonly overdue: boolean; readonly policy: Policy }
  | { readonly kind: 'replace-lost-card'; readonly card: string }
  /** A temporary loss: found (`card found`) or made formal, which a replacement needs. */
  | { readonly kind: 'temporary-loss'; readonly card: string; readonly lapsesOn: IsoDate | null; readonly after: LossOutcome }
  /** Sealed by its policy: void; a new card must be applied for. */
  | { readonly kind: 'apply-new-card'; readonly card: string; readonly since: IsoDate; readonly policy: Policy }
  | { readonly kind: 'renew-card'; readonly card: string; readonly expiresOn: IsoDate; readonly expired: boolean }
  /** Expired, but the policy needs no renewal while the card works (Shanghai): a note, not a task. */
  | { readonly kind: 'expired-still-usable'; readonly card: string; readonly expiresOn: IsoDate; readonly policy: Policy }
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
  readonly today: IsoDate;
  readonly id: CitizenId;
  readonly card: Card | null;
  readonly cardStatus: CardStatus;
  readonly ecard: { readonly claim: EcardClaim | null; readonly state: EcardState };
  readonly activatedEcard: boolean;
  readonly registrations: readonly RegistrationReport[];
  readonly nextSteps: readonly NextStep[];
  /** An application (制卡中) or a failed one (制卡失败) while no card is in force: where the card is before it exists. */
  readonly application: Application | null;
}

/** The book a person with no card and no application is judged by: empty (see personStatus). */
const NO_POLICIES: PolicyBook = new Map();

/**
 * `policies` reads the card policies. They are looked up by the person's cards and application only, so a person
 * with neither is judged without reading them: the report is the same (policyOf answers an id the book lacks alike),
 * a hire with no card yet does not read the policy file (about 1 ms of `status`, issue 31), and such a person's
 * status answers even while data/policies.json is damaged, as commands needing no day answer with a bad SSCARD_TODAY.
 */
export function personStatus(
  input: { id: CitizenId; hires: readonly Hire[]; cards: readonly Card[]; ecard: EcardClaim | null; application?: Application | null },
  today: IsoDate,
  calendar: RestDayCalendar,
  policies: () => PolicyBook,
): StatusReport {
  const book = input.cards.length > 0 || input.application ? policies() : NO_POLICIES;
  const cards = cardsOn(input.cards, book, today, calendar);
  const shown = currentCard(cards);
  const status = cardStatus(shown, policyOf(book, shown?.policy ?? ''), today, calendar);
  const card = status.card;
  const registrations = input.hires.map((hire) => ({
    hire,
    status: registrationStatus(hire, today, calendar),
    separation: separationStatus(hire, today, calendar),
  }));
  const application = cards.some(isInForce) ? null : (input.application ?? null);
  const ecard = { claim: input.ecard, state: ecardState(input.ecard, cards, application) };

  const nextSteps: NextStep[] = [];
  for (const { hire, status: s, separation } of registrations) {
    if ((s.state === 'pending' || s.state === 'overdue') && s.deadline) {
      nextSteps.push({ kind: 'register-hire', employer: hire.employer, deadline: s.deadline, overdue: s.state === 'overdue' });
    }
    if (separation && (separation.state === 'pending' || separation.state === 'overdue')) {
      nextSteps.push({ kind: 'transfer-on-leaving', employer: hire.employer, deadline: separation.deadline, overdue: separation.state === 'overdue' });
    }
  }
  if (application !== null) {
    nextSteps.push(
      application.failedOn === null ? { kind: 'await-card', appliedOn: application.appliedOn } : { kind: 'apply-again', failedOn: application.failedOn },
    );
  } else if (card !== null) nextSteps.push(...cardSteps(card, status, today));
  else nextSteps.push({ kind: 'get-card' });
  const thirdGenerationApplied = application !== null && application.failedOn === null && application.generation === 3;
  if (ecard.state === 'none' && ((card !== null && isInForce(card) && (card.receivedOn !== null || card.generation === 3)) || thirdGenerationApplied)) {
    nextSteps.push({ kind: 'claim-ecard' });
  }
  return {
    today,
    id: input.id,
    card,
    cardStatus: status,
    ecard,
    activatedEcard: hasActivatedEcard(input.ecard, cards),
    registrations,
    nextSteps,
    application,
  };
}

/**
 * What the card still needs, by its policy: which function is missing and
 * where it is switched on. Activation (at the bank counter) switches on both
 * functions, so a policy whose window needs activation asks for that alone;
 * one whose window needs only the social function asks to enable it (online
 * or at a window), and activation comes without a deadline.
 */
function cardSteps(card: Card, status: CardStatus, today: IsoDate): NextStep[] {
  const policy = status.policy!;
  const steps: NextStep[] = [];
  const overdue = status.consequence !== null;
  const needs = policy.activation?.needs ?? null;
  switch (card.state) {
    case 'cancelled':
    case 'replaced':
      return [];
    case 'sealed':
      return [{ kind: 'apply-new-card', card: card.number, since: status.consequence!.since, policy }];
    case 'lost':
      if (card.loss?.kind === 'temporary') {
        return [{ kind: 'temporary-loss', card: card.number, lapsesOn: status.loss?.lapsesOn ?? null, after: afterLapse(policy) }];
      }
      return [{ kind: 'replace-lost-card', card: card.number }];
    case 'issued':
    case 'ready':
      steps.push({ kind: 'collect-card', card: card.number, policy });
      break;
  }
  if (card.state === 'issued' || card.state === 'ready' || card.state === 'received') {
    if (card.enabledOn === null && needs !== 'activated') {
      steps.push({
        kind: 'enable-card',
        card: card.number,
        deadline: needs === 'enabled' ? status.deadline : null,
        overdue: needs === 'enabled' && overdue,
        policy,
      });
    }
    steps.push({
      kind: 'activate-card',
      card: card.number,
      bank: card.bank,
      deadline: needs === 'activated' ? status.deadline : null,
      overdue: needs === 'activated' && overdue,
      socialEnabled: card.enabledOn !== null,
      policy,
    });
  }
  // Renewal (换领) from its first day until the card is replaced or cancelled.
  if (status.renewalFrom !== null && status.expiresOn !== null && status.renewalFrom <= today) {
    steps.push({ kind: 'renew-card', card: card.number, expiresOn: status.expiresOn, expired: today > status.expiresOn });
  }
  if (status.expiredButUsable && status.expiresOn !== null)
    steps.push({ kind: 'expired-still-usable', card: card.number, expiresOn: status.expiresOn, policy });
  return steps;
}
