// The shared recipe of the commands that move one card along its lifecycle
// on a date: card receive, card report-loss, card found, card cancel.
import * as z from 'zod/mini';
import type { IsoDate } from '../../../core/calendar-date.js';
import type { Card, CardChange as Change, Decision } from '../../../core/card.js';
import { NotFound } from '../../../core/errors.js';
import type { Context } from '../../context.js';
import { cardNumberField, isoDateField, parseInput, required } from './input.js';
import { cardJson, writeJson } from './output.js';
import { personState } from './person.js';
import { cardsToday, statusToday } from './policies-data.js';
import { refuse } from './refusals.js';

export interface CardChangeArgs {
  card?: string;
  on?: string;
  temporary?: boolean;
}

export interface CardChange {
  /** The core's decision; a null value means "already so, nothing to change". */
  decide(card: Card, on: IsoDate, today: IsoDate): Decision<Change>;
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

  const store = await ctx.openStore({ write: true });
  const { card, changed } = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(input.card);
    if (holderId === null) throw notFound(ctx, input.card);
    const current = cardsToday(ctx, (await personState(tx, holderId)).cards).find((c) => c.number === input.card)!;
    const decision = change.decide(current, on, ctx.today);
    if (!decision.ok) refuse(ctx, decision.refusal, input.card);
    if (decision.value.card === null) return { card: current, changed: false };
    await tx.record(holderId, decision.value.facts, ctx.command);
    return { card: decision.value.card, changed: true };
  });
  if (ctx.json) {
    writeJson(ctx, { asOf: ctx.today, changed, card: cardJson(ctx, statusToday(ctx, card)) });
  } else {
    ctx.out.write(`${change.done(ctx, card, changed)}\n`);
  }
}
