// Every decision of the core in the given/when/then form of a decider test
// (as event-driven-io/emmett's DeciderSpecification): GIVEN these events (a
// person's history, replayed as the store replays it), WHEN this decision is
// asked on a day, THEN these facts, or this refusal (code and parameters).
// The decisions get the stored state and the Judging only: applying the card
// as it stands (sealed, a temporary loss lapsed) is theirs (issue 24).
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import {
  type Card,
  decideActivation,
  decideCancellation,
  decideEnable,
  decideFound,
  decideIssue,
  decideLoss,
  decideReceipt,
  decideReplacement,
} from '../../src/core/card.js';
import { type CitizenId, parseCitizenId } from '../../src/core/citizen-id.js';
import type { Decision, Judging } from '../../src/core/decision.js';
import { isBadInput, type Refusal } from '../../src/core/refusal.js';
import { decideEcardClaim } from '../../src/core/ecard.js';
import { applyAll, decideRevocation, emptyPerson, type EventBody, type Fact, fact, type LedgerEvent, type PersonState } from '../../src/core/events.js';
import { type LedgerRow, planRow } from '../../src/core/ledger-row.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import { findPolicy } from '../../src/core/policy.js';
import { decideRegistration } from '../../src/core/registration.js';
import { decideLeave } from '../../src/core/separation.js';
import { textProblem } from '../../src/core/text-limits.js';
import { BOOK } from './shipped-policies.js';

const d = (s: string) => s as IsoDate;
const on = (today: string): Judging => ({ today: d(today), calendar: chinaCalendar, policies: BOOK });
const idOf = (n: string): CitizenId => {
  const r = parseCitizenId(n, d('2026-11-24'));
  if (!r.ok) throw new Error('bad test id');
  return r.id;
};
const WANG = idOf('11010519491231002X');
const G = idOf('44030419900307123X');
const CHILD = idOf('110105201211240033');

type Event = [string | null, EventBody];

/** GIVEN a person's events, WHEN a decision on their state, THEN facts or a refusal. */
function given(holder: CitizenId, ...events: Event[]) {
  const state: PersonState = applyAll(emptyPerson(holder.number), [
    fact(null, { kind: 'person.recorded', name: null }),
    ...events.map(([day, body]) => fact(day as IsoDate | null, body)),
  ]);
  const card = (number: string): Card => state.cards.find((c) => c.number === number)!;
  return {
    state,
    card,
    when<T extends { readonly facts: readonly Fact[] }>(decide: (state: PersonState, card: (number: string) => Card) => Decision<T, Refusal>) {
      const decision = decide(state, card);
      return {
        thenFacts(facts: Event[]) {
          expect(decision.ok ? decision.value.facts : decision).toEqual(facts.map(([day, body]) => ({ on: day, body })));
        },
        thenNothingChanges() {
          expect(decision.ok ? decision.value.facts : decision).toEqual([]);
        },
        thenRefused(refusal: Refusal) {
          expect(decision).toEqual({ ok: false, refusal });
        },
      };
    },
  };
}

// A history's events, by name.
const issued = (card: string, day: string, policy = 'seed', over: Partial<Extract<EventBody, { kind: 'card.issued' }>> = {}): Event => [
  day,
  { kind: 'card.issued', card, bank: 'ICBC', policy, generation: 2, expiresOn: null, replaces: null, ...over },
];
const received = (card: string, day: string): Event => [day, { kind: 'card.received', card }];
const enabled = (card: string, day: string): Event => [day, { kind: 'card.enabled', card, channel: 'online' }];
const activated = (card: string, day: string): Event => [day, { kind: 'card.activated', card, outlet: null, guardian: null }];
const lost = (card: string, day: string, temporary = false): Event => [day, { kind: 'card.lost', card, temporary }];
const hired = (employer: string | null, day: string, hireKind: 'employee' | 'flexible' = 'employee'): Event => [
  day,
  { kind: 'hire.recorded', employer, hiredOn: d(day), hireKind },
];
const registered = (employer: string, hiredOn: string, day: string): Event => [day, { kind: 'hire.registered', employer, hiredOn: d(hiredOn) }];
const ended = (employer: string, hiredOn: string, day: string): Event => [day, { kind: 'hire.ended', employer, hiredOn: d(hiredOn) }];

const visit = (holder: CitizenId, day: string, guardian: CitizenId | null = null) => ({ holder, idDocument: holder, on: d(day), outlet: null, guardian });

describe('decideRegistration (参保登记, SPEC 1.5)', () => {
  const request = (over: Partial<Parameters<typeof decideRegistration>[1]> = {}) => ({
    kind: 'employee' as const,
    employer: 'Acme',
    hiredOn: d('2026-09-01'),
    registeredOn: null,
    birthDate: WANG.birthDate,
    ...over,
  });

  it('given nothing, when a hire filed on a day, then the hire and its registration', () => {
    given(WANG)
      .when((s) => decideRegistration(s.hires, request({ registeredOn: d('2026-09-20') }), on('2026-11-24')))
      .thenFacts([hired('Acme', '2026-09-01'), registered('Acme', '2026-09-01', '2026-09-20')]);
  });
  it('given a pending hire, when the filing, then the registration only', () => {
    given(WANG, hired('Acme', '2026-09-01'))
      .when((s) => decideRegistration(s.hires, request({ registeredOn: d('2026-09-20') }), on('2026-11-24')))
      .thenFacts([registered('Acme', '2026-09-01', '2026-09-20')]);
  });
  it('given a filed hire, when the same again, then nothing changes', () => {
    given(WANG, hired('Acme', '2026-09-01'), registered('Acme', '2026-09-01', '2026-09-20'))
      .when((s) => decideRegistration(s.hires, request({ registeredOn: d('2026-09-20') }), on('2026-11-24')))
      .thenNothingChanges();
  });
  it('given a filed hire, when another filing date, then refused', () => {
    given(WANG, hired('Acme', '2026-09-01'), registered('Acme', '2026-09-01', '2026-09-20'))
      .when((s) => decideRegistration(s.hires, request({ registeredOn: d('2026-09-21') }), on('2026-11-24')))
      .thenRefused({ reason: 'already-registered', registeredOn: d('2026-09-20') });
  });
  it.each<[string, Partial<ReturnType<typeof request>>, Refusal]>([
    ['a flexible worker with an employer (灵活就业: no employer)', { kind: 'flexible' }, { reason: 'flexible-with-employer' }],
    ['a hire before birth', { birthDate: d('2026-10-01') }, { reason: 'hire-date-before-birth', hiredOn: d('2026-09-01') }],
    ['a hire 13 months ahead', { hiredOn: d('2027-12-25') }, { reason: 'hire-date-too-far-ahead', hiredOn: d('2027-12-25'), months: 12 }],
    ['a hire in 1899', { hiredOn: d('1899-12-31') }, { reason: 'hire-date-out-of-range', hiredOn: d('1899-12-31') }],
    ['a child of 13 (Labour Law Art. 15)', { birthDate: CHILD.birthDate }, { reason: 'under-age', age: 13 }],
    ['a filing before the hire', { registeredOn: d('2026-08-31') }, { reason: 'registered-before-hire' }],
    ['a filing tomorrow', { registeredOn: d('2026-11-25') }, { reason: 'registration-in-future' }],
  ])('given nothing, when %s, then refused', (_, over, refusal) => {
    given(WANG)
      .when((s) => decideRegistration(s.hires, request(over), on('2026-11-24')))
      .thenRefused(refusal);
  });
  it('a flexible worker without an employer registers themself, without a deadline', () => {
    given(WANG)
      .when((s) => decideRegistration(s.hires, request({ kind: 'flexible', employer: null }), on('2026-11-24')))
      .thenFacts([hired(null, '2026-09-01', 'flexible')]);
  });
});

describe('decideLeave (离职, SPEC 1.7)', () => {
  const leave = (over: Partial<Parameters<typeof decideLeave>[1]> = {}) => ({
    employer: 'Acme',
    leftOn: d('2026-11-10'),
    hiredOn: null,
    doneOn: null,
    ...over,
  });
  it('given an open hire, when it ends and the transfer is done, then both facts', () => {
    given(WANG, hired('Acme', '2026-09-01'))
      .when((s) => decideLeave(s.hires, leave({ doneOn: d('2026-11-20') }), on('2026-11-24')))
      .thenFacts([ended('Acme', '2026-09-01', '2026-11-10'), ['2026-11-20', { kind: 'hire.separated', employer: 'Acme', hiredOn: d('2026-09-01') }]]);
  });
  it('given an ended hire, when another end, then refused', () => {
    given(WANG, hired('Acme', '2026-09-01'), ended('Acme', '2026-09-01', '2026-11-01'))
      .when((s) => decideLeave(s.hires, leave(), on('2026-11-24')))
      .thenRefused({ reason: 'already-left', leftOn: d('2026-11-01') });
  });
  it('given no hire with that employer, when it ends, then refused', () => {
    given(WANG)
      .when((s) => decideLeave(s.hires, leave(), on('2026-11-24')))
      .thenRefused({ reason: 'no-open-hire' });
  });
  it('given two open hires with one employer, when one named by its hire date ends, then that one', () => {
    given(WANG, hired('Acme', '2026-09-01'), hired('Acme', '2026-10-01'))
      .when((s) => decideLeave(s.hires, leave({ hiredOn: d('2026-10-01') }), on('2026-11-24')))
      .thenFacts([ended('Acme', '2026-10-01', '2026-11-10')]);
  });
  // Only an employee's hire ends by `leave` (a flexible worker's has no employer to leave); a flexible hire recorded
  // with an employer (a record the decisions refuse, given here as facts) is no employee's, named or not.
  it.each([null, d('2026-09-01')])('given a flexible hire at that employer, when it ends (hire date %s), then refused', (hiredOn) => {
    given(WANG, hired('Acme', '2026-09-01', 'flexible'))
      .when((s) => decideLeave(s.hires, leave({ hiredOn }), on('2026-11-24')))
      .thenRefused({ reason: 'no-open-hire' });
  });
});

describe('decideIssue (制卡, SPEC 1.3)', () => {
  const request = (over: Partial<Parameters<typeof decideIssue>[2]> = {}) => ({
    number: 'B12345678',
    holderId: G.number,
    bank: 'ICBC',
    issuedOn: d('2026-11-20'),
    policy: 'guangdong',
    generation: 2 as const,
    expiresOn: null,
    ...over,
  });
  it('given nothing, when a card is issued, then the card', () => {
    given(G)
      .when((s) => decideIssue(s.cards, false, request(), on('2026-11-24')))
      .thenFacts([issued('B12345678', '2026-11-20', 'guangdong')]);
  });
  it('given a card in force, when another is issued, then refused: one card in force', () => {
    given(G, issued('A12345678', '2026-03-01'))
      .when((s) => decideIssue(s.cards, false, request(), on('2026-11-24')))
      .thenRefused({ reason: 'has-card-in-force', card: 'A12345678' });
  });
  it('given a Guangdong card sealed since 2026-01-05, when a new card is issued, then the new card: the sealed one is out of force', () => {
    given(G, issued('A12345678', '2025-01-02', 'guangdong'))
      .when((s) => decideIssue(s.cards, false, request(), on('2026-11-24')))
      .thenFacts([issued('B12345678', '2026-11-20', 'guangdong')]);
  });
  it('given that card, when a new card dated before the seal, then refused: it was still in force that day', () => {
    given(G, issued('A12345678', '2025-01-02', 'guangdong'))
      .when((s) => decideIssue(s.cards, false, request({ issuedOn: d('2025-06-01') }), on('2026-11-24')))
      .thenRefused({ reason: 'has-card-in-force', card: 'A12345678' });
  });
  it('given nothing, when the expiry is on or before the issue day, then refused as bad input (exit 2 on both paths)', () => {
    const refusal: Refusal = { reason: 'expiry-before-issue', expiresOn: d('2026-11-20'), issuedOn: d('2026-11-20') };
    given(G)
      .when((s) => decideIssue(s.cards, false, request({ expiresOn: d('2026-11-20') }), on('2026-11-24')))
      .thenRefused(refusal);
    expect(isBadInput(refusal)).toBe(true);
  });
  it('given another person holds the number, when issued, then refused', () => {
    given(G)
      .when((s) => decideIssue(s.cards, true, request(), on('2026-11-24')))
      .thenRefused({ reason: 'card-number-taken' });
  });
});

describe('decideReceipt, decideEnable, decideActivation (领卡, 启用, 激活: SPEC 1.3)', () => {
  it('given an issued card, when received, then the receipt', () => {
    given(WANG, issued('A12345678', '2026-03-01'))
      .when((_, card) => decideReceipt(card('A12345678'), d('2026-03-31'), on('2026-11-24')))
      .thenFacts([received('A12345678', '2026-03-31')]);
  });
  it('given a received card, when the social function is enabled online, then the enabling only (not an activation)', () => {
    given(WANG, issued('A12345678', '2026-03-01'), received('A12345678', '2026-03-31'))
      .when((_, card) => decideEnable(card('A12345678'), d('2026-11-20'), 'online', on('2026-11-24')))
      .thenFacts([enabled('A12345678', '2026-11-20')]);
  });
  it('given a received card, when activated at the bank, then the activation', () => {
    given(WANG, issued('A12345678', '2026-03-01'), received('A12345678', '2026-03-31'))
      .when((_, card) => decideActivation(card('A12345678'), visit(WANG, '2026-11-24'), on('2026-11-24')))
      .thenFacts([activated('A12345678', '2026-11-24')]);
  });
  it('given an issued card never recorded as received, when activated, then the receipt that day too', () => {
    given(WANG, issued('A12345678', '2026-03-01'))
      .when((_, card) => decideActivation(card('A12345678'), visit(WANG, '2026-04-02'), on('2026-11-24')))
      .thenFacts([received('A12345678', '2026-04-02'), activated('A12345678', '2026-04-02')]);
  });
  it('given an activated card, when activated again, then nothing changes', () => {
    given(WANG, issued('A12345678', '2026-03-01'), received('A12345678', '2026-03-31'), activated('A12345678', '2026-04-02'))
      .when((_, card) => decideActivation(card('A12345678'), visit(WANG, '2026-11-24'), on('2026-11-24')))
      .thenNothingChanges();
  });
  it('given a child holder, when activated without a guardian, then refused', () => {
    given(CHILD, issued('C12345678', '2026-03-01'), received('C12345678', '2026-03-31'))
      .when((_, card) => decideActivation(card('C12345678'), visit(CHILD, '2026-11-20'), on('2026-11-24')))
      .thenRefused({ reason: 'guardian-required', age: 13 });
  });

  // The issue's case: the card policy applies itself, whoever asks.
  describe('given a Guangdong card issued 2025-01-02 (window: one year from issue, then sealed 逾期封存)', () => {
    const history = [issued('G00000001', '2025-01-02', 'guangdong'), received('G00000001', '2025-02-01'), enabled('G00000001', '2025-02-02')] as Event[];
    const sealed: Refusal = { reason: 'card-not-in-force', state: 'sealed' };
    it('when activated on 2026-11-20, then refused: sealed since the day after its deadline', () => {
      given(G, ...history)
        .when((_, card) => decideActivation(card('G00000001'), visit(G, '2026-11-20'), on('2026-11-20')))
        .thenRefused(sealed);
    });
    it('when the activation of 2025-06-01 is recorded on 2026-11-20, then the activation: it was in time that day', () => {
      given(G, ...history)
        .when((_, card) => decideActivation(card('G00000001'), visit(G, '2025-06-01'), on('2026-11-20')))
        .thenFacts([activated('G00000001', '2025-06-01')]);
    });
    it('when received, enabled, lost or cancelled after the seal, then refused alike', () => {
      const j = on('2026-11-20');
      const card = given(G, issued('G00000001', '2025-01-02', 'guangdong')).card('G00000001');
      expect(decideReceipt(card, d('2026-11-20'), j)).toEqual({ ok: false, refusal: sealed });
      expect(decideEnable(card, d('2026-11-20'), null, j)).toEqual({ ok: false, refusal: sealed });
      expect(decideLoss(card, d('2026-11-20'), j)).toEqual({ ok: false, refusal: sealed });
      expect(decideCancellation(card, d('2026-11-20'), j)).toEqual({ ok: false, refusal: sealed });
    });
    it('when a row activates it on 2026-11-20 (import), then the same refusal, on activated_on', () => {
      const row: LedgerRow = {
        id: G,
        name: null,
        hire: null,
        card: {
          number: 'G00000001',
          bank: 'ICBC',
          policy: 'guangdong',
          policyGiven: true,
          generation: 2,
          appliedOn: null,
          issuedOn: d('2025-01-02'),
          readyOn: null,
          readyAt: null,
          receivedOn: d('2025-02-01'),
          enabledOn: d('2025-02-02'),
          activatedOn: d('2026-11-20'),
          guardian: null,
          expiresOn: null,
          end: null,
        },
        application: null,
        ecard: null,
      };
      const ledger = given(G, ...history).state;
      expect(planRow(row, ledger, G.number, on('2026-11-20'))).toEqual({ ok: false, problem: { field: 'activated_on', refusal: sealed } });
      // The same row on a new ledger (the card issued by the row itself) is refused alike.
      expect(planRow(row, emptyPerson(G.number), null, on('2026-11-20'))).toEqual({ ok: false, problem: { field: 'activated_on', refusal: sealed } });
    });
  });
});

describe('decideLoss, decideFound, decideReplacement, decideCancellation (挂失, 解挂, 补换, 注销)', () => {
  const inForce = [issued('A12345678', '2026-03-01'), received('A12345678', '2026-03-31'), activated('A12345678', '2026-04-02')] as Event[];
  const replace = (day: string, reason: 'loss' | null = 'loss') => ({
    newNumber: 'B12345678',
    numberTaken: false,
    on: d(day),
    bank: null,
    reason,
    policy: null,
  });
  it('given a card in force, when reported lost formally, then the loss', () => {
    given(WANG, ...inForce)
      .when((_, card) => decideLoss(card('A12345678'), d('2026-05-01'), on('2026-11-24')))
      .thenFacts([lost('A12345678', '2026-05-01')]);
  });
  it('given a temporary loss of 2026-05-01 (seed: 10 days, then lifted), when found on 2026-05-05, then found: it still held that day', () => {
    given(WANG, ...inForce, lost('A12345678', '2026-05-01', true))
      .when((_, card) => decideFound(card('A12345678'), d('2026-05-05'), on('2026-11-24')))
      .thenFacts([['2026-05-05', { kind: 'card.found', card: 'A12345678' }]]);
  });
  it('given that temporary loss, when found on 2026-06-01, then refused: it had lapsed by then', () => {
    given(WANG, ...inForce, lost('A12345678', '2026-05-01', true))
      .when((_, card) => decideFound(card('A12345678'), d('2026-06-01'), on('2026-11-24')))
      .thenRefused({ reason: 'not-lost', state: 'activated' });
  });
  it('given that temporary loss, when replaced for loss while it holds, then refused: 补领 needs 正式挂失', () => {
    given(WANG, ...inForce, lost('A12345678', '2026-05-01', true))
      .when((_, card) => decideReplacement(card('A12345678'), replace('2026-05-05'), on('2026-11-24')))
      .thenRefused({ reason: 'temporary-loss' });
  });
  it('given a formal loss, when replaced, then the old card replaced and the new one issued', () => {
    given(WANG, ...inForce, lost('A12345678', '2026-05-01'))
      .when((_, card) => decideReplacement(card('A12345678'), replace('2026-05-10'), on('2026-11-24')))
      .thenFacts([
        ['2026-05-10', { kind: 'card.replaced', card: 'A12345678', newCard: 'B12345678', reason: 'loss' }],
        issued('B12345678', '2026-05-10', 'seed', { replaces: 'A12345678' }),
      ]);
  });
  it('given a card in force, when cancelled, then the cancellation; when again, nothing changes', () => {
    given(WANG, ...inForce)
      .when((_, card) => decideCancellation(card('A12345678'), d('2026-11-01'), on('2026-11-24')))
      .thenFacts([['2026-11-01', { kind: 'card.cancelled', card: 'A12345678' }]]);
    given(WANG, ...inForce, ['2026-11-01', { kind: 'card.cancelled', card: 'A12345678' }])
      .when((_, card) => decideCancellation(card('A12345678'), d('2026-11-01'), on('2026-11-24')))
      .thenNothingChanges();
  });
});

describe('decideEcardClaim (申领电子社保卡, SPEC 1.4)', () => {
  const claim = (day: string) => ({ channel: 'wechat' as const, claimedOn: d(day) });
  it('given a received card, when the e-card is claimed, then the claim', () => {
    given(WANG, issued('A12345678', '2026-03-01'), received('A12345678', '2026-03-31'))
      .when((s) => decideEcardClaim(s.ecard, s.cards, claim('2026-04-01'), on('2026-11-24')))
      .thenFacts([['2026-04-01', { kind: 'ecard.claimed', channel: 'wechat' }]]);
  });
  it('given an issued card only, when claimed, then refused: the card must be received', () => {
    given(WANG, issued('A12345678', '2026-03-01'))
      .when((s) => decideEcardClaim(s.ecard, s.cards, claim('2026-04-01'), on('2026-11-24')))
      .thenRefused({ reason: 'card-not-received' });
  });
  it('given a Guangdong card sealed since 2026-01-05, when claimed on 2026-11-20, then refused: sealed', () => {
    given(G, issued('G00000001', '2025-01-02', 'guangdong'), received('G00000001', '2025-02-01'))
      .when((s) => decideEcardClaim(s.ecard, s.cards, claim('2026-11-20'), on('2026-11-24')))
      .thenRefused({ reason: 'card-not-in-force', state: 'sealed' });
  });
});

describe('decideRevocation (SPEC 1.6)', () => {
  it('given a receipt and the activation that depends on it, when the receipt is revoked alone, then refused naming the dependent', () => {
    const events: LedgerEvent[] = [
      fact(null, { kind: 'person.recorded', name: null }),
      ...[issued('A12345678', '2026-03-01'), received('A12345678', '2026-03-31'), activated('A12345678', '2026-04-02')].map(([day, body]) =>
        fact(day as IsoDate, body),
      ),
    ].map((f, i) => ({ ...f, seq: i + 1, personId: WANG.number, recordedAt: '', source: 'test' }));
    expect(decideRevocation(events, [3], 'wrong')).toEqual({ ok: false, refusal: { reason: 'has-dependents', dependents: [4] } });
    expect(decideRevocation(events, [3, 4], 'wrong')).toEqual({
      ok: true,
      value: { facts: [{ on: null, body: { kind: 'revoked', seqs: [3, 4], reason: 'wrong' } }] },
    });
  });
});

describe('rules once, in the core, for commands and rows alike', () => {
  it('policy ids are matched trimmed and in any case: --policy SEED and a SEED cell find the same policy', () => {
    for (const text of ['seed', 'SEED', ' Seed ', 'Guangdong']) expect(findPolicy(BOOK, text)?.id).toBe(text.trim().toLowerCase());
    expect(findPolicy(BOOK, 'atlantis')).toBeNull();
  });
  it('text: at most 200 characters, no C0 control characters or DEL, not empty', () => {
    expect(textProblem('Acme Ltd')).toBeNull();
    expect(textProblem(` ${'字'.repeat(200)} `)).toBeNull();
    expect(textProblem('字'.repeat(201))).toBe('too-long');
    expect(textProblem('a\u0007b')).toBe('control-characters');
    expect(textProblem('a\u007fb')).toBe('control-characters');
    expect(textProblem('   ')).toBe('empty');
  });
  it('bad input (exit 2) is the input that cannot be right; a rule refusing now is exit 1', () => {
    expect(isBadInput({ reason: 'flexible-with-employer' })).toBe(true);
    expect(isBadInput({ reason: 'hire-date-before-birth', hiredOn: d('1940-01-01') })).toBe(true);
    expect(isBadInput({ reason: 'card-not-in-force', state: 'sealed' })).toBe(false);
    expect(isBadInput({ reason: 'under-age', age: 13 })).toBe(false);
  });
});
