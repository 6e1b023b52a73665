// sscard card cancel (注销), e.g. the holder died or emigrated. Irreversible.
import { decideCancellation } from '../core/card.js';
import { changeCard, type CardChangeArgs } from './card-change.js';
import type { Context } from './context.js';
import { confirmed } from './input.js';

export async function run(ctx: Context, args: CardChangeArgs & { yes?: boolean }): Promise<void> {
  await changeCard(ctx, args, {
    decide: decideCancellation,
    event: 'card.cancelled',
    before: (ctx, card) => confirmed(ctx, args.yes, `Cancel card ${card}? This cannot be undone.`),
    done: (_ctx, card, changed) =>
      changed
        ? `Card ${card.number} cancelled on ${card.endedOn}; the electronic card is suspended.`
        : `Card ${card.number} was already cancelled on ${card.endedOn}; nothing changed.`,
  });
}
