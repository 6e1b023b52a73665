import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import type { Card } from '../../src/core/card.js';
import { type CitizenId, parseCitizenId } from '../../src/core/citizen-id.js';
import { type LedgerRow, planRow, type RowContext } from '../../src/core/ledger-row.js';

const d = (s: string) => s as IsoDate;
const TODAY = d('2026-11-24');
const id = (n: string): CitizenId => {
  const r = parseCitizenId(n, TODAY);
  if (!r.ok) throw new Error('bad test id');
  return r.id;
};
const WANG = id('11010519491231002X');
const CHILD = id('110105201211240033');

const empty: RowContext = { person: null, hire: null, holderCards: [], cardByNumber: null, ecard: null };
const row = (over: Partial<LedgerRow> = {}): LedgerRow => ({ id: WANG, name: 'Wang Fang', hire: null, card: null, ecard: null, ...over });
const cardRow = (over: Partial<NonNullable<LedgerRow['card']>> = {}) => ({
  number: 'A12345678',
  bank: 'ICBC',
  issuedOn: d('2026-03-01'),
  receivedOn: d('2026-03-31'),
  activatedOn: null,
  ...over,
});
const stored = (over: Partial<Card> = {}): Card => ({
  number: 'A12345678',
  holderId: WANG.number,
  bank: 'ICBC',
  state: 'received',
  issuedOn: d('2026-03-01'),
  receivedOn: d('2026-03-31'),
  activatedOn: null,
  outlet: null,
  guardianId: null,
  endedOn: null,
  replacedBy: null,
  ...over,
});
const kinds = (plan: ReturnType<typeof planRow>) => (plan.ok ? plan.changes.events.map((e) => e.kind) : plan.problem);

describe('planRow: a CSV row goes through the same decisions as the single commands', () => {
  it('a new person with a hire, a card carried through to activation, and an e-card', () => {
    const plan = planRow(
      row({
        hire: { employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: d('2026-09-20') },
        card: cardRow({ activatedOn: d('2026-04-02') }),
        ecard: { channel: 'wechat', claimedOn: d('2026-04-03') },
      }),
      empty,
      TODAY,
    );
    expect(kinds(plan)).toEqual(['person.recorded', 'hire.recorded', 'hire.registered', 'card.issued', 'card.received', 'card.activated', 'ecard.claimed']);
    expect(plan.ok && plan.changes.card).toMatchObject({ isNew: true, card: { state: 'activated', receivedOn: '2026-03-31', activatedOn: '2026-04-02' } });
  });

  it('the same row against what it already wrote changes nothing (idempotent import)', () => {
    const plan = planRow(
      row({ hire: { employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: d('2026-09-20') }, card: cardRow(), ecard: { channel: 'wechat', claimedOn: d('2026-04-03') } }),
      {
        person: { name: 'Wang Fang' },
        hire: { kind: 'employee', employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: d('2026-09-20') },
        holderCards: [stored()],
        cardByNumber: stored(),
        ecard: { channel: 'wechat', claimedOn: d('2026-04-03') },
      },
      TODAY,
    );
    expect(plan).toEqual({ ok: true, changes: { person: null, hire: null, card: null, ecard: null, events: [] } });
  });

  it('completes a pending hire and renames a person', () => {
    const plan = planRow(row({ name: 'Wang F.', hire: { employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: d('2026-10-12') } }), {
      ...empty,
      person: { name: 'Wang Fang' },
      hire: { kind: 'employee', employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: null },
    }, TODAY);
    expect(kinds(plan)).toEqual(['person.renamed', 'hire.registered']);
    expect(plan.ok && plan.changes.hire).toEqual({ isNew: false, hire: { kind: 'employee', employer: 'Acme', hiredOn: '2026-09-01', registeredOn: '2026-10-12' } });
  });

  it.each<[string, Partial<LedgerRow>, RowContext, unknown]>([
    ['a registration before the hire', { hire: { employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: d('2026-08-01') } }, empty, { field: 'registered_on', registration: 'registered-before-hire' }],
    ['a second filing date', { hire: { employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: d('2026-09-21') } }, { ...empty, hire: { kind: 'employee', employer: 'Acme', hiredOn: d('2026-09-01'), registeredOn: d('2026-09-20') } }, { field: 'registered_on', registration: 'already-registered' }],
    ["another person's card number", { card: cardRow() }, { ...empty, cardByNumber: stored({ holderId: '110105194912310011' }) }, { field: 'card_number', other: 'card-of-another-person' }],
    ['a second card in force', { card: cardRow({ number: 'B12345678' }) }, { ...empty, holderCards: [stored()] }, { field: 'card_number', refusal: { reason: 'has-card-in-force', card: 'A12345678' } }],
    ['a receipt before issue', { card: cardRow({ receivedOn: d('2026-02-01') }) }, empty, { field: 'received_on', refusal: { reason: 'date-before-issue', issuedOn: '2026-03-01' } }],
    ['another receipt date', { card: cardRow({ receivedOn: d('2026-04-01') }) }, { ...empty, holderCards: [stored()], cardByNumber: stored() }, { field: 'received_on', refusal: { reason: 'already-received', receivedOn: '2026-03-31' } }],
    ['an activation in the future', { card: cardRow({ activatedOn: d('2026-12-01') }) }, empty, { field: 'activated_on', refusal: { reason: 'date-in-future' } }],
    ['another activation date', { card: cardRow({ activatedOn: d('2026-05-01') }) }, { ...empty, cardByNumber: stored({ state: 'activated', activatedOn: d('2026-04-02') }) }, { field: 'activated_on', other: 'activated-on-another-date' }],
    ['activating a lost card', { card: cardRow({ activatedOn: d('2026-05-01') }) }, { ...empty, cardByNumber: stored({ state: 'lost' }) }, { field: 'activated_on', refusal: { reason: 'card-not-in-force', state: 'lost' } }],
    ['an e-card without a card', { ecard: { channel: 'wechat', claimedOn: d('2026-04-03') } }, empty, { field: 'ecard_claimed_on', refusal: { reason: 'no-card' } }],
  ])('refuses %s', (_, over, existing, problem) => {
    expect(planRow(row(over), existing, TODAY)).toEqual({ ok: false, problem });
  });

  it('a holder under 16 needs a guardian, which a CSV row cannot record', () => {
    const plan = planRow(row({ id: CHILD, card: cardRow({ activatedOn: d('2026-04-02') }) }), empty, TODAY);
    expect(plan).toEqual({ ok: false, problem: { field: 'activated_on', other: 'guardian-needed' } });
  });

  it('without issued_on the earliest card date stands in for the issue date', () => {
    const plan = planRow(row({ card: cardRow({ issuedOn: null, receivedOn: d('2026-03-31') }) }), empty, TODAY);
    expect(plan.ok && plan.changes.card?.card.issuedOn).toBe('2026-03-31');
  });
});
