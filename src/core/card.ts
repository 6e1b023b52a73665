// The physical social security card (社会保障卡) and its lifecycle.
// Activation (启用) is in person at an outlet of the issuing bank, with the
// card and the ORIGINAL identity document; it cannot be done online.
import { daysBetween, type IsoDate } from './calendar-date.js';
import { ageOn, type CitizenId } from './citizen-id.js';
import type { RestDayCalendar } from './holidays.js';
import { type Deadline, deadlineOf, hasPassed } from './period.js';

export type CardState = 'issued' | 'received' | 'activated' | 'lost' | 'replaced' | 'cancelled';

export interface Card {
  readonly number: string;
  readonly holderId: string;
  readonly bank: string | null;
  readonly state: CardState;
  readonly issuedOn: IsoDate | null;
  readonly receivedOn: IsoDate | null;
  readonly activatedOn: IsoDate | null;
  readonly outlet: string | null;
  /** The guardian who activated for a holder under 16. */
  readonly guardianId: string | null;
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

export interface ActivationRequest {
  readonly holder: CitizenId;
  /** The identity document shown at the counter, already validated. */
  readonly idDocument: CitizenId;
  readonly on: IsoDate;
  readonly outlet: string | null;
  readonly guardian: CitizenId | null;
}

export type ActivationOutcome =
  | { readonly kind: 'activated'; readonly card: Card; readonly receiptRecorded: boolean }
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
  const guardianId = guardian?.number ?? null;
  // A card activated before its receipt was recorded was evidently received by then.
  const receiptRecorded = card.receivedOn === null;
  return allow({
    kind: 'activated',
    receiptRecorded,
    card: {
      ...card,
      state: 'activated',
      receivedOn: card.receivedOn ?? request.on,
      activatedOn: request.on,
      outlet: request.outlet,
      guardianId,
    },
  });
}

export function decideIssue(
  holderCards: readonly Card[],
  numberTaken: boolean,
  card: { number: string; holderId: string; bank: string | null; issuedOn: IsoDate },
  today: IsoDate,
): Decision<Card> {
  if (numberTaken) return refuse({ reason: 'card-number-taken' });
  const inForce = holderCards.find(isInForce);
  if (inForce) return refuse({ reason: 'has-card-in-force', card: inForce.number });
  if (card.issuedOn > today) return refuse({ reason: 'date-in-future' });
  return allow(newCard(card));
}

function newCard(card: { number: string; holderId: string; bank: string | null; issuedOn: IsoDate }): Card {
  return {
    ...card,
    state: 'issued',
    receivedOn: null,
    activatedOn: null,
    outlet: null,
    guardianId: null,
    endedOn: null,
    replacedBy: null,
  };
}

/** `null` value: nothing to change (the same receipt recorded again). */
export function decideReceipt(card: Card, on: IsoDate, today: IsoDate): Decision<Card | null> {
  if (card.state === 'received' && card.receivedOn === on) return allow(null);
  if (card.state === 'received' && card.receivedOn !== null) return refuse({ reason: 'already-received', receivedOn: card.receivedOn });
  if (card.state === 'activated' && card.activatedOn !== null) return refuse({ reason: 'already-activated', activatedOn: card.activatedOn });
  if (card.state !== 'issued') return refuse({ reason: 'card-not-in-force', state: card.state });
  if (on > today) return refuse({ reason: 'date-in-future' });
  if (card.issuedOn !== null && on < card.issuedOn) return refuse({ reason: 'date-before-issue', issuedOn: card.issuedOn });
  return allow({ ...card, state: 'received', receivedOn: on });
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

/** 挂失. `null` value: already reported lost. */
export function decideLoss(card: Card, on: IsoDate, today: IsoDate): Decision<Card | null> {
  if (card.state === 'lost') return allow(null);
  if (!isInForce(card)) return refuse({ reason: 'card-not-in-force', state: card.state });
  const bad = checkEndDate(card, on, today);
  return bad ? refuse(bad) : allow({ ...card, state: 'lost', endedOn: on });
}

/** 补换卡: a lost or damaged card is superseded by a new one, which gets its own activation window from its own receipt. */
export function decideReplacement(
  old: Card,
  newNumber: string,
  numberTaken: boolean,
  on: IsoDate,
  today: IsoDate,
  bank: string | null,
): Decision<{ old: Card; replacement: Card }> {
  if (!isInForce(old) && old.state !== 'lost') return refuse({ reason: 'card-not-in-force', state: old.state });
  if (numberTaken) return refuse({ reason: 'card-number-taken' });
  const bad = checkEndDate(old, on, today);
  if (bad) return refuse(bad);
  return allow({
    old: { ...old, state: 'replaced', endedOn: old.state === 'lost' ? old.endedOn : on, replacedBy: newNumber },
    replacement: newCard({ number: newNumber, holderId: old.holderId, bank: bank ?? old.bank, issuedOn: on }),
  });
}

/** 注销, e.g. the holder died or emigrated. `null` value: already cancelled. */
export function decideCancellation(card: Card, on: IsoDate, today: IsoDate): Decision<Card | null> {
  if (card.state === 'cancelled') return allow(null);
  if (card.state === 'replaced') return refuse({ reason: 'card-not-in-force', state: card.state });
  const bad = checkEndDate(card, on, today);
  return bad ? refuse(bad) : allow({ ...card, state: 'cancelled', endedOn: card.state === 'lost' ? card.endedOn : on });
}
