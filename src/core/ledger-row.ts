// One row of a bulk import (`sscard import`): a person, optionally a hire,
// a card and an e-card claim. The row goes through the SAME decisions as the
// single commands (register-employee, card issue/receive, activate, ecard
// claim), chained in memory, so that a row can never do what a command would
// refuse; the result is the set of changes to save, or the first refusal.
import type { IsoDate } from './calendar-date.js';
import { type Card, decideActivation, decideIssue, decideReceipt, type Refusal } from './card.js';
import type { CitizenId } from './citizen-id.js';
import { decideEcardClaim, type EcardChannel, type EcardClaim } from './ecard.js';
import { decideRegistration, type Hire } from './registration.js';

export interface LedgerRow {
  readonly id: CitizenId;
  readonly name: string | null;
  readonly hire: { readonly employer: string | null; readonly hiredOn: IsoDate; readonly registeredOn: IsoDate | null } | null;
  readonly card: {
    readonly number: string;
    readonly bank: string | null;
    readonly issuedOn: IsoDate | null;
    readonly receivedOn: IsoDate | null;
    readonly activatedOn: IsoDate | null;
  } | null;
  readonly ecard: { readonly channel: EcardChannel | null; readonly claimedOn: IsoDate } | null;
}

/** What the ledger holds already for this row's person, hire and card. */
export interface RowContext {
  readonly person: { readonly name: string | null } | null;
  readonly hire: Hire | null;
  readonly holderCards: readonly Card[];
  readonly cardByNumber: Card | null;
  readonly ecard: EcardClaim | null;
}

export type RowEvent = { readonly kind: string; readonly concernsOn: IsoDate | null; readonly data: Record<string, unknown> };

export interface RowChanges {
  readonly person: { readonly name: string | null } | null;
  readonly hire: { readonly hire: Hire; readonly isNew: boolean } | null;
  readonly card: { readonly card: Card; readonly isNew: boolean } | null;
  readonly ecard: EcardClaim | null;
  readonly events: readonly RowEvent[];
}

export type RowProblem =
  | { readonly field: string; readonly refusal: Refusal }
  | { readonly field: string; readonly registration: 'registered-before-hire' | 'already-registered' | 'registration-in-future' }
  | { readonly field: 'card_number'; readonly other: 'card-of-another-person' }
  | { readonly field: 'activated_on'; readonly other: 'guardian-needed' | 'activated-on-another-date' };

export type RowPlan = { readonly ok: true; readonly changes: RowChanges } | { readonly ok: false; readonly problem: RowProblem };

export function planRow(row: LedgerRow, existing: RowContext, today: IsoDate): RowPlan {
  const fail = (problem: RowProblem): RowPlan => ({ ok: false, problem });
  const events: RowEvent[] = [];
  const holderId = row.id.number;

  let person: RowChanges['person'] = null;
  if (existing.person === null) {
    person = { name: row.name };
    events.push({ kind: 'person.recorded', concernsOn: null, data: { name: row.name } });
  } else if (row.name !== null && row.name !== existing.person.name) {
    person = { name: row.name };
    events.push({ kind: 'person.renamed', concernsOn: null, data: { from: existing.person.name, to: row.name } });
  }

  let hire: RowChanges['hire'] = null;
  if (row.hire) {
    const decision = decideRegistration(existing.hire, { kind: 'employee', ...row.hire }, today);
    if (decision.action === 'refuse') {
      return fail({ field: 'registered_on', registration: decision.reason });
    }
    if (decision.action === 'create') {
      hire = { hire: decision.hire, isNew: true };
      events.push({ kind: 'hire.recorded', concernsOn: row.hire.hiredOn, data: { employer: row.hire.employer, hireKind: 'employee' } });
    } else if (decision.action === 'complete') {
      hire = { hire: decision.hire, isNew: false };
    }
    if (decision.action !== 'unchanged' && decision.hire.registeredOn !== null) {
      events.push({ kind: 'hire.registered', concernsOn: decision.hire.registeredOn, data: { employer: row.hire.employer, hiredOn: row.hire.hiredOn } });
    }
  }

  let card: Card | null = null;
  let cardIsNew = false;
  let cardChanged = false;
  if (row.card) {
    const given = row.card;
    if (existing.cardByNumber !== null && existing.cardByNumber.holderId !== holderId) {
      return fail({ field: 'card_number', other: 'card-of-another-person' });
    }
    card = existing.cardByNumber;
    if (card === null) {
      // Without an issue date, the earliest date known for the card stands in for it.
      const issuedOn = given.issuedOn ?? given.receivedOn ?? given.activatedOn ?? today;
      const issued = decideIssue(existing.holderCards, false, { number: given.number, holderId, bank: given.bank, issuedOn }, today);
      if (!issued.ok) return fail({ field: issued.refusal.reason === 'date-in-future' ? 'issued_on' : 'card_number', refusal: issued.refusal });
      card = issued.value;
      cardIsNew = cardChanged = true;
      events.push({ kind: 'card.issued', concernsOn: issuedOn, data: { card: given.number, bank: given.bank } });
    }
    if (given.receivedOn !== null && !(card.receivedOn === given.receivedOn)) {
      const received = decideReceipt(card, given.receivedOn, today);
      if (!received.ok) return fail({ field: 'received_on', refusal: received.refusal });
      if (received.value !== null) {
        card = received.value;
        cardChanged = true;
        events.push({ kind: 'card.received', concernsOn: given.receivedOn, data: { card: given.number } });
      }
    }
    if (given.activatedOn !== null) {
      if (card.state === 'activated') {
        if (card.activatedOn !== given.activatedOn) return fail({ field: 'activated_on', other: 'activated-on-another-date' });
      } else {
        // The holder activates in person with their own identity document.
        const activated = decideActivation(card, { holder: row.id, idDocument: row.id, on: given.activatedOn, outlet: null, guardian: null }, today);
        if (!activated.ok) {
          if (activated.refusal.reason === 'guardian-required') return fail({ field: 'activated_on', other: 'guardian-needed' });
          return fail({ field: 'activated_on', refusal: activated.refusal });
        }
        if (activated.value.kind === 'activated') {
          if (activated.value.receiptRecorded) events.push({ kind: 'card.received', concernsOn: given.activatedOn, data: { card: given.number, recordedBy: 'activate' } });
          card = activated.value.card;
          cardChanged = true;
          events.push({ kind: 'card.activated', concernsOn: given.activatedOn, data: { card: given.number, outlet: null, guardian: false } });
        }
      }
    }
  }

  let ecard: EcardClaim | null = null;
  if (row.ecard) {
    const cardInForce = card ?? existing.holderCards.find((c) => c.state === 'issued' || c.state === 'received' || c.state === 'activated') ?? null;
    const claimed = decideEcardClaim(existing.ecard, cardInForce, row.ecard, today);
    if (!claimed.ok) return fail({ field: 'ecard_claimed_on', refusal: claimed.refusal });
    if (claimed.value !== null) {
      ecard = claimed.value;
      events.push({ kind: 'ecard.claimed', concernsOn: row.ecard.claimedOn, data: { channel: row.ecard.channel } });
    }
  }

  return {
    ok: true,
    changes: { person, hire, card: card && cardChanged ? { card, isNew: cardIsNew } : null, ecard, events },
  };
}
