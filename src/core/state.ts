// The state a person's events replay into (core/events.ts): the shapes of a
// card, an e-card claim and a hire, and the closed lists their fields take.
// A leaf: types and lists only, no rule, so that the modules that decide
// (card, ecard, registration) and the one that replays (events) all import it
// and none imports another for its types; the command line's completion
// takes its lists from here too (src/cli/commands/*.command.ts) without loading any rule.
import type { IsoDate } from './calendar-date.js';

/**
 * `sealed` (逾期封存) and `ready` (网点签收, 待领卡: an issued card with `readyOn`)
 * are never stored: they are derived from the day, the facts and the policy
 * (card.ts, cardOn). An application before any card exists (`applied`,
 * `failed`) is the person's, not a card's (events.ts, Application).
 */
export type CardState = 'issued' | 'ready' | 'received' | 'activated' | 'lost' | 'replaced' | 'cancelled' | 'sealed';

/** Where the social-security function was switched on (启用): SPEC 1.3. */
export const ENABLE_CHANNELS = ['window', 'bank', 'online', 'hospital'] as const;
export type EnableChannel = (typeof ENABLE_CHANNELS)[number];

/** Why a card was replaced (补换卡). */
export const REPLACE_REASONS = ['loss', 'damage', 'expiry', 'change'] as const;
export type ReplaceReason = (typeof REPLACE_REASONS)[number];

/** A reported loss (挂失): temporary (临时挂失, lapses) or formal (正式挂失); `resumes` is the state a found card returns to. */
export interface Loss {
  readonly kind: 'temporary' | 'formal';
  readonly reportedOn: IsoDate;
  readonly resumes: 'issued' | 'received' | 'activated';
}

export interface Card {
  readonly number: string;
  readonly holderId: string;
  readonly bank: string | null;
  /** The card policy it was issued under (SPEC 1.8); v1 cards: `seed`. */
  readonly policy: string;
  readonly generation: 2 | 3;
  readonly expiresOn: IsoDate | null;
  readonly state: CardState;
  /** The application (申领) it completed, if one was recorded (v3). */
  readonly appliedOn: IsoDate | null;
  /** Waiting at the outlet (网点签收) since, and which outlet (v3). */
  readonly readyOn: IsoDate | null;
  readonly readyAt: string | null;
  readonly issuedOn: IsoDate | null;
  readonly receivedOn: IsoDate | null;
  /** The social-security function switched on (启用); activation does it too. */
  readonly enabledOn: IsoDate | null;
  /** The financial function activated at the bank (激活). */
  readonly activatedOn: IsoDate | null;
  readonly outlet: string | null;
  /** The guardian who activated for a holder under 16. */
  readonly guardianId: string | null;
  readonly loss: Loss | null;
  /** When it left the in-force states (lost, replaced or cancelled). */
  readonly endedOn: IsoDate | null;
  readonly replacedBy: string | null;
}

/** The states in which a card is in force (在用): the one card a holder may have, which the e-card follows. */
export const IN_FORCE: ReadonlySet<CardState> = new Set(['issued', 'ready', 'received', 'activated']);

export const isInForce = (card: Card): boolean => IN_FORCE.has(card.state);

/** Second- and third-generation cards (第二代, 第三代社保卡). */
export const CARD_GENERATIONS = [2, 3] as const;

/** Where an electronic card was claimed (SPEC 1.4); ecard.ts reads the names people use for them. */
export const ECARD_CHANNELS = ['wechat', 'alipay', '12333', 'bank-app', 'gov-platform', 'unionpay', 'local-app'] as const;
export type EcardChannel = (typeof ECARD_CHANNELS)[number];

export interface EcardClaim {
  readonly channel: EcardChannel | null;
  readonly claimedOn: IsoDate;
}

export type HireKind = 'employee' | 'flexible';

export interface Hire {
  readonly kind: HireKind;
  readonly employer: string | null;
  readonly hiredOn: IsoDate;
  readonly registeredOn: IsoDate | null;
  /** 离职: the last day of the employment (SPEC 1.7). */
  readonly leftOn: IsoDate | null;
  /** The file and social insurance transfer done (劳动合同法 Art. 50). */
  readonly separationDoneOn: IsoDate | null;
  /** The monthly contribution base (缴费基数) in fen, when known (SPEC 1.9). */
  readonly base: number | null;
}
