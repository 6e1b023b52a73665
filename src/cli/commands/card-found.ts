// sscard card found (解挂): a lost card turned up; it returns to the state it
// had before the loss. Refused once a replacement was recorded for it.
import { decideFound } from '../../core/card.js';
import { policyOf } from '../../core/policy.js';
import type { Context } from '../context.js';
import { cardStateText } from '../text/words.js';
import { changeCard, type CardChangeArgs } from './shared/card-change.js';
import { policyBook } from './shared/policies-data.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    // The card's policy decides whether a formal loss can be lifted (Beijing: it cannot).
    decide: (card, on, today) => decideFound(card, on, today, policyOf(policyBook(), card.policy)),
    done: (ctx, card) => ctx.m.card.found(card.number, cardStateText(ctx, card.state)),
  });
}
