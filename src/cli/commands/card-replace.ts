// sscard card replace (补换卡): a new card supersedes a lost (formally),
// damaged, expiring or changed one, with its own window under its policy;
// the electronic card follows it once the new card is received.
import * as z from 'zod/mini';
import { decideReplacement, REPLACE_REASONS, statusOf } from '../../core/card.js';
import type { Context } from '../context.js';
import { notFound } from './shared/card-change.js';
import { cardNumberField, confirmed, isoDateField, parseInput, required, textField } from './shared/input.js';
import { cardJson, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging, knownPolicy } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';

export interface CardReplaceArgs {
  card?: string;
  newCard?: string;
  on?: string;
  bank?: string;
  yes?: boolean;
  reason?: string;
  policy?: string;
}

export async function run(ctx: Context, args: CardReplaceArgs): Promise<void> {
  const raw = {
    ...args,
    card: await required(ctx, args.card, '--card', ctx.m.ask.oldCard, 'card'),
    newCard: await required(ctx, args.newCard, '--new-card', ctx.m.ask.newCard, 'card'),
  };
  const input = parseInput(
    ctx.m,
    z.object({
      card: cardNumberField,
      newCard: cardNumberField,
      on: z.optional(isoDateField),
      bank: z.optional(textField),
      reason: z.optional(z.enum(REPLACE_REASONS)),
    }),
    { ...raw, reason: raw.reason?.trim().toLowerCase() },
    { card: '--card', newCard: '--new-card', on: '--on', bank: '--bank', reason: '--reason' },
  );
  const policy = args.policy === undefined ? null : knownPolicy(ctx, args.policy, '--policy');
  const on = input.on ?? ctx.today;
  await confirmed(ctx, args.yes, ctx.m.ask.confirmReplace(input.card, input.newCard));

  const j = judging(ctx);
  const store = await ctx.openStore({ write: true });
  const { old, replacement } = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(input.card);
    if (holderId === null) throw notFound(ctx, input.card);
    const stored = (await personState(tx, holderId)).cards.find((c) => c.number === input.card)!;
    const taken = input.newCard === input.card || (await tx.cardHolder(input.newCard)) !== null;
    const decision = decideReplacement(
      stored,
      { newNumber: input.newCard, numberTaken: taken, on, bank: input.bank ?? null, reason: input.reason ?? null, policy },
      j,
    );
    if (!decision.ok) refuse(ctx, decision.refusal, { card: decision.refusal.reason === 'card-number-taken' ? input.newCard : input.card });
    await tx.record(holderId, decision.value.facts, ctx.command);
    return decision.value;
  });

  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.today,
      replaced: cardJson(ctx, statusOf(old, j)),
      card: cardJson(ctx, statusOf(replacement, j)),
    });
    return;
  }
  ctx.out.write(`${ctx.m.card.replaced(old.number, replacement.number, on)}\n`);
}
