// The electronic social security card (电子社保卡, SPEC 1.4): the online form
// of the physical card (社会保险经办条例 Art. 7), issued by the national
// platform, one-to-one with the card in force. Having one does NOT mean the
// physical card is activated.
import { type Card, type CardRefusal, cardsAsOf, currentCard, isInForce } from './card.js';
import { allow, type Decision, type Judging, refuse } from './decision.js';
import { ECARD_CHANNELS, type EcardChannel, type EcardClaim } from './state.js';
import { type Application, type Fact, fact } from './events.js';

export { ECARD_CHANNELS, type EcardChannel, type EcardClaim } from './state.js';

/**
 * The names people use for the channels, lower-cased: the Chinese names of
 * the apps and platforms, and the city and provincial apps that issue the
 * e-card (随申办 Shanghai, 粤省事 Guangdong, 天府通办 Sichuan, 三晋通
 * Shanxi, 北京通 Beijing, i深圳 Shenzhen, 浙里办 Zhejiang, 苏服办 Jiangsu).
 */
const CHANNEL_NAMES: Readonly<Record<string, EcardChannel>> = {
  微信: 'wechat',
  weixin: 'wechat',
  支付宝: 'alipay',
  掌上12333: '12333',
  'zhangshang 12333': '12333',
  银行app: 'bank-app',
  手机银行: 'bank-app',
  'bank app': 'bank-app',
  国家政务服务平台: 'gov-platform',
  国家社会保险公共服务平台: 'gov-platform',
  云闪付: 'unionpay',
  本地app: 'local-app',
  随申办: 'local-app',
  粤省事: 'local-app',
  天府通办: 'local-app',
  三晋通: 'local-app',
  北京通: 'local-app',
  i深圳: 'local-app',
  浙里办: 'local-app',
  苏服办: 'local-app',
};

/** A channel as typed (any case, English id or Chinese name), or null when it is none of them. */
export function parseEcardChannel(input: string): EcardChannel | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if ((ECARD_CHANNELS as readonly string[]).includes(text)) return text as EcardChannel;
  return CHANNEL_NAMES[text] ?? CHANNEL_NAMES[text.replace(/ /g, '')] ?? null;
}

export type EcardState = 'none' | 'active' | 'limited' | 'suspended';

/**
 * The e-card follows the holder's card in force (SPEC 1.4), given the cards
 * as they stand that day (cardsOn), oldest first:
 * - `limited` while that card is lost, temporarily or formally, or replaced
 *   and the new card not yet received (unless third-generation: its e-card
 *   exists from the application): its services work only with the holder's
 *   authorisation (public Q&As: the e-card goes on during loss and
 *   replacement, SPEC 1.4 v3);
 * - `suspended` with no card in force: cancelled or sealed;
 * - back to `active` when the replacement is received, without a new claim.
 */
export function ecardState(claim: EcardClaim | null, cards: readonly Card[], application: Application | null = null): EcardState {
  if (claim === null) return 'none';
  // A third-generation card's e-card exists from its application (申领即生成电子社保卡), before the card is made.
  if (!cards.some(isInForce) && application?.generation === 3 && application.failedOn === null) return 'active';
  const card = currentCard(cards);
  if (card === null) return 'suspended';
  if (card.state === 'lost') return 'limited';
  if (!isInForce(card)) return 'suspended';
  // During a replacement, until the new card is received, the e-card's services go on with the holder's authorisation (SPEC 1.4 v3).
  const replacement = cards.some((c) => c.replacedBy === card.number);
  return replacement && (card.state === 'issued' || card.state === 'ready') && card.generation !== 3 ? 'limited' : 'active';
}

/** "Is there an activated electronic social security card?": the e-card active AND the card in force activated. */
export function hasActivatedEcard(claim: EcardClaim | null, cards: readonly Card[]): boolean {
  return ecardState(claim, cards) === 'active' && currentCard(cards)?.state === 'activated';
}

/**
 * The claim recorded, and its facts; no facts: already claimed, nothing
 * changes. The claim needs a RECEIVED card that is not cancelled, replaced
 * or sealed (a lost one will do); a third-generation card's e-card is
 * generated with its application, so it can be claimed from the issue date.
 * `cards`: the holder's cards as replayed, judged as they stood on the claim
 * day (cardsAsOf); the card the e-card follows is the current one then.
 */
export function decideEcardClaim(
  existing: EcardClaim | null,
  cards: readonly Card[],
  request: EcardClaim,
  j: Judging,
  application: Application | null = null,
): Decision<{ readonly claim: EcardClaim; readonly card: Card | null; readonly facts: readonly Fact[] }, CardRefusal> {
  const card = currentCard(cardsAsOf(cards, request.claimedOn, j));
  const applied = application?.generation === 3 && application.failedOn === null && (card === null || !isInForce(card)) ? application : null;
  if (applied) {
    // A third-generation card applied for: its e-card can be claimed from the application day (SPEC 1.4 v3).
    if (existing !== null) return allow({ claim: existing, card, facts: [] });
    if (request.claimedOn > j.today) return refuse({ reason: 'date-in-future' });
    if (request.claimedOn < applied.appliedOn) return refuse({ reason: 'date-before-application', appliedOn: applied.appliedOn });
    return allow({ claim: request, card, facts: [fact(request.claimedOn, { kind: 'ecard.claimed', channel: request.channel })] });
  }
  if (card === null) return refuse({ reason: 'no-card' });
  if (!isInForce(card) && card.state !== 'lost') return refuse({ reason: 'card-not-in-force', state: card.state });
  if (existing !== null) return allow({ claim: existing, card, facts: [] });
  if (request.claimedOn > j.today) return refuse({ reason: 'date-in-future' });
  const from = card.generation === 3 ? (card.appliedOn ?? card.issuedOn) : card.receivedOn;
  if (from === null) return refuse({ reason: 'card-not-received' });
  if (request.claimedOn < from) {
    return refuse(card.generation === 3 ? { reason: 'date-before-issue', issuedOn: from } : { reason: 'date-before-receipt', receivedOn: from });
  }
  return allow({ claim: request, card, facts: [fact(request.claimedOn, { kind: 'ecard.claimed', channel: request.channel })] });
}
