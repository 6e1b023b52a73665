import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { type CitizenId, parseCitizenId } from '../../src/core/citizen-id.js';
import { applyAll, emptyPerson, type EventBody, fact, type PersonState } from '../../src/core/events.js';
import type { Judging } from '../../src/core/decision.js';
import { type LedgerRow, planRow } from '../../src/core/ledger-row.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import { BOOK } from './shipped-policies.js';

const d = (s: string) => s as IsoDate;
const TODAY = d('2026-11-24');
/** What the commands judge by on that day: China's calendar and the shipped card policies. */
const J: Judging = { today: TODAY, calendar: chinaCalendar, policies: BOOK };
const id = (n: string): CitizenId => {
  const r = parseCitizenId(n, TODAY);
  if (!r.ok) throw new Error('bad test id');
  return r.id;
};
const WANG = id('11010519491231002X');
const CHILD = id('110105201211240033');

const row = (over: Partial<LedgerRow> = {}): LedgerRow => ({ id: WANG, name: 'Wang Fang', hire: null, card: null, application: null, ecard: null, ...over });
const hireRow = (over: Partial<NonNullable<LedgerRow['hire']>> = {}): NonNullable<LedgerRow['hire']> => ({
  kind: 'employee',
  employer: 'Acme',
  hiredOn: d('2026-09-01'),
  registeredOn: d('2026-09-20'),
  leftOn: null,
  separationDoneOn: null,
  base: null,
  ...over,
});
const cardRow = (over: Partial<NonNullable<LedgerRow['card']>> = {}): NonNullable<LedgerRow['card']> => ({
  number: 'A12345678',
  bank: 'ICBC',
  policy: 'seed',
  policyGiven: false,
  generation: 2,
  appliedOn: null,
  issuedOn: d('2026-03-01'),
  readyOn: null,
  readyAt: null,
  receivedOn: d('2026-03-31'),
  enabledOn: null,
  activatedOn: null,
  guardian: null,
  expiresOn: null,
  end: null,
  ...over,
});

/** A person as the ledger would hold them after these facts. */
const ledger = (...facts: [string | null, EventBody][]): PersonState =>
  applyAll(emptyPerson(WANG.number), [
    fact(null, { kind: 'person.recorded', name: 'Wang Fang' }),
    ...facts.map(([on, body]) => fact(on as IsoDate | null, body)),
  ]);
const issued: [string, EventBody] = [
  '2026-03-01',
  { kind: 'card.issued', card: 'A12345678', bank: 'ICBC', policy: 'seed', generation: 2, expiresOn: null, replaces: null },
];
const received: [string, EventBody] = ['2026-03-31', { kind: 'card.received', card: 'A12345678' }];
const hired: [string, EventBody] = ['2026-09-01', { kind: 'hire.recorded', employer: 'Acme', hiredOn: d('2026-09-01'), hireKind: 'employee' }];
const registered: [string, EventBody] = ['2026-09-20', { kind: 'hire.registered', employer: 'Acme', hiredOn: d('2026-09-01') }];
const empty = emptyPerson(WANG.number);

const kinds = (plan: ReturnType<typeof planRow>) => (plan.ok ? plan.facts.map((f) => f.body.kind) : plan.problem);

describe('planRow: a CSV row goes through the same decisions as the single commands', () => {
  it('a new person with a hire, a card carried through to activation, and an e-card', () => {
    const plan = planRow(
      row({ hire: hireRow(), card: cardRow({ activatedOn: d('2026-04-02') }), ecard: { channel: 'wechat', claimedOn: d('2026-04-03') } }),
      empty,
      null,
      J,
    );
    expect(kinds(plan)).toEqual(['person.recorded', 'hire.recorded', 'hire.registered', 'card.issued', 'card.received', 'card.activated', 'ecard.claimed']);
    expect(plan.ok && plan.state.cards[0]).toMatchObject({ state: 'activated', receivedOn: '2026-03-31', activatedOn: '2026-04-02', enabledOn: '2026-04-02' });
  });

  it('the same row against what it already wrote changes nothing (idempotent import)', () => {
    const before = ledger(hired, registered, issued, received, ['2026-04-03', { kind: 'ecard.claimed', channel: 'wechat' }]);
    const plan = planRow(row({ hire: hireRow(), card: cardRow(), ecard: { channel: 'wechat', claimedOn: d('2026-04-03') } }), before, WANG.number, J);
    expect(plan).toEqual({ ok: true, facts: [], state: before });
  });

  it('completes a pending hire and renames a person', () => {
    const plan = planRow(row({ name: 'Wang F.', hire: hireRow({ registeredOn: d('2026-10-12') }) }), ledger(hired), null, J);
    expect(kinds(plan)).toEqual(['person.renamed', 'hire.registered']);
    expect(plan.ok && plan.state.hires).toEqual([
      { kind: 'employee', employer: 'Acme', hiredOn: '2026-09-01', registeredOn: '2026-10-12', leftOn: null, separationDoneOn: null, base: null },
    ]);
  });

  it('records the end of a hire and its transfer (SPEC 1.7), once', () => {
    const plan = planRow(row({ hire: hireRow({ leftOn: d('2026-11-01'), separationDoneOn: d('2026-11-10') }) }), ledger(hired, registered), null, J);
    expect(plan.ok && plan.facts.map((f) => [f.on, f.body.kind])).toEqual([
      ['2026-11-01', 'hire.ended'],
      ['2026-11-10', 'hire.separated'],
    ]);
    if (!plan.ok) throw new Error();
    expect(planRow(row({ hire: hireRow({ leftOn: d('2026-11-01'), separationDoneOn: d('2026-11-10') }) }), plan.state, null, J)).toMatchObject({
      ok: true,
      facts: [],
    });
  });

  it.each<[string, Partial<LedgerRow>, PersonState, string | null, unknown]>([
    [
      'a registration before the hire',
      { hire: hireRow({ registeredOn: d('2026-08-01') }) },
      empty,
      null,
      { field: 'registered_on', refusal: { reason: 'registered-before-hire' } },
    ],
    [
      'a second filing date',
      { hire: hireRow({ registeredOn: d('2026-09-21') }) },
      ledger(hired, registered),
      null,
      { field: 'registered_on', refusal: { reason: 'already-registered', registeredOn: '2026-09-20' } },
    ],
    [
      'a hire of a child (Labour Law Art. 15)',
      { id: CHILD, hire: hireRow() },
      emptyPerson(CHILD.number),
      null,
      { field: 'hired_on', refusal: { reason: 'under-age', age: 13 } },
    ],
    [
      'leaving before the hire',
      { hire: hireRow({ leftOn: d('2026-08-01') }) },
      empty,
      null,
      { field: 'left_on', refusal: { reason: 'left-before-hire', hiredOn: '2026-09-01' } },
    ],
    [
      'a transfer before leaving',
      { hire: hireRow({ leftOn: d('2026-11-01'), separationDoneOn: d('2026-10-30') }) },
      empty,
      null,
      { field: 'separation_done_on', refusal: { reason: 'done-before-leaving', leftOn: '2026-11-01' } },
    ],
    // As `card issue` says of it: the number is taken.
    ["another person's card number", { card: cardRow() }, empty, '110105194912310011', { field: 'card_number', refusal: { reason: 'card-number-taken' } }],
    [
      'a second card in force',
      { card: cardRow({ number: 'B12345678' }) },
      ledger(issued, received),
      null,
      { field: 'card_number', refusal: { reason: 'has-card-in-force', card: 'A12345678' } },
    ],
    [
      'an expiry before the issue date (card issue refuses it too)',
      { card: cardRow({ expiresOn: d('2026-02-01') }) },
      empty,
      null,
      { field: 'expires_on', refusal: { reason: 'expiry-before-issue', expiresOn: '2026-02-01', issuedOn: '2026-03-01' } },
    ],
    [
      'a receipt before issue',
      { card: cardRow({ receivedOn: d('2026-02-01') }) },
      empty,
      null,
      { field: 'received_on', refusal: { reason: 'date-before-issue', issuedOn: '2026-03-01' } },
    ],
    [
      'another receipt date',
      { card: cardRow({ receivedOn: d('2026-04-01') }) },
      ledger(issued, received),
      WANG.number,
      { field: 'received_on', refusal: { reason: 'already-received', receivedOn: '2026-03-31' } },
    ],
    [
      'an activation in the future',
      { card: cardRow({ activatedOn: d('2026-12-01') }) },
      empty,
      null,
      { field: 'activated_on', refusal: { reason: 'date-in-future' } },
    ],
    [
      'another activation date',
      { card: cardRow({ activatedOn: d('2026-05-01') }) },
      ledger(issued, received, ['2026-04-02', { kind: 'card.activated', card: 'A12345678', outlet: null, guardian: null }]),
      WANG.number,
      { field: 'activated_on', other: 'activated-on-another-date' },
    ],
    [
      'activating a lost card',
      { card: cardRow({ activatedOn: d('2026-05-01') }) },
      ledger(issued, received, ['2026-04-10', { kind: 'card.lost', card: 'A12345678', temporary: false }]),
      WANG.number,
      { field: 'activated_on', refusal: { reason: 'card-not-in-force', state: 'lost' } },
    ],
    [
      'an e-card without a card',
      { ecard: { channel: 'wechat', claimedOn: d('2026-04-03') } },
      empty,
      null,
      { field: 'ecard_claimed_on', refusal: { reason: 'no-card' } },
    ],
  ])('refuses %s', (_, over, existing, holder, problem) => {
    expect(planRow(row(over), existing, holder, J)).toEqual({ ok: false, problem });
  });

  it('a holder under 16 needs a guardian in guardian_id, as `activate` needs --guardian-id', () => {
    const plan = planRow(row({ id: CHILD, card: cardRow({ activatedOn: d('2026-04-02') }) }), emptyPerson(CHILD.number), null, J);
    expect(plan).toEqual({ ok: false, problem: { field: 'guardian_id', refusal: { reason: 'guardian-required', age: 13 } } });
  });

  it("a guardian given in the row activates a child's card (SPEC 1.3)", () => {
    const plan = planRow(row({ id: CHILD, card: cardRow({ activatedOn: d('2026-04-02'), guardian: WANG }) }), emptyPerson(CHILD.number), null, J);
    expect(plan.ok && plan.state.cards[0]).toMatchObject({ state: 'activated', guardianId: WANG.number });
  });

  it('an e-card claimed before the card in force was issued (with an earlier card) stands', () => {
    const plan = planRow(
      row({ card: cardRow({ issuedOn: d('2026-06-10'), receivedOn: d('2026-06-20') }), ecard: { channel: '12333', claimedOn: d('2024-01-21') } }),
      empty,
      null,
      J,
    );
    expect(plan.ok && plan.state.ecard).toEqual({ channel: '12333', claimedOn: '2024-01-21' });
  });

  it('enabled_on before the activation is recorded as its own fact (启用, SPEC 1.3)', () => {
    const plan = planRow(row({ card: cardRow({ enabledOn: d('2026-04-01'), activatedOn: d('2026-05-01') }) }), empty, null, J);
    expect(plan.ok && plan.facts.map((f) => f.body.kind)).toEqual(['person.recorded', 'card.issued', 'card.received', 'card.enabled', 'card.activated']);
    expect(plan.ok && plan.state.cards[0]).toMatchObject({ enabledOn: '2026-04-01', activatedOn: '2026-05-01' });
  });

  it('a flexible worker registers without an employer; a card out of force ends after its e-card was claimed', () => {
    const flexible = planRow(row({ hire: hireRow({ kind: 'flexible', employer: null, registeredOn: d('2026-08-25') }) }), empty, null, J);
    expect(flexible.ok && flexible.state.hires).toMatchObject([{ kind: 'flexible', employer: null, registeredOn: '2026-08-25' }]);
    const ended = planRow(
      row({ card: cardRow({ end: { state: 'cancelled', on: d('2026-06-01'), temporary: false } }), ecard: { channel: 'wechat', claimedOn: d('2026-04-03') } }),
      empty,
      null,
      J,
    );
    expect(ended.ok && ended.facts.map((f) => f.body.kind)).toEqual(['person.recorded', 'card.issued', 'card.received', 'ecard.claimed', 'card.cancelled']);
    const lost = planRow(row({ card: cardRow({ end: { state: 'lost', on: d('2026-06-01'), temporary: true } }) }), empty, null, J);
    expect(lost.ok && lost.state.cards[0]).toMatchObject({ state: 'lost', loss: { kind: 'temporary', reportedOn: '2026-06-01' } });
  });

  it('without issued_on the earliest card date stands in for the issue date', () => {
    const plan = planRow(row({ card: cardRow({ issuedOn: null, receivedOn: d('2026-03-31') }) }), empty, null, J);
    expect(plan.ok && plan.state.cards[0]?.issuedOn).toBe('2026-03-31');
  });
});

describe('planRow: card-making progress and a corrected policy (SPEC 1.3, 1.8 v3), as card apply/fail/issue/ready/set-policy decide them', () => {
  const application = (over: Partial<NonNullable<LedgerRow['application']>> = {}): NonNullable<LedgerRow['application']> => ({
    appliedOn: d('2026-09-01'),
    policy: 'seed',
    generation: 2,
    failedOn: null,
    reason: null,
    ...over,
  });
  const applied: [string, EventBody] = ['2026-09-01', { kind: 'card.applied', policy: 'seed', generation: 2 }];

  it.each<[string, Partial<LedgerRow>, PersonState, string[], object]>([
    [
      'an application being made (制卡中)',
      { application: application() },
      empty,
      ['person.recorded', 'card.applied'],
      { appliedOn: '2026-09-01', failedOn: null },
    ],
    [
      'an application that failed (制卡失败), with its reason',
      { application: application({ failedOn: d('2026-09-15'), reason: 'photo rejected' }) },
      empty,
      ['person.recorded', 'card.applied', 'card.failed'],
      { failedOn: '2026-09-15', reason: 'photo rejected' },
    ],
    [
      "the failure of the ledger's open application",
      { application: application({ failedOn: d('2026-09-15') }) },
      ledger(applied),
      ['card.failed'],
      { failedOn: '2026-09-15' },
    ],
    ['the same application again (a re-import)', { application: application() }, ledger(applied), [], { appliedOn: '2026-09-01', failedOn: null }],
  ])('%s', (_, over, existing, facts, app) => {
    const plan = planRow(row(over), existing, null, J);
    expect(kinds(plan)).toEqual(facts);
    expect(plan.ok && plan.state.application).toMatchObject(app);
  });

  it('a card with its application date: applied for, then made for that application (card apply, then card issue)', () => {
    const plan = planRow(row({ card: cardRow({ appliedOn: d('2026-02-20'), receivedOn: null }) }), empty, null, J);
    expect(kinds(plan)).toEqual(['person.recorded', 'card.applied', 'card.issued']);
    expect(plan.ok && plan.state.cards[0]).toMatchObject({ appliedOn: '2026-02-20', issuedOn: '2026-03-01' });
    expect(plan.ok && plan.state.application).toBeNull();
    // Made before it was applied for: refused as `card issue` refuses it.
    expect(planRow(row({ card: cardRow({ appliedOn: d('2026-03-05') }) }), empty, null, J)).toEqual({
      ok: false,
      problem: { field: 'applied_on', refusal: { reason: 'date-before-application', appliedOn: '2026-03-05' } },
    });
  });

  it('an application an issued card of the ledger completed is history: an old roster with it changes nothing', () => {
    const made = ledger(['2026-02-20', { kind: 'card.applied', policy: 'seed', generation: 2 }], issued);
    expect(planRow(row({ application: application({ appliedOn: d('2026-02-20') }) }), made, null, J)).toEqual({ ok: true, facts: [], state: made });
  });

  it('no application can be added to, or moved on, a card already made', () => {
    expect(planRow(row({ card: cardRow({ appliedOn: d('2026-02-20') }) }), ledger(issued, received), WANG.number, J)).toEqual({
      ok: false,
      problem: { field: 'applied_on', other: 'applied-on-another-date' },
    });
  });

  it('a card waiting at the outlet (待领卡), then collected; the same row again changes nothing', () => {
    const plan = planRow(row({ card: cardRow({ readyOn: d('2026-03-10'), readyAt: 'ICBC Tianhe' }) }), empty, null, J);
    expect(kinds(plan)).toEqual(['person.recorded', 'card.issued', 'card.ready', 'card.received']);
    expect(plan.ok && plan.state.cards[0]).toMatchObject({ readyOn: '2026-03-10', readyAt: 'ICBC Tianhe', receivedOn: '2026-03-31' });
    if (!plan.ok) throw new Error();
    expect(planRow(row({ card: cardRow({ readyOn: d('2026-03-10'), readyAt: 'ICBC Tianhe' }) }), plan.state, WANG.number, J)).toMatchObject({ facts: [] });
    // Collected before it reached the outlet: refused as `card receive` refuses it.
    expect(planRow(row({ card: cardRow({ readyOn: d('2026-04-10') }) }), empty, null, J)).toMatchObject({
      ok: false,
      problem: { field: 'received_on', refusal: { reason: 'date-before-ready', readyOn: '2026-04-10' } },
    });
    // A card already collected cannot be put back at the outlet.
    expect(planRow(row({ card: cardRow({ readyOn: d('2026-03-10') }) }), ledger(issued, received), WANG.number, J)).toMatchObject({
      ok: false,
      problem: { field: 'ready_on', refusal: { reason: 'card-not-in-force', state: 'received' } },
    });
  });

  it('a policy the row names corrects the card recorded under another one (card set-policy); an empty policy cell corrects nothing', () => {
    const corrected = planRow(row({ card: cardRow({ policy: 'guangzhou', policyGiven: true }) }), ledger(issued, received), WANG.number, J);
    expect(kinds(corrected)).toEqual(['card.policy-set']);
    expect(corrected.ok && corrected.state.cards[0]?.policy).toBe('guangzhou');
    const fallback = planRow(row({ card: cardRow({ policy: 'guangzhou', policyGiven: false }) }), ledger(issued, received), WANG.number, J);
    expect(fallback).toEqual({ ok: true, facts: [], state: ledger(issued, received) });
  });

  it("a third-generation application's e-card is claimed while it is open, and its failure comes after (SPEC 1.4 v3)", () => {
    const plan = planRow(
      row({
        application: application({ generation: 3, failedOn: d('2026-09-20') }),
        ecard: { channel: 'wechat', claimedOn: d('2026-09-02') },
      }),
      empty,
      null,
      J,
    );
    expect(kinds(plan)).toEqual(['person.recorded', 'card.applied', 'ecard.claimed', 'card.failed']);
    // Without a third-generation application, no card: no e-card, as `ecard claim` says.
    expect(planRow(row({ application: application(), ecard: { channel: 'wechat', claimedOn: d('2026-09-02') } }), empty, null, J)).toMatchObject({
      ok: false,
      problem: { field: 'ecard_claimed_on', refusal: { reason: 'no-card' } },
    });
  });
});
