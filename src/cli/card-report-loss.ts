// sscard card report-loss (挂失): temporary (临时挂失, --temporary: lapses
// after the policy's days) or formal (正式挂失, which a replacement needs).
// A lost card cannot be used or activated; its e-card is limited.
import { decideLoss } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';
import { statusToday } from './policies-data.js';
import { lossRuleText } from './policy-words.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  const temporary = Boolean(args.temporary);
  await changeCard(ctx, args, {
    decide: (card, on, today) => decideLoss(card, on, today, temporary),
    done(ctx, card, changed) {
      const zh = ctx.lang === 'zh';
      const loss = card.loss!;
      if (!changed) {
        return zh
          ? `卡 ${card.number} 已于 ${loss.reportedOn} ${loss.kind === 'temporary' ? '临时' : '正式'}挂失，未做更改。`
          : `Card ${card.number} was already reported lost (${loss.kind}) on ${loss.reportedOn}; nothing changed.`;
      }
      if (loss.kind === 'temporary') {
        const { loss: shown, policy } = statusToday(ctx, card);
        const rule = lossRuleText(ctx, policy!);
        return zh
          ? `卡 ${card.number} 已于 ${loss.reportedOn} 临时挂失，至 ${shown?.lapsesOn} 止（${rule}）。找回后用 \`sscard card found --card ${card.number}\` 解挂；补领须先正式挂失（不加 --temporary）。电子社保卡受限。`
          : `Card ${card.number} temporarily reported lost on ${loss.reportedOn}, until ${shown?.lapsesOn} (${rule}). If it turns up, record it with \`sscard card found --card ${card.number}\`; a replacement needs a formal loss (without --temporary). The electronic card is limited meanwhile.`;
      }
      return zh
        ? `卡 ${card.number} 已于 ${loss.reportedOn} 正式挂失：不能再使用或激活，电子社保卡受限（须本人授权使用）；补换卡后用 \`sscard card replace --card ${card.number} --new-card ...\` 记录。`
        : `Card ${card.number} formally reported lost on ${loss.reportedOn}. It can no longer be used or activated, and the electronic card is limited (its services need your authorisation); record the replacement with \`sscard card replace --card ${card.number} --new-card ...\`.`;
    },
  });
}
