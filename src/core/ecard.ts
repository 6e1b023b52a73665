// The electronic social security card (电子社保卡): a credential issued by
// the national social security card platform that maps one-to-one to the
// holder's physical card in force. Having one does NOT mean the physical
// card is activated.
import type { IsoDate } from './calendar-date.js';
import { type Card, type Decision, isInForce } from './card.js';
import { type Fact, fact } from './events.js';

export const ECARD_CHANNELS = ['wechat', 'alipay', '12333', 'bank-app'] as const;
export type EcardChannel = (typeof ECARD_CHANNELS)[number];

export interface EcardClaim {
  readonly channel: EcardChannel | null;
  readonly claimedOn: IsoDate;
}

export type EcardState = 'none' | 'active' | 'suspended';

/** The e-card follows the card in force (also across a replacement) and is suspended while there is none. */
export function ecardState(claim: EcardClaim | null, card: Card | null): EcardState {
  if (claim === null) return 'none';
  return card !== null && isInForce(card) ? 'active' : 'suspended';
}

/** "Is there an activated electronic social security card?": claimed AND the card in force activated. */
export function hasActivatedEcard(claim: EcardClaim | null, card: Card | null): boolean {
  return ecardState(claim, card) === 'active' && card?.state === 'activated';
}

/** The claim recorded, and its facts; no facts: already claimed, nothing changes. */
export function decideEcardClaim(
  existing: EcardClaim | null,
  card: Card | null,
  request: EcardClaim,
  today: IsoDate,
): Decision<{ readonly claim: EcardClaim; readonly facts: readonly Fact[] }> {
  if (card === null) return { ok: false, refusal: { reason: 'no-card' } };
  if (!isInForce(card)) return { ok: false, refusal: { reason: 'card-not-in-force', state: card.state } };
  if (existing !== null) return { ok: true, value: { claim: existing, facts: [] } };
  if (request.claimedOn > today) return { ok: false, refusal: { reason: 'date-in-future' } };
  if (card.issuedOn !== null && request.claimedOn < card.issuedOn) {
    return { ok: false, refusal: { reason: 'date-before-issue', issuedOn: card.issuedOn } };
  }
  return { ok: true, value: { claim: request, facts: [fact(request.claimedOn, { kind: 'ecard.claimed', channel: request.channel })] } };
}
