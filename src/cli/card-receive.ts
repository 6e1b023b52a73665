// sscard card receive: the card is in the holder's hands; a policy's window
// counted from receipt starts (SPEC 1.3, 1.8).
import { decideReceipt } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';
import { policyWindowText } from './policy-words.js';
import { deadlineText, relative } from './human.js';
import { statusToday } from './policies-data.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideReceipt,
    done(ctx, card, changed) {
      const { deadline, daysLeft, policy } = statusToday(ctx, card);
      const window = policyWindowText(ctx, policy!);
      const zh = ctx.lang === 'zh';
      const head = zh
        ? changed
          ? `已记录：卡 ${card.number} 于 ${card.receivedOn} 领取。`
          : `卡 ${card.number} 已记录于 ${card.receivedOn} 领取，未做更改。`
        : changed
          ? `Card ${card.number} received on ${card.receivedOn}.`
          : `Card ${card.number} was already recorded as received on ${card.receivedOn}; nothing changed.`;
      if (!deadline || daysLeft === null) return head;
      if (policy!.activation?.needs === 'enabled') {
        return zh
          ? `${head}\n请在 ${deadlineText(ctx, deadline)} 前启用社保功能（${relative(ctx, daysLeft)}；${window}）：可在线（电子社保卡、掌上12333）、到社保窗口或首次在定点医院使用时启用。`
          : `${head}\nEnable its social-security function by ${deadlineText(ctx, deadline)}, ${relative(ctx, daysLeft)} (${window}): online (e-card app, 掌上12333), at a social security window, or by first use at a designated hospital.`;
      }
      return zh
        ? `${head}\n请在 ${deadlineText(ctx, deadline)} 前携带社会保障卡和身份证原件到${card.bank ?? '发卡银行'}网点激活（${relative(ctx, daysLeft)}；${window}）；不能在线激活。`
        : `${head}\nActivate it at an outlet of ${card.bank ?? 'the issuing bank'} by ${deadlineText(ctx, deadline)}, ${relative(ctx, daysLeft)} (${window}); bring the card and your ORIGINAL identity document (not possible online).`;
    },
  });
}
