// sscard card replace (补换卡): a new card supersedes a lost or damaged one,
// with its own six-month activation window from its own receipt; the
// electronic card follows it.
import * as z from 'zod/mini';
import { cardStatus, decideReplacement } from '../core/card.js';
import type { Context } from './context.js';
import { notFound } from './card-change.js';
import { cardNumberField, confirmed, isoDateField, parseInput, required, textField } from './input.js';
import { cardJson, writeJson } from './output.js';
import { personState } from './person.js';
import { refuse } from './refusals.js';

export interface CardReplaceArgs {
  card?: string;
  newCard?: string;
  on?: string;
  bank?: string;
  yes?: boolean;
}

export async function run(ctx: Context, args: CardReplaceArgs): Promise<void> {
  const raw = {
    ...args,
    card: await required(ctx, args.card, '--card', ctx.m.ask.oldCard, 'card'),
    newCard: await required(ctx, args.newCard, '--new-card', ctx.m.ask.newCard, 'card'),
  };
  const input = parseInput(
    ctx.lang,
    z.object({ card: cardNumberField, newCard: cardNumberField, on: z.optional(isoDateField), bank: z.optional(textField) }),
    raw,
    { card: '--card', newCard: '--new-card', on: '--on', bank: '--bank' },
  );
  const on = input.on ?? ctx.today;
  await confirmed(ctx, args.yes, ctx.m.ask.confirmReplace(input.card, input.newCard));

  const store = await ctx.openStore({ write: true });
  const { old, replacement } = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(input.card);
    if (holderId === null) throw notFound(ctx, input.card);
    const current = (await personState(tx, holderId)).cards.find((c) => c.number === input.card)!;
    const taken = input.newCard === input.card || (await tx.cardHolder(input.newCard)) !== null;
    const decision = decideReplacement(current, input.newCard, taken, on, ctx.today, input.bank ?? null);
    if (!decision.ok) refuse(ctx, decision.refusal, decision.refusal.reason === 'card-number-taken' ? input.newCard : input.card);
    await tx.record(holderId, decision.value.facts, ctx.command);
    return decision.value;
  });

  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.today,
      replaced: cardJson(ctx, old, cardStatus(old, ctx.today, ctx.calendar)),
      card: cardJson(ctx, replacement, cardStatus(replacement, ctx.today, ctx.calendar)),
    });
    return;
  }
  if (ctx.lang === 'zh') {
    ctx.out.write(`卡 ${old.number} 已于 ${on} 补换为 ${replacement.number}，电子社保卡对应新卡。\n新卡到手后用 \`sscard card receive\` 记录：新卡有自己的六个月启用期限。\n`);
    return;
  }
  ctx.out.write(
    `Card ${old.number} replaced by ${replacement.number} on ${on}; the electronic card now maps to ${replacement.number}.\n` +
      'Record the new card with `sscard card receive` when it is in hand: it has its own six-month activation window from then.\n',
  );
}
