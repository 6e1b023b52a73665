// The shared recipe of the commands that move one card along its lifecycle
// on a date: card receive, card report-loss, card found, card cancel.
import * as z from 'zod/mini';
import type { IsoDate } from '../../../core/calendar-date.js';
import { type Card, type CardChange as Change, type CardRefusal, statusOf } from '../../../core/card.js';
import type { Decision, Judging } from '../../../core/decision.js';
import { NotFound } from '../../../core/errors.js';
import type { Context } from '../../context.js';
import { cardNumberField, isoDateField, parseInput, required } from './input.js';
import { cardJson, writeJson } from './output.js';
import { personState } from './person.js';
import { judging } from './policies-data.js';
import { refuse } from './refusals.js';

export interface CardChangeArgs {
  card?: string;
  on?: string;
  temporary?: boolean;
}

export interface CardChange {
  /** The core's decision on the card as replayed (it judges the card as it stood that day itself); a null card means "already so, nothing to change". */
  decide(card: Card, on: IsoDate, j: Judging): Decision<Change, CardRefusal>;
  /** Before anything is written (e.g. a confirmation), once the input is valid. */
  before?(ctx: Context, card: string): Promise<void>;
  done(ctx: Context, card: Card, changed: boolean): string;
}

export function notFound(ctx: Context, number: string): NotFound {
  return new NotFound('card-not-found', ctx.m.card.notFound(number));
}

export async function changeCard(ctx: Context, args: CardChangeArgs, change: CardChange): Promise<void> {
  const raw = { card: await required(ctx, args.card, '--card', ctx.m.ask.card, 'card'), on: args.on };
  const input = parseInput(ctx.m, z.object({ card: cardNumberField, on: z.optional(isoDateField) }), raw, { card: '--card', on: '--on' });
  const on = input.on ?? ctx.today;
  await change.before?.(ctx, input.card);

  const j = judging(ctx);
  const store = await ctx.openStore({ write: true });
  const { card, changed } = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(input.card);
    if (holderId === null) throw notFound(ctx, input.card);
    const stored = (await personState(tx, holderId)).cards.find((c) => c.number === input.card)!;
    const decision = change.decide(stored, on, j);
    if (!decision.ok) refuse(ctx, decision.refusal, { card: input.card });
    if (decision.value.card === null) return { card: stored, changed: false };
    await tx.record(holderId, decision.value.facts, ctx.command);
    return { card: decision.value.card, changed: true };
  });
  if (ctx.json) {
    writeJson(ctx, { asOf: ctx.today, changed, card: cardJson(ctx, statusOf(card, j)) });
  } else {
    ctx.out.write(`${change.done(ctx, card, changed)}\n`);
  }
}
