// sscard card fail: making the card applied for failed (制卡失败, SPEC 1.3
// v3), e.g. a photo rejected; the holder applies again.
import * as z from 'zod/mini';
import { decideFail } from '../../core/card.js';
import type { Context } from '../context.js';
import { citizenIdField, isoDateField, parseInput, required, textField } from './shared/input.js';
import { shownId, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';

export async function run(ctx: Context, args: { id?: string; on?: string; reason?: string }): Promise<void> {
  const raw = { ...args, id: await required(ctx, args.id, '--id', ctx.m.ask.holderId, 'id') };
  const input = parseInput(ctx.m, z.object({ id: citizenIdField(ctx.today), on: z.optional(isoDateField), reason: z.optional(textField) }), raw, {
    id: '--id',
    on: '--on',
    reason: '--reason',
  });
  const holderId = input.id.number;
  const on = input.on ?? ctx.today;
  const reason = input.reason ?? null;
  const store = await ctx.openStore({ write: true });
  await store.write(async (tx) => {
    const person = await personState(tx, holderId);
    const decision = decideFail(person.application ?? null, on, reason, judging(ctx));
    if (!decision.ok) refuse(ctx, decision.refusal, { field: '--on' });
    await tx.record(holderId, decision.value.facts, ctx.command);
  });
  if (ctx.json) writeJson(ctx, { asOf: ctx.today, holder: shownId(ctx, holderId), application: { state: 'failed', failedOn: on, reason } });
  else ctx.out.write(`${ctx.m.card.failed(shownId(ctx, holderId), on, reason)}\n`);
}
