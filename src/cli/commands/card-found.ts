// sscard card found (解挂): a lost card turned up; it returns to the state it
// had before the loss. Refused once a replacement was recorded for it.
import { decideFound } from '../../core/card.js';
import { changeCard, type CardChangeArgs } from './shared/card-change.js';
import type { Context } from '../context.js';
import { cardStateText } from '../text/words.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideFound,
    done: (ctx, card) => ctx.m.card.found(card.number, cardStateText(ctx, card.state)),
  });
}
