import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import {
  type ActivationRequest,
  activationDaysLate,
  activationDeadline,
  type Card,
  cardStatus,
  currentCard,
  decideActivation,
  decideCancellation,
  decideApply,
  decideFail,
  decideFound,
  decideReady,
  decideSetPolicy,
  decideIssue,
  decideLoss,
  decideReceipt,
  decideReplacement,
  normaliseCardNumber,
  type CardRefusal as Refusal,
} from '../../src/core/card.js';
import { type CitizenId, parseCitizenId } from '../../src/core/citizen-id.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import type { Judging } from '../../src/core/decision.js';
import { BOOK, policy, SEED } from './shipped-policies.js';
import { type Application, applyAll, emptyPerson } from '../../src/core/events.js';

/** What the decisions judge by: the day, China's calendar, the shipped policies. */
const judge = (today: string): Judging => ({ today: today as IsoDate, calendar: chinaCalendar, policies: BOOK });
const APPLIED: Application = { appliedOn: '2026-11-01' as IsoDate, policy: 'guangdong', generation: 2, failedOn: null, reason: null };
const ISSUE = {
  number: 'B12345678',
  holderId: '11010519491231002X',
  bank: null,
  issuedOn: '2026-11-02' as IsoDate,
  policy: 'seed',
  generation: 2 as const,
  expiresOn: null,
};

const repl = (newNumber: string, numberTaken: boolean, on: IsoDate) => ({ newNumber, numberTaken, on, bank: null, reason: null, policy: null });

const d = (s: string) => s as IsoDate;
const id = (n: string): CitizenId => {
  const r = parseCitizenId(n, d('2026-11-24'));
  if (!r.ok) throw new Error('bad test id');
  return r.id;
};
const ADULT = id('11010519491231002X');
const OTHER = id('110105194912310011');
const CHILD = id('110105201211240033'); // born 2012-11-24: 16 on 2028-11-24
const TEEN = id('110105200811240016'); // born 2008-11-24: 18 on 2026-11-24

const card = (over: Partial<Card> = {}): Card => ({
  number: 'A12345678',
  holderId: ADULT.number,
  bank: 'ICBC',
  state: 'received',
  issuedOn: d('2026-03-01'),
  receivedOn: d('2026-03-31'),
  activatedOn: null,
  outlet: null,
  guardianId: null,
  endedOn: null,
  replacedBy: null,
  policy: 'seed',
  generation: 2,
  expiresOn: null,
  appliedOn: null,
  readyOn: null,
  readyAt: null,
  enabledOn: null,
  loss: null,
  ...over,
});

describe('activation deadline: six months from receipt (SPEC 1.3, Civil Code Art. 201-203)', () => {
  it.each([
    ['2026-03-31', '2026-09-30', '2026-09-30'], // SPEC example
    ['2025-08-31', '2026-02-28', '2026-02-28'], // no 31 February; 2026-02-28 is an adjusted working Saturday
    ['2023-08-31', '2024-02-29', '2024-02-29'], // leap year
    ['2026-04-01', '2026-10-01', '2026-10-08'], // lands in National Day: moved
    ['2026-05-29', '2026-11-29', '2026-11-30'], // a Sunday: moved to Monday
  ])('received %s -> nominal %s, deadline %s', (receivedOn, nominal, date) => {
    expect(activationDeadline(card({ receivedOn: d(receivedOn) }), SEED, chinaCalendar)).toMatchObject({ nominal, date });
  });

  it('has no window before receipt; a card that left force keeps the window it had', () => {
    expect(activationDeadline(card({ state: 'issued', receivedOn: null }), SEED, chinaCalendar)).toBeNull();
    expect(activationDeadline(card({ state: 'lost', receivedOn: null }), SEED, chinaCalendar)).toBeNull();
    expect(activationDeadline(card({ state: 'lost' }), SEED, chinaCalendar)).toMatchObject({ date: '2026-09-30' });
  });
});

describe('medical insurance: restricted once the deadline has passed, until activation', () => {
  it.each([
    // state, activatedOn, today, medicalInsurance, daysLeft
    ['received', null, '2026-09-29', 'normal', 1],
    ['received', null, '2026-09-30', 'normal', 0], // the deadline day itself
    ['received', null, '2026-10-01', 'restricted', -1], // the day after
    ['received', null, '2027-03-01', 'restricted', -152],
    ['activated', '2026-10-20', '2026-10-20', 'normal', null], // late activation restores it that day
    ['issued', null, '2027-03-01', 'normal', null], // not received: no window yet
    // Reporting a loss activates nothing: a never-activated lost card is restricted from the day after its deadline.
    ['lost', null, '2026-09-30', 'normal', null],
    ['lost', null, '2026-10-01', 'restricted', null],
    ['lost', '2026-04-02', '2027-03-01', 'normal', null], // lost after activation
    ['cancelled', null, '2027-03-01', 'normal', null], // 注销 ends the card: nothing left to restore
    ['replaced', null, '2027-03-01', 'normal', null],
  ] as const)('%s (activated %s) as of %s: %s', (state, activatedOn, today, medical, daysLeft) => {
    const c = card({ state, activatedOn: activatedOn === null ? null : d(activatedOn), receivedOn: state === 'issued' ? null : d('2026-03-31') });
    expect(cardStatus(c, SEED, d(today), chinaCalendar)).toMatchObject({ medicalInsurance: medical, daysLeft });
  });
  it('no card at all: normal', () => expect(cardStatus(null, SEED, d('2026-11-24'), chinaCalendar).medicalInsurance).toBe('normal'));
});

describe('activationDaysLate', () => {
  it.each([
    [null, null], // not activated
    ['2026-09-30', null], // on the deadline day
    ['2026-10-01', 1],
    ['2026-11-24', 55],
  ])('activated %s: %s days late', (activatedOn, late) => {
    const c = card({ state: activatedOn ? 'activated' : 'received', activatedOn: activatedOn === null ? null : d(activatedOn) });
    expect(activationDaysLate(c, SEED, chinaCalendar)).toBe(late);
  });
});

describe('decideActivation', () => {
  const request = (over: Partial<ActivationRequest> = {}): ActivationRequest => ({
    holder: ADULT,
    idDocument: ADULT,
    on: d('2026-10-01'),
    outlet: 'ICBC Chaoyang branch',
    guardian: null,
    ...over,
  });
  const today = judge('2026-11-24');

  it('activates a received card, late activation allowed', () => {
    const r = decideActivation(card(), request(), today);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'activated',
        receiptRecorded: false,
        // Activation also enables the social-security function that day (SPEC 1.3).
        card: card({ state: 'activated', activatedOn: d('2026-10-01'), enabledOn: d('2026-10-01'), outlet: 'ICBC Chaoyang branch' }),
        facts: [{ on: '2026-10-01', body: { kind: 'card.activated', card: 'A12345678', outlet: 'ICBC Chaoyang branch', guardian: null } }],
      },
    });
  });

  it('records receipt on the activation date for an issued card', () => {
    const r = decideActivation(card({ state: 'issued', receivedOn: null }), request(), today);
    expect(r.ok && r.value).toMatchObject({
      kind: 'activated',
      receiptRecorded: true,
      card: { receivedOn: '2026-10-01', activatedOn: '2026-10-01' },
      facts: [
        { on: '2026-10-01', body: { kind: 'card.received' } },
        { on: '2026-10-01', body: { kind: 'card.activated' } },
      ],
    });
  });

  it('an already activated card changes nothing', () => {
    const activated = card({ state: 'activated', activatedOn: d('2026-04-02') });
    expect(decideActivation(activated, request(), today)).toEqual({ ok: true, value: { kind: 'already-activated', card: activated, facts: [] } });
  });

  it.each([
    ["someone else's document", card(), request({ idDocument: OTHER }), { reason: 'id-mismatch' }],
    [
      "someone else's document on a lost card (mismatch first: reveals nothing)",
      card({ state: 'lost' }),
      request({ idDocument: OTHER }),
      { reason: 'id-mismatch' },
    ],
    ['a lost card', card({ state: 'lost' }), request(), { reason: 'card-not-in-force', state: 'lost' }],
    ['a replaced card', card({ state: 'replaced' }), request(), { reason: 'card-not-in-force', state: 'replaced' }],
    ['a cancelled card', card({ state: 'cancelled' }), request(), { reason: 'card-not-in-force', state: 'cancelled' }],
    ['a date in the future', card(), request({ on: d('2026-11-25') }), { reason: 'date-in-future' }],
    [
      'a date before issue',
      card({ state: 'issued', receivedOn: null }),
      request({ on: d('2026-02-28') }),
      { reason: 'date-before-issue', issuedOn: '2026-03-01' },
    ],
    ['a date before receipt', card(), request({ on: d('2026-03-30') }), { reason: 'date-before-receipt', receivedOn: '2026-03-31' }],
  ])('refuses %s', (_, c, req, refusal) => {
    expect(decideActivation(c, req, today)).toEqual({ ok: false, refusal });
  });

  describe('a holder under 16 is activated by a guardian', () => {
    const childCard = card({ holderId: CHILD.number });
    const child = (over: Partial<ActivationRequest> = {}) => request({ holder: CHILD, idDocument: CHILD, ...over });
    it('requires --guardian-id', () => {
      expect(decideActivation(childCard, child(), today)).toEqual({ ok: false, refusal: { reason: 'guardian-required', age: 13 } });
    });
    it('records an adult guardian', () => {
      const r = decideActivation(childCard, child({ guardian: ADULT }), today);
      expect(r.ok && r.value.card.guardianId).toBe(ADULT.number);
    });
    it('refuses a guardian under 18 on the activation date', () => {
      expect(decideActivation(childCard, child({ guardian: TEEN, on: d('2026-11-23') }), today)).toEqual({
        ok: false,
        refusal: { reason: 'guardian-too-young' },
      });
      expect(decideActivation(childCard, child({ guardian: TEEN, on: d('2026-11-24') }), today).ok).toBe(true); // 18 that day
    });
    it('refuses the holder as their own guardian', () => {
      expect(decideActivation(childCard, child({ guardian: CHILD }), today)).toEqual({ ok: false, refusal: { reason: 'guardian-is-holder' } });
    });
    it('accepts and records a guardian for an older holder too, with the same checks', () => {
      const r = decideActivation(card(), request({ guardian: OTHER }), today);
      expect(r.ok && r.value.card.guardianId).toBe(OTHER.number);
      expect(decideActivation(card(), request({ guardian: ADULT }), today)).toEqual({ ok: false, refusal: { reason: 'guardian-is-holder' } });
      expect(decideActivation(card(), request({ guardian: TEEN, on: d('2026-11-23') }), today)).toEqual({
        ok: false,
        refusal: { reason: 'guardian-too-young' },
      });
    });
    it('records no guardian when none is given', () => {
      const r = decideActivation(card(), request(), today);
      expect(r.ok && r.value.card.guardianId).toBeNull();
    });
    it('needs no guardian from the 16th birthday on', () => {
      const sixteen = id(`11010520101124003${checkDigit('11010520101124003')}`); // born 2010-11-24
      expect(decideActivation(card({ holderId: sixteen.number }), request({ holder: sixteen, idDocument: sixteen, on: d('2026-11-24') }), today).ok).toBe(true);
    });
  });
});

function checkDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0) % 11]!;
}

describe('issue, receipt, loss, replacement, cancellation', () => {
  const today = judge('2026-11-24');
  const issue = {
    number: 'B12345678',
    holderId: ADULT.number,
    bank: 'ICBC',
    issuedOn: d('2026-11-01'),
    policy: 'seed',
    generation: 2 as const,
    expiresOn: null,
  };

  it('issues a first card', () => {
    expect(decideIssue([], false, issue, today)).toMatchObject({
      ok: true,
      value: {
        card: { state: 'issued', number: 'B12345678', receivedOn: null, policy: 'seed' },
        facts: [
          { on: '2026-11-01', body: { kind: 'card.issued', card: 'B12345678', bank: 'ICBC', policy: 'seed', generation: 2, expiresOn: null, replaces: null } },
        ],
      },
    });
  });
  it.each([
    ['a card number already in the ledger', [], true, issue, { reason: 'card-number-taken' }],
    ['a second card in force', [card()], false, issue, { reason: 'has-card-in-force', card: 'A12345678' }],
    ['an issue date in the future', [], false, { ...issue, issuedOn: d('2026-11-25') }, { reason: 'date-in-future' }],
  ])('refuses %s', (_, cards, taken, req, refusal) => {
    expect(decideIssue(cards, taken, req, today)).toEqual({ ok: false, refusal });
  });
  it('allows an expiry the day after the issue', () => {
    expect(decideIssue([], false, { ...issue, expiresOn: d('2026-11-02') }, today).ok).toBe(true);
  });
  it('allows a new card once the old one is cancelled', () => {
    expect(decideIssue([card({ state: 'cancelled' })], false, issue, today).ok).toBe(true);
  });

  it('receipt: records it once; the same date again is nothing; another date is refused', () => {
    const issued = card({ state: 'issued', receivedOn: null });
    expect(decideReceipt(issued, d('2026-03-31'), today)).toEqual({
      ok: true,
      value: { card: card(), facts: [{ on: '2026-03-31', body: { kind: 'card.received', card: 'A12345678' } }] },
    });
    expect(decideReceipt(card(), d('2026-03-31'), today)).toEqual({ ok: true, value: { card: null, facts: [] } });
    expect(decideReceipt(card(), d('2026-04-01'), today)).toEqual({ ok: false, refusal: { reason: 'already-received', receivedOn: '2026-03-31' } });
    expect(decideReceipt(issued, d('2026-02-01'), today)).toEqual({ ok: false, refusal: { reason: 'date-before-issue', issuedOn: '2026-03-01' } });
    expect(decideReceipt(card({ state: 'lost' }), d('2026-04-01'), today)).toEqual({ ok: false, refusal: { reason: 'card-not-in-force', state: 'lost' } });
  });

  it('loss: from any in-force state; twice is nothing', () => {
    expect(decideLoss(card({ state: 'activated' }), d('2026-11-02'), today)).toMatchObject({
      ok: true,
      value: { card: { state: 'lost', endedOn: '2026-11-02', loss: { kind: 'formal', reportedOn: '2026-11-02', resumes: 'activated' } } },
    });
    expect(decideLoss(card({ state: 'lost' }), d('2026-11-02'), today)).toEqual({ ok: true, value: { card: null, facts: [] } });
    expect(decideLoss(card({ state: 'cancelled' }), d('2026-11-02'), today).ok).toBe(false);
  });

  it('replacement: the new card is issued with its own window from its own receipt', () => {
    const r = decideReplacement(card({ state: 'lost', endedOn: d('2026-11-02') }), repl('B12345678', false, d('2026-11-10')), today);
    expect(r).toMatchObject({
      ok: true,
      value: {
        old: { state: 'replaced', replacedBy: 'B12345678', endedOn: '2026-11-02' },
        replacement: { number: 'B12345678', state: 'issued', bank: 'ICBC', issuedOn: '2026-11-10', receivedOn: null },
      },
    });
    if (!r.ok) throw new Error();
    const received = decideReceipt(r.value.replacement, d('2026-11-20'), today);
    expect(received.ok && activationDeadline(received.value.card!, SEED, chinaCalendar)).toMatchObject({ nominal: '2027-05-20', provisional: true });
    expect(decideReplacement(card({ state: 'replaced' }), repl('C12345678', false, d('2026-11-10')), today)).toEqual({
      ok: false,
      refusal: { reason: 'card-not-in-force', state: 'replaced' },
    });
    expect(decideReplacement(card(), repl('C12345678', true, d('2026-11-10')), today)).toEqual({ ok: false, refusal: { reason: 'card-number-taken' } });
  });

  it('cancellation: in force or lost; twice is nothing; a replaced card cannot be cancelled', () => {
    expect(decideCancellation(card(), d('2026-11-20'), today)).toMatchObject({ ok: true, value: { card: { state: 'cancelled', endedOn: '2026-11-20' } } });
    expect(decideCancellation(card({ state: 'cancelled' }), d('2026-11-20'), today)).toEqual({ ok: true, value: { card: null, facts: [] } });
    expect(decideCancellation(card({ state: 'replaced' }), d('2026-11-20'), today).ok).toBe(false);
  });
});

describe('card numbers and the card shown by status', () => {
  it.each([
    ['a12345678', 'A12345678'],
    [' A12345678 ', 'A12345678'],
    ['A1234567', null],
    ['A123456789', null],
    ['A1234567-', null],
    ['Ａ12345678', null],
  ])('%j -> %j', (input, expected) => expect(normaliseCardNumber(input)).toBe(expected));

  it('prefers the card in force, else the most recent', () => {
    const old = card({ number: 'A00000001', state: 'replaced' });
    const current = card({ number: 'A00000002', state: 'issued' });
    expect(currentCard([old, current])?.number).toBe('A00000002');
    expect(currentCard([old, card({ number: 'A00000003', state: 'cancelled' })])?.number).toBe('A00000003');
    expect(currentCard([])).toBeNull();
  });
});

describe('every refusal of the card rules, by rule', () => {
  const today = judge('2026-11-24');
  const activated = card({ state: 'activated', activatedOn: d('2026-04-02') });
  const lost = card({ state: 'lost', endedOn: d('2026-05-02') });
  const tempLost = card({ state: 'lost', endedOn: d('2026-05-02'), loss: { kind: 'temporary', reportedOn: d('2026-05-02'), resumes: 'received' } });
  const issued = card({ state: 'issued', receivedOn: null });
  const adult = { holder: ADULT, idDocument: ADULT, on: d('2026-10-01'), outlet: null, guardian: null } satisfies ActivationRequest;
  const child = { ...adult, holder: CHILD, idDocument: CHILD };
  const issue = { number: 'B12345678', holderId: ADULT.number, bank: null, issuedOn: d('2026-11-01'), policy: 'seed', generation: 2 as const, expiresOn: null };

  // Dates as plain strings: what toEqual compares the IsoDate strings with.
  type Expected = { readonly reason: Refusal['reason']; readonly [detail: string]: unknown };
  const cases: [string, () => unknown, Expected][] = [
    // activate
    ['activate: the document of someone else', () => decideActivation(card(), { ...adult, idDocument: OTHER }, today), { reason: 'id-mismatch' }],
    ['activate: a lost card', () => decideActivation(lost, adult, today), { reason: 'card-not-in-force', state: 'lost' }],
    ['activate: a replaced card', () => decideActivation(card({ state: 'replaced' }), adult, today), { reason: 'card-not-in-force', state: 'replaced' }],
    ['activate: a cancelled card', () => decideActivation(card({ state: 'cancelled' }), adult, today), { reason: 'card-not-in-force', state: 'cancelled' }],
    ['activate: tomorrow', () => decideActivation(card(), { ...adult, on: d('2026-11-25') }, today), { reason: 'date-in-future' }],
    [
      'activate: before issue',
      () => decideActivation(issued, { ...adult, on: d('2026-02-28') }, today),
      { reason: 'date-before-issue', issuedOn: '2026-03-01' },
    ],
    [
      'activate: before receipt',
      () => decideActivation(card(), { ...adult, on: d('2026-03-30') }, today),
      { reason: 'date-before-receipt', receivedOn: '2026-03-31' },
    ],
    ['activate: under 16, no guardian', () => decideActivation(card({ holderId: CHILD.number }), child, today), { reason: 'guardian-required', age: 13 }],
    [
      'activate: a guardian under 18',
      () => decideActivation(card({ holderId: CHILD.number }), { ...child, guardian: TEEN, on: d('2026-11-23') }, today),
      { reason: 'guardian-too-young' },
    ],
    [
      'activate: the holder as guardian',
      () => decideActivation(card({ holderId: CHILD.number }), { ...child, guardian: CHILD }, today),
      { reason: 'guardian-is-holder' },
    ],
    // card issue
    ['issue: a number in the ledger', () => decideIssue([], true, issue, today), { reason: 'card-number-taken' }],
    ['issue: a second card in force', () => decideIssue([activated], false, issue, today), { reason: 'has-card-in-force', card: 'A12345678' }],
    [
      'issue: an expiry on the issue day (a mistyped date; import and card issue alike)',
      () => decideIssue([], false, { ...issue, expiresOn: d('2026-11-01') }, today),
      { reason: 'expiry-before-issue', expiresOn: '2026-11-01', issuedOn: '2026-11-01' },
    ],
    ['issue: tomorrow', () => decideIssue([], false, { ...issue, issuedOn: d('2026-11-25') }, today), { reason: 'date-in-future' }],
    // card receive
    ['receive: another receipt date', () => decideReceipt(card(), d('2026-04-01'), today), { reason: 'already-received', receivedOn: '2026-03-31' }],
    ['receive: an activated card', () => decideReceipt(activated, d('2026-04-01'), today), { reason: 'already-activated', activatedOn: '2026-04-02' }],
    ['receive: a lost card', () => decideReceipt(lost, d('2026-04-01'), today), { reason: 'card-not-in-force', state: 'lost' }],
    ['receive: tomorrow', () => decideReceipt(issued, d('2026-11-25'), today), { reason: 'date-in-future' }],
    ['receive: before issue', () => decideReceipt(issued, d('2026-02-28'), today), { reason: 'date-before-issue', issuedOn: '2026-03-01' }],
    // card report-loss
    ['loss: a cancelled card', () => decideLoss(card({ state: 'cancelled' }), d('2026-11-02'), today), { reason: 'card-not-in-force', state: 'cancelled' }],
    // card found on a formal loss, where the policy says it cannot be lifted (Beijing)
    [
      'found: a formal loss under beijing',
      () => decideFound({ ...lost, policy: 'beijing', loss: { kind: 'formal', reportedOn: d('2026-05-02'), resumes: 'activated' } }, d('2026-11-24'), today),
      { reason: 'formal-loss-not-liftable', policy: 'beijing' },
    ],
    // card-making progress (SPEC 1.3 v3)
    [
      'apply: an application still open',
      () => decideApply([], APPLIED, { on: d('2026-11-24'), policy: 'seed', generation: 2 }, today),
      { reason: 'application-open', appliedOn: '2026-11-01' },
    ],
    [
      'apply: a card in force',
      () => decideApply([card()], null, { on: d('2026-11-24'), policy: 'seed', generation: 2 }, today),
      { reason: 'has-card-in-force', card: 'A12345678' },
    ],
    ['apply: tomorrow', () => decideApply([], null, { on: d('2026-11-25'), policy: 'seed', generation: 2 }, today), { reason: 'date-in-future' }],
    ['fail: no application', () => decideFail(null, d('2026-11-24'), null, today), { reason: 'no-application' }],
    ['fail: one already failed', () => decideFail({ ...APPLIED, failedOn: d('2026-11-05') }, d('2026-11-24'), null, today), { reason: 'no-application' }],
    ['fail: before the application', () => decideFail(APPLIED, d('2026-10-31'), null, today), { reason: 'date-before-application', appliedOn: '2026-11-01' }],
    [
      'ready: already at the outlet',
      () => decideReady(card({ state: 'ready', readyOn: d('2026-11-03') }), d('2026-11-24'), null, today),
      { reason: 'already-ready', readyOn: '2026-11-03' },
    ],
    ['ready: a received card', () => decideReady(card(), d('2026-11-24'), null, today), { reason: 'card-not-in-force', state: 'received' }],
    ['ready: before issue', () => decideReady(issued, d('2026-02-28'), null, today), { reason: 'date-before-issue', issuedOn: '2026-03-01' }],
    [
      'receive: before it reached the outlet',
      () => decideReceipt({ ...issued, state: 'ready', readyOn: d('2026-03-05') }, d('2026-03-04'), today),
      { reason: 'date-before-ready', readyOn: '2026-03-05' },
    ],
    [
      'issue: before the application',
      () => decideIssue([], false, { ...ISSUE, issuedOn: d('2026-10-30') }, today, APPLIED),
      { reason: 'date-before-application', appliedOn: '2026-11-01' },
    ],
    ['set-policy: the same policy', () => decideSetPolicy(card(), 'seed'), { reason: 'same-policy', policy: 'seed' }],
    ['loss: a replaced card', () => decideLoss(card({ state: 'replaced' }), d('2026-11-02'), today), { reason: 'card-not-in-force', state: 'replaced' }],
    ['loss: tomorrow', () => decideLoss(card(), d('2026-11-25'), today), { reason: 'date-in-future' }],
    ['loss: before issue', () => decideLoss(issued, d('2026-02-28'), today), { reason: 'date-before-issue', issuedOn: '2026-03-01' }],
    ['loss: before receipt', () => decideLoss(card(), d('2026-03-30'), today), { reason: 'date-before-receipt', receivedOn: '2026-03-31' }],
    ['loss: before activation', () => decideLoss(activated, d('2026-04-01'), today), { reason: 'date-before-activation', activatedOn: '2026-04-02' }],
    // card replace
    [
      'replace: a replaced card',
      () => decideReplacement(card({ state: 'replaced' }), repl('C12345678', false, d('2026-11-10')), today),
      { reason: 'card-not-in-force', state: 'replaced' },
    ],
    [
      'replace: a cancelled card',
      () => decideReplacement(card({ state: 'cancelled' }), repl('C12345678', false, d('2026-11-10')), today),
      { reason: 'card-not-in-force', state: 'cancelled' },
    ],
    ['replace: a new number in the ledger', () => decideReplacement(lost, repl('C12345678', true, d('2026-11-10')), today), { reason: 'card-number-taken' }],
    ['replace: tomorrow', () => decideReplacement(lost, repl('C12345678', false, d('2026-11-25')), today), { reason: 'date-in-future' }],
    [
      'replace: before the loss',
      () => decideReplacement(lost, repl('C12345678', false, d('2026-05-01')), today),
      { reason: 'date-before-loss', lostOn: '2026-05-02' },
    ],
    [
      'replace: before activation',
      () => decideReplacement(activated, repl('C12345678', false, d('2026-04-01')), today),
      { reason: 'date-before-activation', activatedOn: '2026-04-02' },
    ],
    [
      'replace: after only a temporary loss (补领 needs 正式挂失), while it holds',
      () => decideReplacement(tempLost, repl('C12345678', false, d('2026-05-10')), today),
      { reason: 'temporary-loss' },
    ],
    [
      'replace for loss: a card not reported lost',
      () => decideReplacement(card(), { ...repl('C12345678', false, d('2026-11-10')), reason: 'loss' }, today),
      { reason: 'loss-not-reported' },
    ],
    // card found
    [
      'found: a replacement was recorded',
      () => decideFound(card({ state: 'replaced', replacedBy: 'B12345678' }), d('2026-11-10'), today),
      { reason: 'replacement-recorded', newCard: 'B12345678' },
    ],
    ['found: a card not lost', () => decideFound(card(), d('2026-11-10'), today), { reason: 'not-lost', state: 'received' }],
    // card cancel
    [
      'cancel: a replaced card',
      () => decideCancellation(card({ state: 'replaced' }), d('2026-11-20'), today),
      { reason: 'card-not-in-force', state: 'replaced' },
    ],
    ['cancel: tomorrow', () => decideCancellation(card(), d('2026-11-25'), today), { reason: 'date-in-future' }],
    ['cancel: before the loss', () => decideCancellation(lost, d('2026-05-01'), today), { reason: 'date-before-loss', lostOn: '2026-05-02' }],
    ['cancel: before issue', () => decideCancellation(issued, d('2026-02-28'), today), { reason: 'date-before-issue', issuedOn: '2026-03-01' }],
  ];

  it.each(cases)('%s', (_, decide, refusal) => {
    expect(decide()).toEqual({ ok: false, refusal });
  });

  it("covers every reason the card rules can give (no-card is the e-card rule's, in ecard.test.ts)", () => {
    // A new reason fails to compile here until it has a case above.
    const reasons: Record<Exclude<Refusal['reason'], 'no-card' | 'card-not-received'>, true> = {
      'temporary-loss': true,
      'formal-loss-not-liftable': true,
      'date-before-ready': true,
      'already-ready': true,
      'no-application': true,
      'application-open': true,
      'date-before-application': true,
      'same-policy': true,
      'loss-not-reported': true,
      'replacement-recorded': true,
      'not-lost': true,
      'card-not-in-force': true,
      'id-mismatch': true,
      'date-before-issue': true,
      'date-before-receipt': true,
      'date-before-activation': true,
      'date-before-loss': true,
      'date-in-future': true,
      'guardian-required': true,
      'guardian-too-young': true,
      'guardian-is-holder': true,
      'already-received': true,
      'already-activated': true,
      'has-card-in-force': true,
      'card-number-taken': true,
      'expiry-before-issue': true,
    };
    expect(new Set(cases.map(([, , r]) => r.reason))).toEqual(new Set(Object.keys(reasons)));
  });

  it('a loss, replacement or cancellation on the day of the last recorded event is allowed', () => {
    expect(decideLoss(activated, d('2026-04-02'), today).ok).toBe(true);
    expect(decideReplacement(lost, repl('C12345678', false, d('2026-05-02')), today).ok).toBe(true);
    expect(decideCancellation(lost, d('2026-05-02'), today).ok).toBe(true);
  });
});

describe('card-making progress (制卡进度, SPEC 1.3 v3): applied -> issued -> ready -> received; failed', () => {
  const today = judge('2026-11-24');
  const guangdong = policy('guangdong');
  it('an application completed by the card it names; the card keeps its 申领 date; at the outlet it is ready (待领卡)', () => {
    const applied = decideApply([], null, { on: d('2026-01-05'), policy: 'guangdong', generation: 2 }, today);
    if (!applied.ok) throw new Error();
    const state = applyAll({ ...emptyPerson(ADULT.number), exists: true }, applied.value.facts);
    expect(state.application).toEqual({ appliedOn: '2026-01-05', policy: 'guangdong', generation: 2, failedOn: null, reason: null });
    const issued = decideIssue([], false, { ...ISSUE, issuedOn: d('2026-01-10'), policy: 'guangdong' }, today, state.application ?? null);
    if (!issued.ok) throw new Error();
    const withCard = applyAll(state, issued.value.facts);
    expect(withCard.application).toBeNull();
    expect(withCard.cards[0]).toMatchObject({ state: 'issued', appliedOn: '2026-01-05', issuedOn: '2026-01-10' });
    const ready = decideReady(withCard.cards[0]!, d('2026-01-20'), 'ICBC Tianhe', today);
    if (!ready.ok) throw new Error();
    const atOutlet = applyAll(withCard, ready.value.facts).cards[0]!;
    // Stored as issued with readyOn; derived ready.
    expect(atOutlet).toMatchObject({ state: 'issued', readyOn: '2026-01-20', readyAt: 'ICBC Tianhe' });
    expect(cardStatus(atOutlet, guangdong, d('2026-06-01'), chinaCalendar)).toMatchObject({ card: { state: 'ready' }, deadline: { date: '2027-01-11' } });
    // 粤人社规〔2023〕5号: not collected and activated within a year of issue: sealed, also while waiting at the outlet.
    expect(cardStatus(atOutlet, guangdong, d('2027-01-12'), chinaCalendar)).toMatchObject({
      card: { state: 'sealed' },
      consequence: { kind: 'sealed', since: '2027-01-12' },
    });
    const received = decideReceipt(atOutlet, d('2026-06-01'), today);
    expect(received).toMatchObject({ ok: true, value: { card: { state: 'received', receivedOn: '2026-06-01' } } });
  });
  it('a failed application closes it; a new one may then be made', () => {
    const failed = decideFail(APPLIED, d('2026-11-05'), 'photo rejected', today);
    if (!failed.ok) throw new Error();
    expect(failed.value.facts).toEqual([{ on: '2026-11-05', body: { kind: 'card.failed', reason: 'photo rejected' } }]);
    expect(decideApply([], { ...APPLIED, failedOn: d('2026-11-05') }, { on: d('2026-11-24'), policy: 'seed', generation: 2 }, today).ok).toBe(true);
  });
  it('set-policy records a correction without a day', () => {
    expect(decideSetPolicy(card(), 'guangzhou')).toMatchObject({
      ok: true,
      value: { card: { policy: 'guangzhou' }, facts: [{ on: null, body: { kind: 'card.policy-set', card: 'A12345678', policy: 'guangzhou' } }] },
    });
  });
});
