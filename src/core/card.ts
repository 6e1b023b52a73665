// The physical social security card (社会保障卡) and its lifecycle (SPEC 1.3).
// A card has two functions switched on separately: the social-security
// function (启用: online, at a window, or by first use in a hospital) and the
// financial function (激活: in person at a counter of the issuing bank, with
// the card and the ORIGINAL identity document; never online). Which window
// applies and what missing it does is the card's policy (policy.ts).
import { addDays, daysBetween, type IsoDate } from './calendar-date.js';
import { ageOn, type CitizenId } from './citizen-id.js';
import type { RestDayCalendar } from './holidays.js';
import { allow, type Decision, type Judging, refuse } from './decision.js';
import { type Application, applyAll, emptyPerson, type Fact, fact } from './events.js';
import { type Deadline, deadlineOf, hasPassed } from './period.js';
import { type Card, type CardState, type EnableChannel, IN_FORCE, isInForce, type ReplaceReason } from './state.js';
import {
  afterLapse,
  type Consequence,
  formalLossLiftable,
  lapseOf,
  lapseUnit,
  type LossUnit,
  lossLapsesOn,
  type Policy,
  type PolicyBook,
  policyExpiry,
  policyOf,
  renewalFrom,
  renewalNeeded,
  type Unknown,
} from './policy.js';

export { type Card, type CardState, ENABLE_CHANNELS, type EnableChannel, isInForce, type Loss, REPLACE_REASONS, type ReplaceReason } from './state.js';

/** Below this age a guardian (监护人) activates the card for the holder. */
export const GUARDIAN_REQUIRED_UNDER = 16;
export const GUARDIAN_MIN_AGE = 18;

/** Nine upper-case letters or digits; input is normalised to upper case. */
export function normaliseCardNumber(input: string): string | null {
  const number = input.trim().toUpperCase();
  return /^[0-9A-Z]{9}$/.test(number) ? number : null;
}

/** The card in force, or else the most recent card (SPEC: `status`'s `card`). Cards are given oldest first. */
export function currentCard(cards: readonly Card[]): Card | null {
  return cards.find(isInForce) ?? cards[cards.length - 1] ?? null;
}

/** The day the policy's needed function was switched on, or null. */
const neededOn = (card: Card, policy: Policy): IsoDate | null =>
  (policy.activation?.needs ?? 'activated') === 'activated' ? card.activatedOn : card.enabledOn;

/**
 * The policy's window, from receipt or from issue (none before that day, none
 * under a policy without a window). A card that left force keeps the window
 * it had: it explains a consequence that outlives a loss (see cardStatus),
 * and it is history like the dates.
 */
export function activationDeadline(card: Card, policy: Policy, calendar: RestDayCalendar): Deadline | null {
  const window = policy.activation;
  if (window === null) return null;
  const start = window.from === 'issued' ? card.issuedOn : card.receivedOn;
  return start === null ? null : deadlineOf(start, window.period, calendar);
}

/** How many days after its deadline the card was activated (late activation is allowed); null when in time or not activated. */
export function activationDaysLate(card: Card, policy: Policy, calendar: RestDayCalendar): number | null {
  const deadline = activationDeadline(card, policy, calendar);
  if (deadline === null || card.activatedOn === null) return null;
  const late = daysBetween(deadline.date, card.activatedOn);
  return late > 0 ? late : null;
}

/**
 * The card as it stands on `today` under its policy. Two states depend on
 * the day alone and are therefore derived here, never stored:
 *
 * - a temporary loss (临时挂失) lapses after the policy's days: `lift` puts
 *   the card back in the state it had (自然解挂), `cancel` cancels it from
 *   the day after the last day;
 * - under a `sealed` policy, a card in force whose needed function was not
 *   switched on by the deadline is sealed (逾期封存) from the day after it:
 *   void, out of force, and a new card must be applied for.
 */
export function cardOn(card: Card, policy: Policy, today: IsoDate, calendar: RestDayCalendar): Card {
  let c = card;
  if (c.state === 'lost' && c.loss?.kind === 'temporary') {
    // A loss that never lapses, or whose lapse no source gives, holds until `card found` or a formal report.
    const last = lossLapsesOn(c.loss.reportedOn, policy, calendar);
    const then = afterLapse(policy);
    if (last !== null && today > last && then !== 'stay') {
      c = then === 'lift' ? { ...c, state: c.loss.resumes, loss: null, endedOn: null } : { ...c, state: 'cancelled', loss: null, endedOn: addDays(last, 1) };
    }
  }
  if (policy.consequence === 'sealed' && (c.state === 'issued' || c.state === 'received')) {
    const deadline = activationDeadline(c, policy, calendar);
    const done = neededOn(c, policy);
    if (deadline !== null && hasPassed(deadline, today) && (done === null || done > deadline.date)) {
      c = { ...c, state: 'sealed', endedOn: addDays(deadline.date, 1) };
    }
  }
  // Made and waiting at the outlet (网点签收, 待领卡) until collected.
  if (c.state === 'issued' && c.readyOn !== null) c = { ...c, state: 'ready' };
  return c;
}

/** Every card of a holder as it stands on `today`, each under its own policy. */
export function cardsOn(cards: readonly Card[], book: PolicyBook, today: IsoDate, calendar: RestDayCalendar): Card[] {
  return cards.map((card) => cardOn(card, policyOf(book, card.policy), today, calendar));
}

/**
 * The card as it stood on the day of an act (`on`; never later than the
 * judging day), under its own policy: what every card decision judges. The
 * day of the act, not the day it is recorded: a card activated in time and
 * recorded a year later was not sealed when the holder went to the bank; a
 * temporary loss found within its days was still a loss that day.
 */
export function cardAsOf(card: Card, on: IsoDate, j: Judging): Card {
  return cardOn(card, policyOf(j.policies, card.policy), on < j.today ? on : j.today, j.calendar);
}

/** A holder's cards as they stood on the day of an act (cardAsOf). */
export function cardsAsOf(cards: readonly Card[], on: IsoDate, j: Judging): Card[] {
  return cards.map((card) => cardAsOf(card, on, j));
}

/** A card's status on the judging day, under its own policy (cardStatus): what a command shows after a decision. */
export function statusOf(card: Card, j: Judging): CardStatus {
  return cardStatus(card, policyOf(j.policies, card.policy), j.today, j.calendar);
}

export interface CardStatus {
  /** The card as it stands that day (cardOn): sealed, or its temporary loss lapsed. */
  readonly card: Card | null;
  readonly policy: Policy | null;
  readonly deadline: Deadline | null;
  /** To the activation deadline while the card waits for the policy's function; null once on, or with no window. */
  readonly daysLeft: number | null;
  readonly medicalInsurance: 'normal' | 'restricted';
  readonly consequence: { readonly kind: Exclude<Consequence, 'none'>; readonly since: IsoDate } | null;
  readonly socialFunction: 'sealed' | 'enabled';
  readonly financialFunction: 'inactive' | 'active';
  readonly loss: {
    readonly kind: 'temporary' | 'formal';
    readonly reportedOn: IsoDate;
    readonly lapsesOn: IsoDate | null;
    /** How a temporary loss lapses under the policy (null for a formal loss). */
    readonly lapses: LossUnit | Unknown | null;
    /** A function with a loss period of its own (Yongkang): the last day its temporary loss holds. */
    readonly functions: { readonly social?: IsoDate | null; readonly financial?: IsoDate | null } | null;
  } | null;
  /** The printed expiry, else the policy's by the holder's age at issue (Shanghai). */
  readonly expiresOn: IsoDate | null;
  /** Expired and the policy needs no renewal while the card works: usable, with a note. */
  readonly expiredButUsable: boolean;
  readonly renewalFrom: IsoDate | null;
}

const NO_CARD: CardStatus = {
  card: null,
  policy: null,
  deadline: null,
  daysLeft: null,
  medicalInsurance: 'normal',
  consequence: null,
  socialFunction: 'sealed',
  financialFunction: 'inactive',
  loss: null,
  expiresOn: null,
  expiredButUsable: false,
  renewalFrom: null,
};

/**
 * The card's window and what missing it does, by its policy (SPEC 1.3, 1.8):
 *
 * - `medical-insurance-restricted` (seed) and `social-function-suspended`
 *   (Shanxi) last from the day after the deadline until the needed function
 *   is switched on, however late. A lost card that never had it stays under
 *   the consequence: reporting a loss switches nothing on. Recording the
 *   replacement ends it, since the replacement is then the card shown, with
 *   its own window. A cancelled card (the holder died or emigrated) ends the
 *   holder's card altogether: no consequence is reported for it.
 * - `sealed` (Guangdong) is final: the card's state is `sealed` (cardOn).
 * - `daysLeft` counts only while the card waits in force (issued or
 *   received); otherwise the window shows as history, with no count.
 * - While a social function is suspended it is reported `sealed` (封存),
 *   as is the social function of a sealed card.
 */
export function cardStatus(stored: Card | null, policy: Policy, today: IsoDate, calendar: RestDayCalendar): CardStatus {
  if (stored === null) return NO_CARD;
  const card = cardOn(stored, policy, today, calendar);
  const deadline = activationDeadline(card, policy, calendar);
  const done = neededOn(card, policy) !== null;
  const waiting = (card.state === 'issued' || card.state === 'ready' || card.state === 'received') && !done;
  const daysLeft = waiting && deadline ? daysBetween(today, deadline.date) : null;
  let consequence: CardStatus['consequence'] = null;
  if (card.state === 'sealed') {
    consequence = { kind: 'sealed', since: card.endedOn! };
  } else if (
    deadline !== null &&
    hasPassed(deadline, today) &&
    (policy.consequence === 'medical-insurance-restricted' || policy.consequence === 'social-function-suspended')
  ) {
    if (waiting || (card.state === 'lost' && !done)) consequence = { kind: policy.consequence, since: addDays(deadline.date, 1) };
  }
  const { loss } = card;
  const expiresOn = expiryOf(card, policy);
  const renew = renewalNeeded(policy);
  return {
    card,
    policy,
    deadline,
    daysLeft,
    medicalInsurance: consequence?.kind === 'medical-insurance-restricted' ? 'restricted' : 'normal',
    consequence,
    socialFunction: card.enabledOn !== null && card.state !== 'sealed' && consequence?.kind !== 'social-function-suspended' ? 'enabled' : 'sealed',
    financialFunction: card.activatedOn !== null ? 'active' : 'inactive',
    loss:
      card.state === 'lost' && loss
        ? {
            kind: loss.kind,
            reportedOn: loss.reportedOn,
            lapsesOn: loss.kind === 'temporary' ? lossLapsesOn(loss.reportedOn, policy, calendar) : null,
            lapses: loss.kind === 'temporary' ? lapseUnit(policy) : null,
            functions:
              loss.kind === 'temporary' && policy.functionLoss !== null
                ? Object.fromEntries(
                    (['social', 'financial'] as const)
                      .filter((fn) => policy.functionLoss?.[fn] !== undefined)
                      .map((fn) => [fn, lapseOf(loss.reportedOn, policy.functionLoss![fn]!, calendar)]),
                  )
                : null,
          }
        : null,
    expiresOn,
    expiredButUsable: !renew && expiresOn !== null && today > expiresOn && IN_FORCE.has(card.state),
    renewalFrom: expiresOn === null || !renew ? null : renewalFrom(expiresOn, policy),
  };
}

/** The holder's birth date, from the identity number (digits 7-14; the same in every kind of number sscard accepts). */
const birthDateOf = (holderId: string): IsoDate => `${holderId.slice(6, 10)}-${holderId.slice(10, 12)}-${holderId.slice(12, 14)}` as IsoDate;

/** The expiry printed on the card (recorded with `--expires-on`), else the one its policy gives by the holder's age at issue. */
export function expiryOf(card: Card, policy: Policy): IsoDate | null {
  if (card.expiresOn !== null) return card.expiresOn;
  return card.issuedOn === null ? null : policyExpiry(policy, birthDateOf(card.holderId), card.issuedOn);
}

/** Why a card decision refuses; `reason` is the code (decision.ts). */
export type CardRefusal =
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
  | { readonly reason: 'expiry-before-issue'; readonly expiresOn: IsoDate; readonly issuedOn: IsoDate }
  | { readonly reason: 'no-card' }
  /** 补领 needs 正式挂失: a card only temporarily reported lost cannot be replaced. */
  | { readonly reason: 'temporary-loss' }
  | { readonly reason: 'loss-not-reported' }
  | { readonly reason: 'replacement-recorded'; readonly newCard: string }
  | { readonly reason: 'not-lost'; readonly state: CardState }
  /** The policy says a formal loss (正式挂失) cannot be lifted (Beijing, Xi'an, Changchun): the card is void. */
  | { readonly reason: 'formal-loss-not-liftable'; readonly policy: string }
  | { readonly reason: 'card-not-received' }
  /** Collected before it reached the outlet. */
  | { readonly reason: 'date-before-ready'; readonly readyOn: IsoDate }
  /** `card ready` on a card already at the outlet, or collected. */
  | { readonly reason: 'already-ready'; readonly readyOn: IsoDate }
  /** `card fail` or `card issue` against an application: none is open. */
  | { readonly reason: 'no-application' }
  /** `card apply` while a card is being made (an application open) or one is in force. */
  | { readonly reason: 'application-open'; readonly appliedOn: IsoDate }
  | { readonly reason: 'date-before-application'; readonly appliedOn: IsoDate }
  /** `card set-policy` to the policy the card already has. */
  | { readonly reason: 'same-policy'; readonly policy: string };

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
  | { readonly kind: 'already-activated'; readonly card: Card; readonly facts: readonly [] };

/** 激活 at the bank (SPEC 1.3): `stored` is the card as replayed; it is judged as it stood on `request.on` (cardAsOf). */
export function decideActivation(stored: Card, request: ActivationRequest, j: Judging): Decision<ActivationOutcome, CardRefusal> {
  const { today } = j;
  // Checked first, so that a stranger's number learns nothing about the card.
  if (request.idDocument.number !== request.holder.number) return refuse({ reason: 'id-mismatch' });
  const card = cardAsOf(stored, request.on, j);
  if (card.state === 'activated') return allow({ kind: 'already-activated', card, facts: [] });
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
  return allow({ kind: 'activated', receiptRecorded, card: after(stored, facts).card!, facts });
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

/** A card is valid for years from its issue (第三代卡 10 years): an expiry on or before the issue day is a mistyped date. */
export function expiresBeforeIssue(issuedOn: IsoDate, expiresOn: IsoDate): boolean {
  return expiresOn <= issuedOn;
}

/**
 * A card made for a holder (制卡). One card in force at a time: the holder's
 * cards are judged as they stood on the issue day (a card sealed by then is
 * out of force). `numberTaken`: the number is another card's in the ledger.
 * `application`: the holder's open application (card apply), which the card
 * completes (SPEC 1.3 v3).
 */
export function decideIssue(
  holderCards: readonly Card[],
  numberTaken: boolean,
  request: IssueRequest,
  j: Judging,
  application: Application | null = null,
): Decision<CardChange, CardRefusal> {
  const { today } = j;
  if (numberTaken) return refuse({ reason: 'card-number-taken' });
  const inForce = cardsAsOf(holderCards, request.issuedOn, j).find(isInForce);
  if (inForce) return refuse({ reason: 'has-card-in-force', card: inForce.number });
  if (request.issuedOn > today) return refuse({ reason: 'date-in-future' });
  // A card issued while an application is open completes it (events.ts): it cannot be made before it was applied for.
  const open = application && application.failedOn === null ? application : null;
  if (open && request.issuedOn < open.appliedOn) return refuse({ reason: 'date-before-application', appliedOn: open.appliedOn });
  if (request.expiresOn !== null && expiresBeforeIssue(request.issuedOn, request.expiresOn))
    return refuse({ reason: 'expiry-before-issue', expiresOn: request.expiresOn, issuedOn: request.issuedOn });
  const facts = [issueFact(request, null)];
  const state = applyAll({ ...emptyPerson(request.holderId), exists: true, application: open }, facts);
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
export function decideReceipt(stored: Card, on: IsoDate, j: Judging): Decision<CardChange, CardRefusal> {
  const { today } = j;
  const card = cardAsOf(stored, on, j);
  if (card.state === 'received' && card.receivedOn === on) return allow(unchanged);
  if (card.state === 'received' && card.receivedOn !== null) return refuse({ reason: 'already-received', receivedOn: card.receivedOn });
  if (card.state === 'activated' && card.activatedOn !== null) return refuse({ reason: 'already-activated', activatedOn: card.activatedOn });
  if (card.state !== 'issued' && card.state !== 'ready') return refuse({ reason: 'card-not-in-force', state: card.state });
  if (on > today) return refuse({ reason: 'date-in-future' });
  if (card.issuedOn !== null && on < card.issuedOn) return refuse({ reason: 'date-before-issue', issuedOn: card.issuedOn });
  if (card.readyOn !== null && on < card.readyOn) return refuse({ reason: 'date-before-ready', readyOn: card.readyOn });
  return allow(after(stored, [fact(on, { kind: 'card.received', card: card.number })]));
}

/**
 * A loss, replacement or cancellation happens after everything already
 * recorded about the card (issue, receipt, activation, a reported loss):
 * otherwise the card's history would contradict itself.
 */
function checkEndDate(card: Card, on: IsoDate, today: IsoDate): CardRefusal | null {
  if (on > today) return { reason: 'date-in-future' };
  if (card.state === 'lost' && card.endedOn !== null && on < card.endedOn) return { reason: 'date-before-loss', lostOn: card.endedOn };
  if (card.activatedOn !== null && on < card.activatedOn) return { reason: 'date-before-activation', activatedOn: card.activatedOn };
  if (card.receivedOn !== null && on < card.receivedOn) return { reason: 'date-before-receipt', receivedOn: card.receivedOn };
  if (card.issuedOn !== null && on < card.issuedOn) return { reason: 'date-before-issue', issuedOn: card.issuedOn };
  return null;
}

/**
 * 挂失: temporary (临时挂失, lapses by the policy, see cardOn) or formal
 * (正式挂失). A formal report on a temporarily lost card makes the loss
 * formal; otherwise nothing changes when the card is already reported lost.
 */
export function decideLoss(stored: Card, on: IsoDate, j: Judging, temporary = false): Decision<CardChange, CardRefusal> {
  const { today } = j;
  const card = cardAsOf(stored, on, j);
  if (card.state === 'lost') {
    if (temporary || card.loss?.kind !== 'temporary') return allow(unchanged);
    if (on > today) return refuse({ reason: 'date-in-future' });
    if (on < card.loss.reportedOn) return refuse({ reason: 'date-before-loss', lostOn: card.loss.reportedOn });
    return allow(after(stored, [fact(on, { kind: 'card.lost', card: card.number, temporary: false })]));
  }
  if (!isInForce(card)) return refuse({ reason: 'card-not-in-force', state: card.state });
  const bad = checkEndDate(card, on, today);
  return bad ? refuse(bad) : allow(after(stored, [fact(on, { kind: 'card.lost', card: card.number, temporary })]));
}

/**
 * 解挂: a found card returns to the state it had before the loss. Refused
 * once a replacement has been recorded for it (the loss then stands: the
 * new card supersedes it), and for a formal loss (正式挂失) where the card's
 * policy says it cannot be lifted (Beijing: 办理正式挂失后，不能再办理撤销挂失;
 * Xi'an; Changchun). The national Q&A allows it until a replacement is
 * applied for, so where no source says otherwise it is accepted.
 */
export function decideFound(stored: Card, on: IsoDate, j: Judging): Decision<CardChange, CardRefusal> {
  const { today } = j;
  const policy = policyOf(j.policies, stored.policy);
  const card = cardAsOf(stored, on, j);
  if (card.state === 'replaced' && card.replacedBy !== null) return refuse({ reason: 'replacement-recorded', newCard: card.replacedBy });
  if (card.state !== 'lost' || card.loss === null) return refuse({ reason: 'not-lost', state: card.state });
  if (card.loss.kind === 'formal' && !formalLossLiftable(policy)) return refuse({ reason: 'formal-loss-not-liftable', policy: policy.id });
  if (on > today) return refuse({ reason: 'date-in-future' });
  if (on < card.loss.reportedOn) return refuse({ reason: 'date-before-loss', lostOn: card.loss.reportedOn });
  return allow(after(stored, [fact(on, { kind: 'card.found', card: card.number })]));
}

/**
 * 启用 of the social-security function (SPEC 1.3): online, at a window, a
 * service bank or by first use in a hospital. Nothing changes when it is
 * already on. Enabling a card whose receipt was never recorded records the
 * receipt that day, as activation does: the holder evidently had it.
 */
export function decideEnable(stored: Card, on: IsoDate, channel: EnableChannel | null, j: Judging): Decision<CardChange, CardRefusal> {
  const { today } = j;
  const card = cardAsOf(stored, on, j);
  if (isInForce(card) && card.enabledOn !== null) return allow(unchanged);
  if (!isInForce(card)) return refuse({ reason: 'card-not-in-force', state: card.state });
  if (on > today) return refuse({ reason: 'date-in-future' });
  if (card.issuedOn !== null && on < card.issuedOn) return refuse({ reason: 'date-before-issue', issuedOn: card.issuedOn });
  if (card.receivedOn !== null && on < card.receivedOn) return refuse({ reason: 'date-before-receipt', receivedOn: card.receivedOn });
  return allow(
    after(stored, [
      ...(card.receivedOn === null ? [fact(on, { kind: 'card.received', card: card.number })] : []),
      fact(on, { kind: 'card.enabled', card: card.number, channel }),
    ]),
  );
}

export interface Replacement {
  readonly old: Card;
  readonly replacement: Card;
  readonly facts: readonly Fact[];
}

export interface ReplacementRequest {
  readonly newNumber: string;
  readonly numberTaken: boolean;
  readonly on: IsoDate;
  readonly bank: string | null;
  readonly reason: ReplaceReason | null;
  /** The new card's policy; null: the old card's. */
  readonly policy: string | null;
}

/**
 * 补换卡: the old card is superseded by a new one (same holder, policy and
 * generation unless told), which has its own window from its own receipt
 * or issue. A lost card is replaced (补领) only after a FORMAL loss
 * (正式挂失); a card replaced for loss must have been reported lost.
 */
export function decideReplacement(stored: Card, request: ReplacementRequest, j: Judging): Decision<Replacement, CardRefusal> {
  const { today } = j;
  const old = cardAsOf(stored, request.on, j);
  if (!isInForce(old) && old.state !== 'lost') return refuse({ reason: 'card-not-in-force', state: old.state });
  if (old.state === 'lost' && old.loss?.kind === 'temporary') return refuse({ reason: 'temporary-loss' });
  if (request.reason === 'loss' && old.state !== 'lost') return refuse({ reason: 'loss-not-reported' });
  if (request.numberTaken) return refuse({ reason: 'card-number-taken' });
  const bad = checkEndDate(old, request.on, today);
  if (bad) return refuse(bad);
  const facts = [
    fact(request.on, { kind: 'card.replaced', card: old.number, newCard: request.newNumber, reason: request.reason }),
    issueFact(
      {
        number: request.newNumber,
        bank: request.bank ?? old.bank,
        issuedOn: request.on,
        policy: request.policy ?? old.policy,
        generation: old.generation,
        expiresOn: null,
      },
      old.number,
    ),
  ];
  const state = applyAll({ ...emptyPerson(old.holderId), exists: true, cards: [stored] }, facts);
  return allow({ old: state.cards[0]!, replacement: state.cards[1]!, facts });
}

/** 注销, e.g. the holder died or emigrated. Nothing changes when it is already cancelled; a sealed card is void already. */
export function decideCancellation(stored: Card, on: IsoDate, j: Judging): Decision<CardChange, CardRefusal> {
  const { today } = j;
  const card = cardAsOf(stored, on, j);
  if (card.state === 'cancelled') return allow(unchanged);
  if (card.state === 'replaced' || card.state === 'sealed') return refuse({ reason: 'card-not-in-force', state: card.state });
  const bad = checkEndDate(card, on, today);
  return bad ? refuse(bad) : allow(after(stored, [fact(on, { kind: 'card.cancelled', card: card.number })]));
}

/**
 * 申领 (SPEC 1.3 v3): a card applied for before any card number exists; it
 * is being made (制卡中) until `card issue` records the card, or `card fail`
 * the failure. Refused while another application is open or a card is in
 * force on that day (one card in force at a time; a replacement is `card
 * replace`).
 */
export function decideApply(
  holderCards: readonly Card[],
  application: Application | null,
  request: { readonly on: IsoDate; readonly policy: string; readonly generation: 2 | 3 },
  j: Judging,
): Decision<{ readonly facts: readonly Fact[] }, CardRefusal> {
  if (application && application.failedOn === null) return refuse({ reason: 'application-open', appliedOn: application.appliedOn });
  const inForce = cardsAsOf(holderCards, request.on, j).find(isInForce);
  if (inForce) return refuse({ reason: 'has-card-in-force', card: inForce.number });
  if (request.on > j.today) return refuse({ reason: 'date-in-future' });
  return allow({ facts: [fact(request.on, { kind: 'card.applied', policy: request.policy, generation: request.generation })] });
}

/** 制卡失败: the open application failed (a photo rejected, data wrong); the holder applies again. */
export function decideFail(
  application: Application | null,
  on: IsoDate,
  reason: string | null,
  j: Judging,
): Decision<{ readonly facts: readonly Fact[] }, CardRefusal> {
  if (!application || application.failedOn !== null) return refuse({ reason: 'no-application' });
  if (on > j.today) return refuse({ reason: 'date-in-future' });
  if (on < application.appliedOn) return refuse({ reason: 'date-before-application', appliedOn: application.appliedOn });
  return allow({ facts: [fact(on, { kind: 'card.failed', reason })] });
}

/**
 * 网点签收 / 待领卡: the card waits at the outlet. Only an issued card not yet
 * collected; its window under a policy that counts from issue keeps running
 * (Guangdong: collected and activated within a year, or sealed).
 */
export function decideReady(stored: Card, on: IsoDate, outlet: string | null, j: Judging): Decision<CardChange, CardRefusal> {
  const card = cardAsOf(stored, on, j);
  if (card.state === 'ready' && card.readyOn !== null) return refuse({ reason: 'already-ready', readyOn: card.readyOn });
  if (card.state !== 'issued') return refuse({ reason: 'card-not-in-force', state: card.state });
  if (on > j.today) return refuse({ reason: 'date-in-future' });
  if (card.issuedOn !== null && on < card.issuedOn) return refuse({ reason: 'date-before-issue', issuedOn: card.issuedOn });
  return allow(after(stored, [fact(on, { kind: 'card.ready', card: card.number, outlet })]));
}

/**
 * A correction (v3): the card was recorded under the wrong policy (a Guangzhou
 * holder who forgot `--policy`). One event without a day: every view, the
 * past ones too, judges the card under the right policy from now on.
 */
export function decideSetPolicy(stored: Card, policy: string): Decision<CardChange, CardRefusal> {
  if (stored.policy === policy) return refuse({ reason: 'same-policy', policy });
  return allow(after(stored, [fact(null, { kind: 'card.policy-set', card: stored.number, policy })]));
}
