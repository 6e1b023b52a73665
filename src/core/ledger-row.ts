// One row of a bulk import (`sscard import`): a person, optionally a hire
// (and its end), a card (and its application, its wait at the outlet, a
// corrected policy) or an application with no card yet, and an e-card claim.
// The row goes through the SAME decisions as the single commands
// (register-employee, leave, card apply/fail/issue/ready/set-policy/receive,
// enable, activate, ecard claim), with the same `Judging`
// (decision.ts), chained over the person's state in memory, so that a row
// can never do what a command would refuse, and is refused with the same
// code; the result is the facts to record, or the first refusal and the
// column it is about.
import type { IsoDate } from './calendar-date.js';
import {
  type Card,
  cardsAsOf,
  currentCard,
  decideActivation,
  decideApply,
  decideCancellation,
  decideEnable,
  decideFail,
  decideIssue,
  decideLoss,
  decideReady,
  decideReceipt,
  decideSetPolicy,
  isInForce,
} from './card.js';
import type { CitizenId } from './citizen-id.js';
import type { Judging } from './decision.js';
import type { Refusal } from './refusal.js';
import { decideEcardClaim, type EcardChannel } from './ecard.js';
import { applyAll, type Fact, fact, type PersonState, personFacts } from './events.js';
import { findHire, hirePlace, openHireOtherThan } from './hire-places.js';
import { baseFacts, decideRegistration } from './registration.js';
import { decideLeave } from './separation.js';
import type { Hire } from './state.js';

export interface LedgerRow {
  readonly id: CitizenId;
  readonly name: string | null;
  /** The row's hire, as the ledger holds one (a flexible worker registers themself, without an employer: SPEC 1.5). */
  readonly hire: Hire | null;
  readonly card: {
    readonly number: string;
    readonly bank: string | null;
    /** The policy a new card is issued under: the row's, else the default. */
    readonly policy: string;
    /** The row names the policy: a card recorded under another one is corrected to it (card set-policy). */
    readonly policyGiven: boolean;
    readonly generation: 2 | 3;
    /** 申领: the application the card completed (card apply, then card issue). */
    readonly appliedOn: IsoDate | null;
    readonly issuedOn: IsoDate | null;
    /** 网点签收 / 待领卡: waiting at the outlet since, and which outlet (card ready). */
    readonly readyOn: IsoDate | null;
    readonly readyAt: string | null;
    readonly receivedOn: IsoDate | null;
    readonly enabledOn: IsoDate | null;
    readonly activatedOn: IsoDate | null;
    /** Who activated for a holder under 16 (SPEC 1.3). */
    readonly guardian: CitizenId | null;
    readonly expiresOn: IsoDate | null;
    /** A card out of force: reported lost (temporarily or formally) or cancelled, on a day. */
    readonly end: { readonly state: 'lost' | 'cancelled'; readonly on: IsoDate; readonly temporary: boolean } | null;
  } | null;
  /** An application no card has completed (a row without a card number): being made (制卡中), or failed (制卡失败) on `failedOn`. */
  readonly application: {
    readonly appliedOn: IsoDate;
    readonly policy: string;
    readonly generation: 2 | 3;
    readonly failedOn: IsoDate | null;
    readonly reason: string | null;
  } | null;
  readonly ecard: { readonly channel: EcardChannel | null; readonly claimedOn: IsoDate } | null;
}

/**
 * Why a row is refused, and the column it is about: a decision's refusal
 * (the same code a command gives), or what only a row can say: the card is
 * recorded as activated on another day than the row's.
 */
export type RowProblem =
  | { readonly field: string; readonly refusal: Refusal }
  | { readonly field: 'activated_on'; readonly other: 'activated-on-another-date' }
  /** The card is recorded with another application date (or none): an application cannot be added to a card already made. */
  | { readonly field: 'applied_on'; readonly other: 'applied-on-another-date' };

export type RowPlan =
  | { readonly ok: true; readonly facts: readonly Fact[]; readonly state: PersonState }
  | { readonly ok: false; readonly problem: RowProblem };

/** The column of a hire's refusal. */
const hireField = (reason: Refusal['reason']): string =>
  reason === 'flexible-with-employer'
    ? 'employer'
    : reason === 'registered-before-hire' || reason === 'registration-in-future' || reason === 'already-registered'
      ? 'registered_on'
      : reason === 'done-before-leaving' || reason === 'done-in-future' || reason === 'already-done'
        ? 'separation_done_on'
        : reason === 'left-before-hire' || reason === 'already-left' || reason === 'no-open-hire' || reason === 'several-open-hires'
          ? 'left_on'
          : 'hired_on';

/**
 * An employee hire the row would add beside an open one with the same
 * employer and another hire date: most often the same employment with its
 * hire date corrected in the file, which would leave two open hires and two
 * registration duties (issue 28). Import still records it (two real
 * employments with one employer exist: a rehire), and says so. Null when the
 * row adds no such hire.
 */
export function openHireBeside(row: LedgerRow, person: PersonState): Hire | null {
  if (row.hire?.kind !== 'employee') return null;
  const { employer, hiredOn } = row.hire;
  if (hirePlace(person.hires, employer, hiredOn) !== -1) return null; // already recorded: nothing added
  return openHireOtherThan(person.hires, employer, hiredOn);
}

/**
 * `person`: the row's person as the ledger has them (replayed); `cardHolder`:
 * whose card the row's card number is in the ledger, or null; `j`: the
 * commands' own Judging (the day, the calendar, the card policies).
 */
export function planRow(row: LedgerRow, person: PersonState, cardHolder: string | null, j: Judging): RowPlan {
  const { today } = j;
  const fail = (field: string, refusal: Refusal): RowPlan => ({ ok: false, problem: { field, refusal } });
  const facts: Fact[] = [];
  let state = person;
  const record = (more: readonly Fact[]) => {
    if (more.length === 0) return; // most rows' base, end, card and e-card: nothing to add
    for (const f of more) facts.push(f);
    state = applyAll(state, more);
  };

  record(personFacts(state, row.name));

  if (row.hire) {
    const { kind, employer, hiredOn, registeredOn, leftOn, separationDoneOn, base } = row.hire;
    const registration = decideRegistration(state.hires, { kind, employer, hiredOn, registeredOn, birthDate: row.id.birthDate }, j);
    if (!registration.ok) return fail(hireField(registration.refusal.reason), registration.refusal);
    record(registration.value.facts);
    record(baseFacts(findHire(state.hires, employer, hiredOn)!, base));
    if (leftOn !== null && employer !== null) {
      const current = findHire(state.hires, employer, hiredOn)!;
      // The same end recorded again (a re-import) changes nothing.
      if (current.leftOn !== leftOn || (separationDoneOn !== null && current.separationDoneOn !== separationDoneOn)) {
        const left = decideLeave(state.hires, { employer, hiredOn, leftOn, doneOn: separationDoneOn }, j);
        if (!left.ok) return fail(hireField(left.refusal.reason), left.refusal);
        record(left.value.facts);
      }
    }
  }

  // An application no card completed yet (制卡中, 制卡失败); one a card of the ledger completed (its 申领 date) is history already.
  const application = row.application;
  if (application && !state.cards.some((c) => c.appliedOn === application.appliedOn)) {
    const open = state.application ?? null;
    if (open?.appliedOn !== application.appliedOn) {
      const applied = decideApply(state.cards, open, { on: application.appliedOn, policy: application.policy, generation: application.generation }, j);
      if (!applied.ok) return fail('applied_on', applied.refusal);
      record(applied.value.facts);
    }
  }

  if (row.card) {
    const given = row.card;
    let card: Card | undefined = state.cards.find((c) => c.number === given.number);
    if (card === undefined) {
      // Without an issue date, the earliest date known for the card stands in for it.
      const issuedOn = given.issuedOn ?? given.readyOn ?? given.receivedOn ?? given.activatedOn ?? today;
      // The application the card completed comes first, as `card apply` then `card issue`.
      if (given.appliedOn !== null && state.application?.appliedOn !== given.appliedOn) {
        const applied = decideApply(state.cards, state.application ?? null, { on: given.appliedOn, policy: given.policy, generation: given.generation }, j);
        if (!applied.ok) return fail('applied_on', applied.refusal);
        record(applied.value.facts);
      }
      // Another person's card number is taken, as `card issue` says of it.
      const taken = cardHolder !== null && cardHolder !== row.id.number;
      const issued = decideIssue(
        state.cards,
        taken,
        {
          number: given.number,
          holderId: row.id.number,
          bank: given.bank,
          issuedOn,
          policy: given.policy,
          generation: given.generation,
          expiresOn: given.expiresOn,
        },
        j,
        state.application ?? null,
      );
      if (!issued.ok) {
        const { reason } = issued.refusal;
        const field =
          reason === 'date-in-future'
            ? 'issued_on'
            : reason === 'expiry-before-issue'
              ? 'expires_on'
              : reason === 'date-before-application'
                ? 'applied_on'
                : 'card_number';
        return fail(field, issued.refusal);
      }
      record(issued.value.facts);
      card = issued.value.card!;
    } else {
      // A card already made: its application cannot be added or moved afterwards.
      if (given.appliedOn !== null && card.appliedOn !== given.appliedOn)
        return { ok: false, problem: { field: 'applied_on', other: 'applied-on-another-date' } };
      // The row names another policy than the ledger's: the correction `card set-policy` records.
      if (given.policyGiven && card.policy !== given.policy) {
        const corrected = decideSetPolicy(card, given.policy);
        if (!corrected.ok) return fail('policy', corrected.refusal);
        record(corrected.value.facts);
        card = corrected.value.card ?? card;
      }
    }
    if (given.readyOn !== null && card.readyOn !== given.readyOn) {
      const ready = decideReady(card, given.readyOn, given.readyAt, j);
      if (!ready.ok) return fail('ready_on', ready.refusal);
      record(ready.value.facts);
      card = ready.value.card ?? card;
    }
    if (given.receivedOn !== null && card.receivedOn !== given.receivedOn) {
      const received = decideReceipt(card, given.receivedOn, j);
      if (!received.ok) return fail('received_on', received.refusal);
      record(received.value.facts);
      card = received.value.card ?? card;
    }
    // 启用 before the bank activation (SPEC 1.3); on the activation day, activation does it.
    if (given.enabledOn !== null && card.enabledOn !== given.enabledOn && (given.activatedOn === null || given.enabledOn < given.activatedOn)) {
      const enabled = decideEnable(card, given.enabledOn, null, j);
      if (!enabled.ok) return fail('enabled_on', enabled.refusal);
      record(enabled.value.facts);
      card = enabled.value.card ?? card;
    }
    if (given.activatedOn !== null) {
      if (card.state === 'activated') {
        if (card.activatedOn !== given.activatedOn) return { ok: false, problem: { field: 'activated_on', other: 'activated-on-another-date' } };
      } else {
        // The holder (or their guardian) activates in person with the holder's identity document.
        const activated = decideActivation(card, { holder: row.id, idDocument: row.id, on: given.activatedOn, outlet: null, guardian: given.guardian }, j);
        if (!activated.ok) return fail(activated.refusal.reason.startsWith('guardian') ? 'guardian_id' : 'activated_on', activated.refusal);
        record(activated.value.facts);
      }
    }
  }

  // The same claim again (a second row of the person, a re-import) changes nothing, whatever the card's state since.
  if (row.ecard && !(state.ecard !== null && state.ecard.claimedOn === row.ecard.claimedOn && state.ecard.channel === row.ecard.channel)) {
    const inForce = currentCard(cardsAsOf(state.cards, today, j));
    // An e-card claimed before the card in force was issued was claimed with an
    // earlier card (it follows a replacement, SPEC 1.4) that the row cannot show:
    // the claim stands as a fact of its own, judged by the earlier card's rules
    // the row cannot show either (only that it is not in the future).
    if (inForce && isInForce(inForce) && inForce.issuedOn !== null && row.ecard.claimedOn < inForce.issuedOn) {
      if (state.ecard === null) record([fact(row.ecard.claimedOn, { kind: 'ecard.claimed', channel: row.ecard.channel })]);
    } else {
      // A third-generation card applied for: its e-card exists from the application (SPEC 1.4 v3), as `ecard claim` judges it.
      const claimed = decideEcardClaim(state.ecard, state.cards, row.ecard, j, state.application ?? null);
      if (!claimed.ok) return fail('ecard_claimed_on', claimed.refusal);
      record(claimed.value.facts);
    }
  }

  // An application's failure comes last, as a card's end does: a third-generation e-card was claimed while it was open.
  if (
    application &&
    application.failedOn !== null &&
    state.application?.appliedOn === application.appliedOn &&
    state.application.failedOn !== application.failedOn
  ) {
    const failed = decideFail(state.application, application.failedOn, application.reason, j);
    if (!failed.ok) return fail('failed_on', failed.refusal);
    record(failed.value.facts);
  }

  // A card's end comes last: the e-card was claimed while it was in force.
  const end = row.card?.end;
  if (row.card && end) {
    const card = state.cards.find((c) => c.number === row.card!.number)!;
    const already = end.state === 'lost' ? card.state === 'lost' && card.loss?.kind === (end.temporary ? 'temporary' : 'formal') : card.state === 'cancelled';
    if (!already) {
      const ended = end.state === 'lost' ? decideLoss(card, end.on, j, end.temporary) : decideCancellation(card, end.on, j);
      if (!ended.ok) return fail('card_ended_on', ended.refusal);
      record(ended.value.facts);
    }
  }

  return { ok: true, facts, state };
}
