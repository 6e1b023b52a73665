// sscard card set-policy: the card was recorded under the wrong policy (SPEC
// 1.8 v3); the correction is an event, so the card's history stays and no
// revocation is needed.
import * as z from 'zod/mini';
import { decideSetPolicy, statusOf } from '../../core/card.js';
import type { Context } from '../context.js';
import { notFound } from './shared/card-change.js';
import { cardNumberField, parseInput, required } from './shared/input.js';
import { cardJson, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging, knownPolicy } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';

export async function run(ctx: Context, args: { card?: string; policy?: string }): Promise<void> {
  const number = await required(ctx, args.card, '--card', ctx.m.ask.card, 'card');
  const { card: cardNumber } = parseInput(ctx.m, z.object({ card: cardNumberField }), { card: number }, { card: '--card' });
  const policy = knownPolicy(ctx, await required(ctx, args.policy, '--policy', ctx.m.help.cardSetPolicy.policy), '--policy');
  const store = await ctx.openStore({ write: true });
  const { from, card } = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(cardNumber);
    if (holderId === null) throw notFound(ctx, cardNumber);
    const current = (await personState(tx, holderId)).cards.find((c) => c.number === cardNumber)!;
    const decision = decideSetPolicy(current, policy);
    if (!decision.ok) refuse(ctx, decision.refusal, { card: cardNumber });
    await tx.record(holderId, decision.value.facts, ctx.command);
    return { from: current.policy, card: decision.value.card! };
  });
  if (ctx.json) writeJson(ctx, { asOf: ctx.today, changed: true, card: cardJson(ctx, statusOf(card, judging(ctx))) });
  else ctx.out.write(`${ctx.m.card.policySet(card.number, from, policy)}\n`);
}
