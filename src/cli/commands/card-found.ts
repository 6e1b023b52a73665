// sscard card found (解挂): a lost card turned up; it returns to the state it
// had before the loss. Refused once a replacement was recorded for it, and
// where the card's policy says a formal loss cannot be lifted (Beijing): the
// decision reads the card's policy itself.
import { decideFound } from '../../core/card.js';
import type { Context } from '../context.js';
import { cardStateText } from '../text/words.js';
import { changeCard, type CardChangeArgs } from './shared/card-change.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideFound,
    done: (ctx, card) => ctx.m.card.found(card.number, cardStateText(ctx, card.state)),
  });
}
