// sscard card cancel (注销), e.g. the holder died or emigrated. Irreversible.
import { decideCancellation } from '../../core/card.js';
import { changeCard, type CardChangeArgs } from './shared/card-change.js';
import type { Context } from '../context.js';
import { confirmed } from './shared/input.js';

export async function run(ctx: Context, args: CardChangeArgs & { yes?: boolean }): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideCancellation,
    before: (ctx, card) => confirmed(ctx, args.yes, ctx.m.ask.confirmCancel(card)),
    done: (ctx, card, changed) => ctx.m.card.cancelled(card.number, card.endedOn, changed),
  });
}
