// sscard card report-loss (挂失): a lost card cannot be used or activated;
// the electronic card is suspended until a replacement is in force.
import { decideLoss } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideLoss,
    done: (ctx, card, changed) =>
      ctx.lang === 'zh'
        ? changed
          ? `卡 ${card.number} 已于 ${card.endedOn} 挂失：不能再使用或启用，电子社保卡暂停；补换卡后用 \`sscard card replace --card ${card.number} --new-card ...\` 记录。`
          : `卡 ${card.number} 已于 ${card.endedOn} 挂失，未做更改。`
        : changed
        ? `Card ${card.number} reported lost on ${card.endedOn}. It can no longer be used or activated, and the electronic card is suspended; record the replacement with \`sscard card replace --card ${card.number} --new-card ...\`.`
        : `Card ${card.number} was already reported lost on ${card.endedOn}; nothing changed.`,
  });
}
