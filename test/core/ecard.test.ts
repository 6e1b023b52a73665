import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import {
  type Card,
  type CardState,
  cardsOn,
  currentCard,
  decideCancellation,
  decideFound,
  decideLoss,
  decideReceipt,
  decideReplacement,
} from '../../src/core/card.js';
import { decideEcardClaim, ECARD_CHANNELS, type EcardClaim, ecardState, hasActivatedEcard, parseEcardChannel } from '../../src/core/ecard.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import type { Judging } from '../../src/core/decision.js';
import { BOOK } from './shipped-policies.js';

const judge = (today: string): Judging => ({ today: today as IsoDate, calendar: chinaCalendar, policies: BOOK });

const d = (s: string) => s as IsoDate;
const card = (state: CardState, over: Partial<Card> = {}): Card => ({
  number: 'A12345678',
  holderId: '11010519491231002X',
  bank: null,
  state,
  issuedOn: d('2026-03-01'),
  receivedOn: state === 'issued' ? null : d('2026-03-31'),
  activatedOn: state === 'activated' ? d('2026-04-02') : null,
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
  enabledOn: state === 'activated' ? d('2026-04-02') : null,
  loss: null,
  ...over,
});
const claim: EcardClaim = { channel: 'wechat', claimedOn: d('2026-04-01') };

describe('the e-card and "is there an activated electronic social security card?" (SPEC 1.4)', () => {
  it.each([
    // claim, card state, e-card state, activated e-card
    [null, 'activated', 'none', false], // activated card, no e-card
    [claim, 'received', 'active', false], // having the e-card does not mean the card is activated
    [claim, 'issued', 'active', false], // an original card claimed before receipt (v1 allowed it): in force
    [claim, 'activated', 'active', true],
    [claim, 'lost', 'limited', false], // usable with the holder's authorisation, not suspended
    [claim, 'cancelled', 'suspended', false],
    [claim, 'sealed', 'suspended', false],
  ] as const)('claim %j, card %s -> %s, activated e-card %s', (c, state, expected, activated) => {
    expect(ecardState(c, [card(state)])).toBe(expected);
    expect(hasActivatedEcard(c, [card(state)])).toBe(activated);
  });

  // The holder's cards, oldest first, as the store gives them to status.
  const old = card('replaced', { replacedBy: 'B12345678' });
  const next = (state: CardState, over: Partial<Card> = {}): Card => card(state, { number: 'B12345678', ...over });
  it.each([
    ['replaced, the new card not yet received: limited during the replacement (SPEC 1.4 v3)', [old, next('issued')], 'limited', false],
    ['replaced, the new card waiting at the outlet', [old, next('ready', { readyOn: '2026-06-15' as never })], 'limited', false],
    ['replaced, the new third-generation card issued (its e-card exists from issue)', [old, next('issued', { generation: 3 })], 'active', false],
    ['replaced, the new card received: back without a new claim', [old, next('received')], 'active', false],
    ['replaced, the new card activated', [old, next('activated')], 'active', true],
    ['replaced, then the new card lost', [old, next('lost')], 'limited', false],
    ['replaced, then the new card cancelled', [old, next('cancelled')], 'suspended', false],
  ] as const)('%s: %s, activated e-card %s', (_, cards, expected, activated) => {
    expect(ecardState(claim, cards)).toBe(expected);
    expect(hasActivatedEcard(claim, cards)).toBe(activated);
  });

  it('follows the card through issue, receipt, loss, found, replacement, receipt of the new card and cancellation', () => {
    const today = judge('2026-11-24');
    const at = (cards: Card[]) => ecardState(claim, cardsOn(cards, BOOK, today.today, chinaCalendar));
    const issued = card('issued');
    const received = decideReceipt(issued, d('2026-03-31'), today);
    if (!received.ok) throw new Error('receipt');
    const r = received.value.card!;
    const lost = decideLoss(r, d('2026-05-01'), today);
    if (!lost.ok) throw new Error('loss');
    const found = decideFound(lost.value.card!, d('2026-05-03'), today);
    if (!found.ok) throw new Error('found');
    const lostAgain = decideLoss(found.value.card!, d('2026-06-01'), today);
    if (!lostAgain.ok) throw new Error('loss');
    const replaced = decideReplacement(
      lostAgain.value.card!,
      { newNumber: 'B12345678', numberTaken: false, on: d('2026-06-10'), bank: null, reason: 'loss', policy: null },
      today,
    );
    if (!replaced.ok) throw new Error('replacement');
    const newReceived = decideReceipt(replaced.value.replacement, d('2026-06-20'), today);
    if (!newReceived.ok) throw new Error('receipt');
    const cancelled = decideCancellation(newReceived.value.card!, d('2026-11-01'), today);
    if (!cancelled.ok) throw new Error('cancel');
    expect([
      at([issued]),
      at([r]),
      at([lost.value.card!]),
      at([found.value.card!]),
      at([replaced.value.old, replaced.value.replacement]),
      at([replaced.value.old, newReceived.value.card!]),
      at([replaced.value.old, cancelled.value.card!]),
    ]).toEqual(['active', 'active', 'limited', 'active', 'limited', 'active', 'suspended']);
  });
});

describe('decideEcardClaim: a RECEIVED card, or a third-generation one from issue', () => {
  const today = judge('2026-11-24');
  it('needs a card', () => {
    expect(decideEcardClaim(null, [], claim, today)).toEqual({ ok: false, refusal: { reason: 'no-card' } });
  });
  it.each(['replaced', 'cancelled', 'sealed'] as const)('refuses with a %s card, even when claimed before (it is suspended)', (state) => {
    expect(decideEcardClaim(null, [card(state)], claim, today)).toEqual({ ok: false, refusal: { reason: 'card-not-in-force', state } });
    expect(decideEcardClaim(claim, [card(state)], claim, today)).toEqual({ ok: false, refusal: { reason: 'card-not-in-force', state } });
  });
  it('refuses an issued second-generation card: issued is not enough', () => {
    expect(decideEcardClaim(null, [card('issued')], claim, today)).toEqual({ ok: false, refusal: { reason: 'card-not-received' } });
  });
  it('accepts an issued third-generation card from its issue date, not before', () => {
    const g3 = card('issued', { generation: 3 });
    expect(decideEcardClaim(null, [g3], { channel: 'alipay', claimedOn: d('2026-03-01') }, today)).toMatchObject({
      ok: true,
      value: { facts: [{ on: '2026-03-01' }] },
    });
    expect(decideEcardClaim(null, [g3], { channel: 'alipay', claimedOn: d('2026-02-28') }, today)).toEqual({
      ok: false,
      refusal: { reason: 'date-before-issue', issuedOn: '2026-03-01' },
    });
  });
  it.each(['received', 'activated', 'lost'] as const)('accepts a claim with a %s card (a lost one starts limited)', (state) => {
    expect(decideEcardClaim(null, [card(state)], claim, today)).toEqual({
      ok: true,
      value: { claim, card: card(state), facts: [{ on: '2026-04-01', body: { kind: 'ecard.claimed', channel: 'wechat' } }] },
    });
  });
  it('records a claim once; a second claim changes nothing', () => {
    expect(decideEcardClaim(claim, [card('activated')], { channel: 'alipay', claimedOn: today.today }, today)).toMatchObject({
      ok: true,
      value: { claim, facts: [] },
    });
  });
  it('refuses dates in the future or before the card was received', () => {
    expect(decideEcardClaim(null, [card('received')], { channel: null, claimedOn: d('2026-11-25') }, today)).toEqual({
      ok: false,
      refusal: { reason: 'date-in-future' },
    });
    expect(decideEcardClaim(null, [card('received')], { channel: null, claimedOn: d('2026-03-30') }, today)).toEqual({
      ok: false,
      refusal: { reason: 'date-before-receipt', receivedOn: '2026-03-31' },
    });
  });
});

describe('channels: ids in any case, and their Chinese names', () => {
  it.each([
    ['WeChat', 'wechat'],
    ['微信', 'wechat'],
    ['ALIPAY', 'alipay'],
    ['支付宝', 'alipay'],
    ['掌上12333', '12333'],
    ['12333', '12333'],
    ['银行APP', 'bank-app'],
    ['银行App', 'bank-app'],
    ['Bank-App', 'bank-app'],
    ['云闪付', 'unionpay'],
    ['国家政务服务平台', 'gov-platform'],
    ['国家社会保险公共服务平台', 'gov-platform'],
    ['随申办', 'local-app'],
    ['本地APP', 'local-app'],
    [' Local-App ', 'local-app'],
  ])('%s -> %s', (text, channel) => expect(parseEcardChannel(text)).toBe(channel));
  it('knows every channel by its id', () => {
    for (const channel of ECARD_CHANNELS) expect(parseEcardChannel(channel)).toBe(channel);
  });
  it.each(['', 'telegram', '微博'])('refuses %j', (text) => expect(parseEcardChannel(text)).toBeNull());
});

describe('currentCard', () => {
  it('prefers the card in force, else the most recent', () => {
    expect(currentCard([card('replaced', { replacedBy: 'B12345678' }), card('received', { number: 'B12345678' })])?.number).toBe('B12345678');
  });
});

describe('a third-generation card: its e-card from the application (SPEC 1.4 v3)', () => {
  const application = { appliedOn: '2026-11-01' as IsoDate, policy: 'seed', generation: 3 as const, failedOn: null, reason: null };
  it('can be claimed from the application day, before any card exists, and is active', () => {
    const today = judge('2026-11-24');
    const claim = decideEcardClaim(null, [], { channel: 'wechat', claimedOn: '2026-11-02' as IsoDate }, today, application);
    expect(claim).toMatchObject({ ok: true, value: { facts: [{ body: { kind: 'ecard.claimed' } }] } });
    expect(decideEcardClaim(null, [], { channel: 'wechat', claimedOn: '2026-10-31' as IsoDate }, today, application)).toEqual({
      ok: false,
      refusal: { reason: 'date-before-application', appliedOn: '2026-11-01' },
    });
    expect(ecardState({ channel: 'wechat', claimedOn: '2026-11-02' as IsoDate }, [], application)).toBe('active');
    // A second-generation application has no e-card until the card is received.
    expect(decideEcardClaim(null, [], { channel: 'wechat', claimedOn: '2026-11-02' as IsoDate }, today, { ...application, generation: 2 })).toEqual({
      ok: false,
      refusal: { reason: 'no-card' },
    });
  });
});
