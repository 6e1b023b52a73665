// sscard enable: the social-security function (启用) was switched on: online,
// at a social security window, at a service bank, or by first use at a
// designated hospital or pharmacy (SPEC 1.3). The financial function is
// activated separately, in person at the bank (`activate`).
import * as z from 'zod/mini';
import { type Card, decideEnable, ENABLE_CHANNELS, type EnableChannel, statusOf } from '../../core/card.js';
import type { Context } from '../context.js';
import { notFound } from './shared/card-change.js';
import { cardNumberField, isoDateField, parseInput, required } from './shared/input.js';
import { cardJson, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';

export interface EnableArgs {
  card?: string;
  on?: string;
  channel?: string;
}

export async function run(ctx: Context, args: EnableArgs): Promise<void> {
  const raw = { ...args, card: await required(ctx, args.card, '--card', ctx.m.ask.card, 'card') };
  const input = parseInput(
    ctx.m,
    z.object({ card: cardNumberField, on: z.optional(isoDateField), channel: z.optional(z.enum(ENABLE_CHANNELS)) }),
    { ...raw, channel: raw.channel?.trim().toLowerCase() },
    { card: '--card', on: '--on', channel: '--channel' },
  );
  const on = input.on ?? ctx.today;

  const j = judging(ctx);
  const store = await ctx.openStore({ write: true });
  const { card, changed } = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(input.card);
    if (holderId === null) throw notFound(ctx, input.card);
    const stored = (await personState(tx, holderId)).cards.find((c) => c.number === input.card)!;
    const decision = decideEnable(stored, on, input.channel ?? null, j);
    if (!decision.ok) refuse(ctx, decision.refusal, { card: input.card });
    if (decision.value.card === null) return { card: stored, changed: false };
    await tx.record(holderId, decision.value.facts, ctx.command);
    return { card: decision.value.card, changed: true };
  });
  if (ctx.json) writeJson(ctx, { asOf: ctx.today, changed, card: cardJson(ctx, statusOf(card, j)) });
  else ctx.out.write(`${enabledText(ctx, card, changed, input.channel ?? null)}\n`);
}

function enabledText(ctx: Context, card: Card, changed: boolean, channel: EnableChannel | null): string {
  const m = ctx.m.enable;
  if (!changed) return m.unchanged(card.number, card.enabledOn);
  const head = m.enabled(card.number, card.enabledOn, channel ? m.channels[channel] : null);
  if (card.activatedOn !== null) return head;
  return `${head}\n${m.notActivated(card.bank)}`;
}
