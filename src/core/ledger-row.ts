// One row of a bulk import (`sscard import`): a person, optionally a hire
// (and its end), a card and an e-card claim. The row goes through the SAME
// decisions as the single commands (register-employee, leave, card
// issue/receive, enable, activate, ecard claim), with the same `Judging`
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
  decideCancellation,
  decideEnable,
  decideIssue,
  decideLoss,
  decideReceipt,
  isInForce,
} from './card.js';
import type { CitizenId } from './citizen-id.js';
import type { Judging, Refusal } from './decision.js';
import { decideEcardClaim, type EcardChannel } from './ecard.js';
import { applyAll, type Fact, fact, type PersonState, personFacts } from './events.js';
import { decideRegistration, type HireKind } from './registration.js';
import { decideLeave } from './separation.js';
import type { Hire } from './state.js';

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

/**
 * Why a row is refused, and the column it is about: a decision's refusal
 * (the same code a command gives), or what only a row can say: the card is
 * recorded as activated on another day than the row's.
 */
export type RowProblem =
  | { readonly field: string; readonly refusal: Refusal }
  | { readonly field: 'activated_on'; readonly other: 'activated-on-another-date' };

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
  if (!row.hire || row.hire.kind !== 'employee') return null;
  const { employer, hiredOn } = row.hire;
  if (person.hires.some((h) => h.employer === employer && h.hiredOn === hiredOn)) return null; // already recorded: nothing added
  return person.hires.find((h) => h.kind === 'employee' && h.employer === employer && h.hiredOn !== hiredOn && h.leftOn === null) ?? null;
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
    facts.push(...more);
    state = applyAll(state, more);
  };

  record(personFacts(state, row.name));

  if (row.hire) {
    const { kind, employer, hiredOn, registeredOn, leftOn, separationDoneOn } = row.hire;
    const registration = decideRegistration(state.hires, { kind, employer, hiredOn, registeredOn, birthDate: row.id.birthDate }, j);
    if (!registration.ok) return fail(hireField(registration.refusal.reason), registration.refusal);
    record(registration.value.facts);
    if (leftOn !== null && employer !== null) {
      const current = state.hires.find((h) => h.employer === employer && h.hiredOn === hiredOn)!;
      // The same end recorded again (a re-import) changes nothing.
      if (current.leftOn !== leftOn || (separationDoneOn !== null && current.separationDoneOn !== separationDoneOn)) {
        const left = decideLeave(state.hires, { employer, hiredOn, leftOn, doneOn: separationDoneOn }, j);
        if (!left.ok) return fail(hireField(left.refusal.reason), left.refusal);
        record(left.value.facts);
      }
    }
  }

  if (row.card) {
    const given = row.card;
    let card: Card | undefined = state.cards.find((c) => c.number === given.number);
    if (card === undefined) {
      // Without an issue date, the earliest date known for the card stands in for it.
      const issuedOn = given.issuedOn ?? given.receivedOn ?? given.activatedOn ?? today;
      // Another person's card number is taken, as `card issue` says of it.
      const taken = cardHolder !== null && cardHolder !== row.id.number;
      const issued = decideIssue(
        state.cards,
        taken,
        { number: given.number, holderId: row.id.number, bank: given.bank, issuedOn, policy: given.policy, generation: 2, expiresOn: given.expiresOn },
        j,
      );
      if (!issued.ok) {
        const { reason } = issued.refusal;
        return fail(reason === 'date-in-future' ? 'issued_on' : reason === 'expiry-before-issue' ? 'expires_on' : 'card_number', issued.refusal);
      }
      record(issued.value.facts);
      card = issued.value.card!;
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
      const claimed = decideEcardClaim(state.ecard, state.cards, row.ecard, j);
      if (!claimed.ok) return fail('ecard_claimed_on', claimed.refusal);
      record(claimed.value.facts);
    }
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
