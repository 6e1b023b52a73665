// sscard card report-loss (挂失): a lost card cannot be used or activated;
// the electronic card is suspended until a replacement is in force.
import { decideLoss } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';

export async function run(ctx: Context, args: CardChangeArgs): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideLoss,
    event: 'card.lost',
    done: (_ctx, card, changed) =>
      changed
        ? `Card ${card.number} reported lost on ${card.endedOn}. It can no longer be used or activated, and the electronic card is suspended; record the replacement with \`sscard card replace --card ${card.number} --new-card ...\`.`
        : `Card ${card.number} was already reported lost on ${card.endedOn}; nothing changed.`,
  });
}
