import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { type Card, type CardState, currentCard } from '../../src/core/card.js';
import { decideEcardClaim, type EcardClaim, ecardState, hasActivatedEcard } from '../../src/core/ecard.js';

const d = (s: string) => s as IsoDate;
const card = (state: CardState): Card => ({
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
  enabledOn: null,
  loss: null,
});
const claim: EcardClaim = { channel: 'wechat', claimedOn: d('2026-04-01') };

describe('the e-card and "is there an activated electronic social security card?" (SPEC 1.4)', () => {
  it.each([
    // claim, card state, e-card state, activated e-card
    [null, 'activated', 'none', false], // activated card, no e-card
    [claim, 'received', 'active', false], // having the e-card does not mean the card is activated
    [claim, 'issued', 'active', false],
    [claim, 'activated', 'active', true],
    [claim, 'lost', 'suspended', false],
    [claim, 'cancelled', 'suspended', false],
  ] as const)('claim %j, card %s -> %s, activated e-card %s', (c, state, expected, activated) => {
    expect(ecardState(c, card(state))).toBe(expected);
    expect(hasActivatedEcard(c, card(state))).toBe(activated);
  });

  it('follows the card in force across a replacement (the new card is what status shows)', () => {
    expect(ecardState(claim, { ...card('issued'), number: 'B12345678' })).toBe('active');
  });

  // The holder's cards, oldest first, as the store gives them to status.
  const old = { ...card('replaced'), replacedBy: 'B12345678' };
  const next = (state: CardState): Card => ({ ...card(state), number: 'B12345678' });
  it.each([
    ['replaced, the new card issued', [old, next('issued')], 'active', false],
    ['replaced, the new card activated', [old, next('activated')], 'active', true],
    ['replaced, then the new card lost', [old, next('lost')], 'suspended', false],
    ['replaced, then the new card cancelled', [old, next('cancelled')], 'suspended', false],
    ['lost, not yet replaced', [card('lost')], 'suspended', false],
  ] as const)('%s: %s, activated e-card %s', (_, cards, expected, activated) => {
    const shown = currentCard(cards);
    expect(ecardState(claim, shown)).toBe(expected);
    expect(hasActivatedEcard(claim, shown)).toBe(activated);
  });
});

describe('decideEcardClaim', () => {
  const today = d('2026-11-24');
  it('needs a card in force', () => {
    expect(decideEcardClaim(null, null, claim, today)).toEqual({ ok: false, refusal: { reason: 'no-card' } });
  });
  it.each(['lost', 'replaced', 'cancelled'] as const)('refuses with a %s card, even when claimed before (it is suspended)', (state) => {
    expect(decideEcardClaim(null, card(state), claim, today)).toEqual({ ok: false, refusal: { reason: 'card-not-in-force', state } });
    expect(decideEcardClaim(claim, card(state), claim, today)).toEqual({ ok: false, refusal: { reason: 'card-not-in-force', state } });
  });
  it.each(['issued', 'received', 'activated'] as const)('accepts a claim with a %s card (in force)', (state) => {
    expect(decideEcardClaim(null, card(state), claim, today)).toEqual({ ok: true, value: { claim, facts: [{ on: '2026-04-01', body: { kind: 'ecard.claimed', channel: 'wechat' } }] } });
  });
  it('records a claim once; a second claim changes nothing', () => {
    expect(decideEcardClaim(null, card('issued'), claim, today)).toMatchObject({ ok: true, value: { claim } });
    expect(decideEcardClaim(claim, card('activated'), { channel: 'alipay', claimedOn: today }, today)).toEqual({ ok: true, value: { claim, facts: [] } });
  });
  it('refuses dates in the future or before the card was issued', () => {
    expect(decideEcardClaim(null, card('issued'), { channel: null, claimedOn: d('2026-11-25') }, today)).toEqual({ ok: false, refusal: { reason: 'date-in-future' } });
    expect(decideEcardClaim(null, card('issued'), { channel: null, claimedOn: d('2026-02-01') }, today)).toEqual({ ok: false, refusal: { reason: 'date-before-issue', issuedOn: '2026-03-01' } });
  });
});
