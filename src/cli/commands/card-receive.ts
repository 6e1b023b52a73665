// sscard card receive: the card is in the holder's hands; a policy's window
// counted from receipt starts (SPEC 1.3, 1.8).
import { decideReceipt, statusOf } from '../../core/card.js';
import { changeCard, type CardChangeArgs } from './shared/card-change.js';
import type { Context } from '../context.js';
import { policyWindowText } from '../text/policy-words.js';
import { deadlineText, relative } from '../text/human.js';
import { judging } from './shared/policies-data.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideReceipt,
    done(ctx, card, changed) {
      const { deadline, daysLeft, policy } = statusOf(card, judging(ctx));
      const window = policyWindowText(ctx, policy!);
      const head = ctx.m.card.received(card.number, card.receivedOn!, changed);
      if (!deadline || daysLeft === null) return head;
      const by =
        policy!.activation?.needs === 'enabled'
          ? ctx.m.card.enableBy(deadlineText(ctx, deadline), relative(ctx, daysLeft), window)
          : ctx.m.card.activateBy(card.bank, deadlineText(ctx, deadline), relative(ctx, daysLeft), window);
      return `${head}\n${by}`;
    },
  });
}
