// sscard card report-loss (挂失): temporary (临时挂失, --temporary: lapses
// after the policy's days) or formal (正式挂失, which a replacement needs).
// A lost card cannot be used or activated; its e-card is limited.
import { decideLoss, statusOf } from '../../core/card.js';
import { changeCard, type CardChangeArgs } from './shared/card-change.js';
import type { Context } from '../context.js';
import { judging } from './shared/policies-data.js';
import { lossRuleText } from '../text/policy-words.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  const temporary = Boolean(args.temporary);
  await changeCard(ctx, args, {
    decide: (card, on, j) => decideLoss(card, on, j, temporary),
    done(ctx, card, changed) {
      const loss = card.loss!;
      if (!changed) return ctx.m.card.alreadyLost(card.number, loss.kind, loss.reportedOn);
      if (loss.kind === 'temporary') {
        const { loss: shown, policy } = statusOf(card, judging(ctx));
        return ctx.m.card.lostTemporarily(card.number, loss.reportedOn, shown?.lapsesOn, lossRuleText(ctx, policy!));
      }
      return ctx.m.card.lostFormally(card.number, loss.reportedOn);
    },
  });
}
