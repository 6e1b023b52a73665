// sscard card found (解挂): a lost card turned up; it returns to the state it
// had before the loss. Refused once a replacement was recorded for it.
import { decideFound } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';
import { cardStateText } from './words.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideFound,
    done: (ctx, card) =>
      ctx.lang === 'zh'
        ? `卡 ${card.number} 已解挂，恢复为${cardStateText(ctx, card.state)}；已申领的电子社保卡不再受限。`
        : `Card ${card.number} is no longer reported lost: it is ${cardStateText(ctx, card.state)} again, and a claimed electronic card is no longer limited.`,
  });
}
