// sscard card apply: a card applied for (申领, SPEC 1.3 v3), before any card
// number exists: it is being made (制卡中) until `card issue` records it.
import * as z from 'zod/mini';
import { decideApply } from '../../core/card.js';
import { personFacts } from '../../core/events.js';
import type { Context } from '../context.js';
import { citizenIdField, isoDateField, parseInput, required } from './shared/input.js';
import { shownId, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging, knownPolicy } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';

export interface CardApplyArgs {
  id?: string;
  on?: string;
  policy?: string;
  generation?: string;
}

export async function run(ctx: Context, args: CardApplyArgs): Promise<void> {
  const raw = { ...args, id: await required(ctx, args.id, '--id', ctx.m.ask.holderId, 'id') };
  const input = parseInput(ctx.m, z.object({ id: citizenIdField(ctx.today), on: z.optional(isoDateField), generation: z.optional(z.enum(['2', '3'])) }), raw, {
    id: '--id',
    on: '--on',
    generation: '--generation',
  });
  const holderId = input.id.number;
  const on = input.on ?? ctx.today;
  const policy = args.policy !== undefined ? knownPolicy(ctx, args.policy, '--policy') : knownPolicy(ctx, ctx.defaultPolicy, 'SSCARD_POLICY');
  const generation = input.generation === '3' ? 3 : 2;
  const store = await ctx.openStore({ write: true });
  await store.write(async (tx) => {
    const person = await personState(tx, holderId);
    const decision = decideApply(person.cards, person.application ?? null, { on, policy, generation }, judging(ctx));
    if (!decision.ok) refuse(ctx, decision.refusal, { field: '--on' });
    await tx.record(holderId, [...personFacts(person, null), ...decision.value.facts], ctx.command);
  });
  if (ctx.json) writeJson(ctx, { asOf: ctx.today, holder: shownId(ctx, holderId), application: { state: 'applied', appliedOn: on, policy, generation } });
  else ctx.out.write(`${ctx.m.card.applied(shownId(ctx, holderId), on, policy, generation)}\n`);
}
