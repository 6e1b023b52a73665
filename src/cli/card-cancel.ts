// sscard card cancel (注销), e.g. the holder died or emigrated. Irreversible.
import { decideCancellation } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';
import { confirmed } from './input.js';

export async function run(ctx: Context, args: CardChangeArgs & { yes?: boolean }): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideCancellation,
    before: (ctx, card) => confirmed(ctx, args.yes, ctx.m.ask.confirmCancel(card)),
    done: (ctx, card, changed) =>
      ctx.lang === 'zh'
        ? changed
          ? `卡 ${card.number} 已于 ${card.endedOn} 注销，电子社保卡暂停。`
          : `卡 ${card.number} 已于 ${card.endedOn} 注销，未做更改。`
        : changed
          ? `Card ${card.number} cancelled on ${card.endedOn}; the electronic card is suspended.`
          : `Card ${card.number} was already cancelled on ${card.endedOn}; nothing changed.`,
  });
}
