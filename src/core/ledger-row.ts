// One row of a bulk import (`sscard import`): a person, optionally a hire
// (and its end), a card and an e-card claim. The row goes through the SAME
// decisions as the single commands (register-employee, leave, card
// issue/receive, enable, activate, ecard claim), chained over the person's
// state in memory, so that a row can never do what a command would refuse;
// the result is the facts to record, or the first refusal.
import type { IsoDate } from './calendar-date.js';
import { type Card, decideActivation, decideCancellation, decideEnable, decideIssue, decideLoss, decideReceipt, isInForce, type Refusal } from './card.js';
import type { CitizenId } from './citizen-id.js';
import { decideEcardClaim, type EcardChannel } from './ecard.js';
import { applyAll, type Fact, fact, type PersonState, personFacts } from './events.js';
import { baseFacts, decideRegistration, type HireKind, type RegistrationRefusal } from './registration.js';
import { decideLeave, type LeaveRefusal } from './separation.js';

export interface LedgerRow {
  readonly id: CitizenId;
  readonly name: string | null;
  readonly hire: {
    /** A flexible worker registers themself, without an employer (SPEC 1.5). */
    readonly kind: HireKind;
    readonly employer: string | null;
    readonly hiredOn: IsoDate;
    readonly registeredOn: IsoDate | null;
    readonly leftOn: IsoDate | null;
    readonly separationDoneOn: IsoDate | null;
    /** 缴费基数 in fen, when the row gives one. */
    readonly base: number | null;
  } | null;
  readonly card: {
    readonly number: string;
    readonly bank: string | null;
    readonly policy: string;
    readonly issuedOn: IsoDate | null;
    readonly receivedOn: IsoDate | null;
    readonly enabledOn: IsoDate | null;
    readonly activatedOn: IsoDate | null;
    /** Who activated for a holder under 16 (SPEC 1.3). */
    readonly guardian: CitizenId | null;
    readonly expiresOn: IsoDate | null;
    /** A card out of force: reported lost (temporarily or formally) or cancelled, on a day. */
    readonly end: { readonly state: 'lost' | 'cancelled'; readonly on: IsoDate; readonly temporary: boolean } | null;
  } | null;
  readonly ecard: { readonly channel: EcardChannel | null; readonly claimedOn: IsoDate } | null;
}

export type RowProblem =
  | { readonly field: string; readonly refusal: Refusal }
  | { readonly field: string; readonly registration: RegistrationRefusal; readonly age?: number }
  | { readonly field: string; readonly leave: LeaveRefusal }
  | { readonly field: 'card_number'; readonly other: 'card-of-another-person' }
  | { readonly field: 'activated_on'; readonly other: 'guardian-needed' | 'activated-on-another-date' };

export type RowPlan =
  | { readonly ok: true; readonly facts: readonly Fact[]; readonly state: PersonState }
  | { readonly ok: false; readonly problem: RowProblem };

/**
 * `person`: the row's person as the ledger has them (replayed); `cardHolder`:
 * whose card the row's card number is in the ledger, or null.
 */
export function planRow(row: LedgerRow, person: PersonState, cardHolder: string | null, today: IsoDate): RowPlan {
  const fail = (problem: RowProblem): RowPlan => ({ ok: false, problem });
  const facts: Fact[] = [];
  let state = person;
  const record = (more: readonly Fact[]) => {
    facts.push(...more);
    state = applyAll(state, more);
  };

  record(personFacts(state, row.name));

  if (row.hire) {
    const { kind, employer, hiredOn, registeredOn, leftOn, separationDoneOn, base } = row.hire;
    const existing = state.hires.find((h) => h.employer === employer && h.hiredOn === hiredOn) ?? null;
    const decision = decideRegistration(existing, { kind, employer, hiredOn, registeredOn, birthDate: row.id.birthDate }, today);
    if (decision.action === 'refuse') {
      return fail({ field: decision.reason === 'under-age' ? 'hired_on' : 'registered_on', registration: decision.reason, age: decision.age });
    }
    record(decision.facts);
    record(baseFacts(state.hires.find((h) => h.employer === employer && h.hiredOn === hiredOn)!, base));
    if (leftOn !== null && employer !== null) {
      const current = state.hires.find((h) => h.employer === employer && h.hiredOn === hiredOn)!;
      // The same end recorded again (a re-import) changes nothing.
      if (current.leftOn !== leftOn || (separationDoneOn !== null && current.separationDoneOn !== separationDoneOn)) {
        const left = decideLeave(state.hires, { employer, hiredOn, leftOn, doneOn: separationDoneOn }, today);
        if (!left.ok)
          return fail({
            field: left.refusal.reason.startsWith('done') || left.refusal.reason === 'already-done' ? 'separation_done_on' : 'left_on',
            leave: left.refusal,
          });
        record(left.facts);
      }
    }
  }

  if (row.card) {
    const given = row.card;
    if (cardHolder !== null && cardHolder !== row.id.number) return fail({ field: 'card_number', other: 'card-of-another-person' });
    let card: Card | undefined = state.cards.find((c) => c.number === given.number);
    if (card === undefined) {
      // Without an issue date, the earliest date known for the card stands in for it.
      const issuedOn = given.issuedOn ?? given.receivedOn ?? given.activatedOn ?? today;
      const issued = decideIssue(
        state.cards,
        false,
        { number: given.number, holderId: row.id.number, bank: given.bank, issuedOn, policy: given.policy, generation: 2, expiresOn: given.expiresOn },
        today,
      );
      if (!issued.ok) {
        const field = issued.refusal.reason === 'date-in-future' ? 'issued_on' : issued.refusal.reason === 'expiry-before-issue' ? 'expires_on' : 'card_number';
        return fail({ field, refusal: issued.refusal });
      }
      record(issued.value.facts);
      card = issued.value.card!;
    }
    if (given.receivedOn !== null && card.receivedOn !== given.receivedOn) {
      const received = decideReceipt(card, given.receivedOn, today);
      if (!received.ok) return fail({ field: 'received_on', refusal: received.refusal });
      record(received.value.facts);
      card = received.value.card ?? card;
    }
    // 启用 before the bank activation (SPEC 1.3); on the activation day, activation does it.
    if (given.enabledOn !== null && card.enabledOn !== given.enabledOn && (given.activatedOn === null || given.enabledOn < given.activatedOn)) {
      const enabled = decideEnable(card, given.enabledOn, null, today);
      if (!enabled.ok) return fail({ field: 'enabled_on', refusal: enabled.refusal });
      record(enabled.value.facts);
      card = enabled.value.card ?? card;
    }
    if (given.activatedOn !== null) {
      if (card.state === 'activated') {
        if (card.activatedOn !== given.activatedOn) return fail({ field: 'activated_on', other: 'activated-on-another-date' });
      } else {
        // The holder (or their guardian) activates in person with the holder's identity document.
        const activated = decideActivation(card, { holder: row.id, idDocument: row.id, on: given.activatedOn, outlet: null, guardian: given.guardian }, today);
        if (!activated.ok) {
          if (activated.refusal.reason === 'guardian-required') return fail({ field: 'activated_on', other: 'guardian-needed' });
          return fail({ field: 'activated_on', refusal: activated.refusal });
        }
        if (activated.value.kind === 'activated') record(activated.value.facts);
      }
    }
  }

  // The same claim again (a second row of the person, a re-import) changes nothing, whatever the card's state since.
  if (row.ecard && !(state.ecard !== null && state.ecard.claimedOn === row.ecard.claimedOn && state.ecard.channel === row.ecard.channel)) {
    const inForce = state.cards.find(isInForce) ?? null;
    // An e-card claimed before the card in force was issued was claimed with an
    // earlier card (it follows a replacement, SPEC 1.4) that the row cannot show:
    // the claim stands as a fact of its own, judged by the earlier card's rules
    // the row cannot show either (only that it is not in the future).
    if (inForce && inForce.issuedOn !== null && row.ecard.claimedOn < inForce.issuedOn) {
      if (state.ecard === null) record([fact(row.ecard.claimedOn, { kind: 'ecard.claimed', channel: row.ecard.channel })]);
    } else {
      const claimed = decideEcardClaim(state.ecard, inForce, row.ecard, today);
      if (!claimed.ok) return fail({ field: 'ecard_claimed_on', refusal: claimed.refusal });
      record(claimed.value.facts);
    }
  }

  // A card's end comes last: the e-card was claimed while it was in force.
  const end = row.card?.end;
  if (row.card && end) {
    const card = state.cards.find((c) => c.number === row.card!.number)!;
    const already = end.state === 'lost' ? card.state === 'lost' && card.loss?.kind === (end.temporary ? 'temporary' : 'formal') : card.state === 'cancelled';
    if (!already) {
      const ended = end.state === 'lost' ? decideLoss(card, end.on, today, end.temporary) : decideCancellation(card, end.on, today);
      if (!ended.ok) return fail({ field: 'card_ended_on', refusal: ended.refusal });
      record(ended.value.facts);
    }
  }

  return { ok: true, facts, state };
}
