// The physical social security card (社会保障卡) and its lifecycle.
// Activation (启用) is in person at an outlet of the issuing bank, with the
// card and the ORIGINAL identity document; it cannot be done online.
import { daysBetween, type IsoDate } from './calendar-date.js';
import { ageOn, type CitizenId } from './citizen-id.js';
import type { RestDayCalendar } from './holidays.js';
import { applyAll, emptyPerson, type Fact, fact } from './events.js';
import { type Deadline, deadlineOf, hasPassed } from './period.js';

export type CardState = 'issued' | 'received' | 'activated' | 'lost' | 'replaced' | 'cancelled';

/** Where the social-security function was switched on (启用): SPEC 1.3. */
export const ENABLE_CHANNELS = ['window', 'bank', 'online', 'hospital'] as const;
export type EnableChannel = (typeof ENABLE_CHANNELS)[number];

/** Why a card was replaced (补换卡). */
export const REPLACE_REASONS = ['loss', 'damage', 'expiry', 'change'] as const;
export type ReplaceReason = (typeof REPLACE_REASONS)[number];

/** A reported loss (挂失): temporary (临时挂失, lapses) or formal (正式挂失); `resumes` is the state a found card returns to. */
export interface Loss {
  readonly kind: 'temporary' | 'formal';
  readonly reportedOn: IsoDate;
  readonly resumes: 'issued' | 'received' | 'activated';
}

export interface Card {
  readonly number: string;
  readonly holderId: string;
  readonly bank: string | null;
  /** The card policy it was issued under (SPEC 1.8); v1 cards: `seed`. */
  readonly policy: string;
  readonly generation: 2 | 3;
  readonly expiresOn: IsoDate | null;
  readonly state: CardState;
  readonly issuedOn: IsoDate | null;
  readonly receivedOn: IsoDate | null;
  /** The social-security function switched on (启用); activation does it too. */
  readonly enabledOn: IsoDate | null;
  /** The financial function activated at the bank (激活). */
  readonly activatedOn: IsoDate | null;
  readonly outlet: string | null;
  /** The guardian who activated for a holder under 16. */
  readonly guardianId: string | null;
  readonly loss: Loss | null;
  /** When it left the in-force states (lost, replaced or cancelled). */
  readonly endedOn: IsoDate | null;
  readonly replacedBy: string | null;
}

/** Six months from receipt (the card's 启用 window), counted as the Civil Code counts months. */
export const ACTIVATION_PERIOD = { months: 6 } as const;
/** Below this age a guardian (监护人) activates the card for the holder. */
export const GUARDIAN_REQUIRED_UNDER = 16;
export const GUARDIAN_MIN_AGE = 18;

const IN_FORCE: ReadonlySet<CardState> = new Set(['issued', 'received', 'activated']);

export const isInForce = (card: Card): boolean => IN_FORCE.has(card.state);

/** Nine upper-case letters or digits; input is normalised to upper case. */
export function normaliseCardNumber(input: string): string | null {
  const number = input.trim().toUpperCase();
  return /^[0-9A-Z]{9}$/.test(number) ? number : null;
}

/** The card in force, or else the most recent card (SPEC: `status`'s `card`). Cards are given oldest first. */
export function currentCard(cards: readonly Card[]): Card | null {
  return cards.find(isInForce) ?? cards[cards.length - 1] ?? null;
}

/**
 * The activation window runs from receipt; there is none before receipt. A
 * card that left force keeps the window it had: it explains a restriction
 * that outlives a loss (see cardStatus), and it is history like the dates.
 */
export function activationDeadline(card: Card, calendar: RestDayCalendar): Deadline | null {
  if (card.receivedOn === null) return null;
  return deadlineOf(card.receivedOn, ACTIVATION_PERIOD, calendar);
}

/** How many days after its deadline the card was activated (late activation is allowed); null when in time or not activated. */
export function activationDaysLate(card: Card, calendar: RestDayCalendar): number | null {
  const deadline = activationDeadline(card, calendar);
  if (deadline === null || card.activatedOn === null) return null;
  const late = daysBetween(deadline.date, card.activatedOn);
  return late > 0 ? late : null;
}

export interface CardStatus {
  readonly deadline: Deadline | null;
  /** To the activation deadline while the card waits for activation; null once activated or with no window. */
  readonly daysLeft: number | null;
  readonly medicalInsurance: 'normal' | 'restricted';
}

/**
 * Until a new card is activated and once its activation deadline has passed,
 * the holder's original medical insurance card is restricted; it returns to
 * normal on the day of activation, however late (SPEC 1.3).
 *
 * - A lost card that was never activated stays restricted past its deadline:
 *   reporting a loss activates nothing. Recording the replacement ends it,
 *   since the replacement is then the card shown, with its own window.
 * - A cancelled card (注销: the holder died or emigrated) ends the holder's
 *   card altogether; there is nothing left to restore, so no restriction is
 *   reported for it.
 * - `daysLeft` counts only while the card waits for activation (`received`);
 *   an activated or ended card shows its window as history, with no count.
 */
export function cardStatus(card: Card | null, today: IsoDate, calendar: RestDayCalendar): CardStatus {
  if (card === null) return { deadline: null, daysLeft: null, medicalInsurance: 'normal' };
  const deadline = activationDeadline(card, calendar);
  const waiting = card.state === 'received';
  const daysLeft = waiting && deadline ? daysBetween(today, deadline.date) : null;
  const neverActivated = waiting || (card.state === 'lost' && card.activatedOn === null);
  const restricted = neverActivated && deadline !== null && hasPassed(deadline, today);
  return { deadline, daysLeft, medicalInsurance: restricted ? 'restricted' : 'normal' };
}

export type Refusal =
  | { readonly reason: 'card-not-in-force'; readonly state: CardState }
  | { readonly reason: 'id-mismatch' }
  | { readonly reason: 'date-before-issue'; readonly issuedOn: IsoDate }
  | { readonly reason: 'date-before-receipt'; readonly receivedOn: IsoDate }
  | { readonly reason: 'date-before-activation'; readonly activatedOn: IsoDate }
  | { readonly reason: 'date-before-loss'; readonly lostOn: IsoDate }
  | { readonly reason: 'date-in-future' }
  | { readonly reason: 'guardian-required'; readonly age: number }
  | { readonly reason: 'guardian-too-young' }
  | { readonly reason: 'guardian-is-holder' }
  | { readonly reason: 'already-received'; readonly receivedOn: IsoDate }
  | { readonly reason: 'already-activated'; readonly activatedOn: IsoDate }
  | { readonly reason: 'has-card-in-force'; readonly card: string }
  | { readonly reason: 'card-number-taken' }
  | { readonly reason: 'no-card' };

export type Decision<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };
const refuse = <T>(refusal: Refusal): Decision<T> => ({ ok: false, refusal });
const allow = <T>(value: T): Decision<T> => ({ ok: true, value });

/** What a card decision records: the facts, and the card as they leave it (null: nothing to change). */
export interface CardChange {
  readonly card: Card | null;
  readonly facts: readonly Fact[];
}

const unchanged: CardChange = { card: null, facts: [] };

/** The card after the facts: applied by the one `apply` of events.ts, so each state change is written once. */
function after(card: Card, facts: readonly Fact[]): CardChange {
  const state = applyAll({ ...emptyPerson(card.holderId), exists: true, cards: [card] }, facts);
  return { card: state.cards.find((c) => c.number === card.number)!, facts };
}

export interface ActivationRequest {
  readonly holder: CitizenId;
  /** The identity document shown at the counter, already validated. */
  readonly idDocument: CitizenId;
  readonly on: IsoDate;
  readonly outlet: string | null;
  readonly guardian: CitizenId | null;
}

export type ActivationOutcome =
  | { readonly kind: 'activated'; readonly card: Card; readonly receiptRecorded: boolean; readonly facts: readonly Fact[] }
  | { readonly kind: 'already-activated'; readonly card: Card };

export function decideActivation(card: Card, request: ActivationRequest, today: IsoDate): Decision<ActivationOutcome> {
  // Checked first, so that a stranger's number learns nothing about the card.
  if (request.idDocument.number !== request.holder.number) return refuse({ reason: 'id-mismatch' });
  if (card.state === 'activated') return allow({ kind: 'already-activated', card });
  if (!isInForce(card)) return refuse({ reason: 'card-not-in-force', state: card.state });
  if (request.on > today) return refuse({ reason: 'date-in-future' });
  if (card.issuedOn !== null && request.on < card.issuedOn) return refuse({ reason: 'date-before-issue', issuedOn: card.issuedOn });
  if (card.receivedOn !== null && request.on < card.receivedOn) {
    return refuse({ reason: 'date-before-receipt', receivedOn: card.receivedOn });
  }
  const age = ageOn(request.holder.birthDate, request.on);
  if (age < GUARDIAN_REQUIRED_UNDER && request.guardian === null) return refuse({ reason: 'guardian-required', age });
  // A guardian is also accepted for an older holder (an adult without full
  // civil capacity has one too, Civil Code Art. 28): checked and recorded
  // the same way, never silently dropped.
  const { guardian } = request;
  if (guardian !== null) {
    if (guardian.number === request.holder.number) return refuse({ reason: 'guardian-is-holder' });
    if (ageOn(guardian.birthDate, request.on) < GUARDIAN_MIN_AGE) return refuse({ reason: 'guardian-too-young' });
  }
  // A card activated before its receipt was recorded was evidently received by then.
  const receiptRecorded = card.receivedOn === null;
  const facts = [
    ...(receiptRecorded ? [fact(request.on, { kind: 'card.received', card: card.number })] : []),
    fact(request.on, { kind: 'card.activated', card: card.number, outlet: request.outlet, guardian: guardian?.number ?? null }),
  ];
  return allow({ kind: 'activated', receiptRecorded, card: after(card, facts).card!, facts });
}

export interface IssueRequest {
  readonly number: string;
  readonly holderId: string;
  readonly bank: string | null;
  readonly issuedOn: IsoDate;
  readonly policy: string;
  readonly generation: 2 | 3;
  readonly expiresOn: IsoDate | null;
}

export function decideIssue(holderCards: readonly Card[], numberTaken: boolean, request: IssueRequest, today: IsoDate): Decision<CardChange> {
  if (numberTaken) return refuse({ reason: 'card-number-taken' });
  const inForce = holderCards.find(isInForce);
  if (inForce) return refuse({ reason: 'has-card-in-force', card: inForce.number });
  if (request.issuedOn > today) return refuse({ reason: 'date-in-future' });
  const facts = [issueFact(request, null)];
  const state = applyAll({ ...emptyPerson(request.holderId), exists: true }, facts);
  return allow({ card: state.cards[0]!, facts });
}

const issueFact = (request: Omit<IssueRequest, 'holderId'>, replaces: string | null): Fact =>
  fact(request.issuedOn, {
    kind: 'card.issued',
    card: request.number,
    bank: request.bank,
    policy: request.policy,
    generation: request.generation,
    expiresOn: request.expiresOn,
    replaces,
  });

/** Nothing changes when the same receipt is recorded again. */
export function decideReceipt(card: Card, on: IsoDate, today: IsoDate): Decision<CardChange> {
  if (card.state === 'received' && card.receivedOn === on) return allow(unchanged);
  if (card.state === 'received' && card.receivedOn !== null) return refuse({ reason: 'already-received', receivedOn: card.receivedOn });
  if (card.state === 'activated' && card.activatedOn !== null) return refuse({ reason: 'already-activated', activatedOn: card.activatedOn });
  if (card.state !== 'issued') return refuse({ reason: 'card-not-in-force', state: card.state });
  if (on > today) return refuse({ reason: 'date-in-future' });
  if (card.issuedOn !== null && on < card.issuedOn) return refuse({ reason: 'date-before-issue', issuedOn: card.issuedOn });
  return allow(after(card, [fact(on, { kind: 'card.received', card: card.number })]));
}

/**
 * A loss, replacement or cancellation happens after everything already
 * recorded about the card (issue, receipt, activation, a reported loss):
 * otherwise the card's history would contradict itself.
 */
function checkEndDate(card: Card, on: IsoDate, today: IsoDate): Refusal | null {
  if (on > today) return { reason: 'date-in-future' };
  if (card.state === 'lost' && card.endedOn !== null && on < card.endedOn) return { reason: 'date-before-loss', lostOn: card.endedOn };
  if (card.activatedOn !== null && on < card.activatedOn) return { reason: 'date-before-activation', activatedOn: card.activatedOn };
  if (card.receivedOn !== null && on < card.receivedOn) return { reason: 'date-before-receipt', receivedOn: card.receivedOn };
  if (card.issuedOn !== null && on < card.issuedOn) return { reason: 'date-before-issue', issuedOn: card.issuedOn };
  return null;
}

/** 挂失. Nothing changes when it is already reported lost. */
export function decideLoss(card: Card, on: IsoDate, today: IsoDate): Decision<CardChange> {
  if (card.state === 'lost') return allow(unchanged);
  if (!isInForce(card)) return refuse({ reason: 'card-not-in-force', state: card.state });
  const bad = checkEndDate(card, on, today);
  return bad ? refuse(bad) : allow(after(card, [fact(on, { kind: 'card.lost', card: card.number, temporary: false })]));
}

export interface Replacement {
  readonly old: Card;
  readonly replacement: Card;
  readonly facts: readonly Fact[];
}

/** 补换卡: a lost or damaged card is superseded by a new one, which gets its own activation window from its own receipt. */
export function decideReplacement(
  old: Card,
  newNumber: string,
  numberTaken: boolean,
  on: IsoDate,
  today: IsoDate,
  bank: string | null,
  reason: ReplaceReason | null = null,
): Decision<Replacement> {
  if (!isInForce(old) && old.state !== 'lost') return refuse({ reason: 'card-not-in-force', state: old.state });
  if (numberTaken) return refuse({ reason: 'card-number-taken' });
  const bad = checkEndDate(old, on, today);
  if (bad) return refuse(bad);
  const facts = [
    fact(on, { kind: 'card.replaced', card: old.number, newCard: newNumber, reason }),
    issueFact({ number: newNumber, bank: bank ?? old.bank, issuedOn: on, policy: old.policy, generation: old.generation, expiresOn: null }, old.number),
  ];
  const state = applyAll({ ...emptyPerson(old.holderId), exists: true, cards: [old] }, facts);
  return allow({ old: state.cards[0]!, replacement: state.cards[1]!, facts });
}

/** 注销, e.g. the holder died or emigrated. Nothing changes when it is already cancelled. */
export function decideCancellation(card: Card, on: IsoDate, today: IsoDate): Decision<CardChange> {
  if (card.state === 'cancelled') return allow(unchanged);
  if (card.state === 'replaced') return refuse({ reason: 'card-not-in-force', state: card.state });
  const bad = checkEndDate(card, on, today);
  return bad ? refuse(bad) : allow(after(card, [fact(on, { kind: 'card.cancelled', card: card.number })]));
}
