// sscard card receive: the card is in the holder's hands; the six-month
// activation window starts (SPEC 1.3).
import { cardStatus, decideReceipt } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';
import { deadlineText, relative } from './human.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideReceipt,
    done(ctx, card, changed) {
      const { deadline, daysLeft } = cardStatus(card, ctx.today, ctx.calendar);
      const zh = ctx.lang === 'zh';
      const head = zh
        ? changed ? `已记录：卡 ${card.number} 于 ${card.receivedOn} 领取。` : `卡 ${card.number} 已记录于 ${card.receivedOn} 领取，未做更改。`
        : changed ? `Card ${card.number} received on ${card.receivedOn}.` : `Card ${card.number} was already recorded as received on ${card.receivedOn}; nothing changed.`;
      if (!deadline || daysLeft === null) return head;
      return zh
        ? `${head}\n请在 ${deadlineText(ctx, deadline)} 前携带社会保障卡和身份证原件到${card.bank ?? '发卡银行'}网点启用（${relative(ctx, daysLeft)}）；不能在线启用。`
        : `${head}\nActivate it at an outlet of ${card.bank ?? 'the issuing bank'} by ${deadlineText(ctx, deadline)}, ${relative(ctx, daysLeft)}; bring the card and your ORIGINAL identity document (not possible online).`;
    },
  });
}
