// sscard leave: the employment ended (离职). Opens the 15-day duty to hand
// over the file and transfer the social insurance relationship (劳动合同法
// Art. 50; SPEC 1.7); `--done-on` records that duty done.
import * as z from 'zod/mini';
import { NotFound } from '../../core/errors.js';
import { decideLeave, separationStatus } from '../../core/separation.js';
import type { Context } from '../context.js';
import { day } from '../text/human.js';
import { citizenIdField, isoDateField, parseInput, required, textField } from './shared/input.js';
import { separationJson, shownId, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';
import { separationLines } from '../text/words.js';

export interface LeaveArgs {
  id?: string;
  employer?: string;
  leftOn?: string;
  hiredOn?: string;
  doneOn?: string;
}

export async function run(ctx: Context, args: LeaveArgs): Promise<void> {
  const raw = {
    ...args,
    id: await required(ctx, args.id, '--id', ctx.m.ask.leaverId, 'id'),
    employer: await required(ctx, args.employer, '--employer', ctx.m.ask.employer),
    leftOn: await required(ctx, args.leftOn, '--left-on', ctx.m.ask.leftOn, 'date'),
  };
  const input = parseInput(
    ctx.m,
    z.object({
      id: citizenIdField(ctx.today),
      employer: textField,
      leftOn: isoDateField,
      hiredOn: z.optional(isoDateField),
      doneOn: z.optional(isoDateField),
    }),
    raw,
    { id: '--id', employer: '--employer', leftOn: '--left-on', hiredOn: '--hired-on', doneOn: '--done-on' },
  );
  const personId = input.id.number;

  const store = await ctx.openStore({ write: true });
  const outcome = await store.write(async (tx) => {
    const person = await personState(tx, personId);
    if (!person.exists) {
      throw new NotFound('person-not-found', ctx.m.leave.notFound(shownId(ctx, personId)));
    }
    const decision = decideLeave(
      person.hires,
      { employer: input.employer, leftOn: input.leftOn, hiredOn: input.hiredOn ?? null, doneOn: input.doneOn ?? null },
      judging(ctx),
    );
    if (!decision.ok) {
      const field = decision.refusal.reason.startsWith('done') || decision.refusal.reason === 'already-done' ? '--done-on' : '--left-on';
      refuse(ctx, decision.refusal, { field });
    }
    await tx.record(personId, decision.value.facts, ctx.command);
    return { hire: decision.value.hire, name: person.name, changed: decision.value.facts.length > 0 };
  });

  const { hire } = outcome;
  const status = separationStatus(hire, ctx.today, ctx.calendar)!;
  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.today,
      changed: outcome.changed,
      person: { id: shownId(ctx, personId), name: outcome.name },
      employer: hire.employer,
      hiredOn: hire.hiredOn,
      leftOn: hire.leftOn,
      separation: separationJson(ctx, hire, status),
    });
    return;
  }
  const m = ctx.m.leave;
  const who = [outcome.name, shownId(ctx, personId)].filter(Boolean).join(' ');
  const head = outcome.changed
    ? m.recorded(who, hire.employer, day(ctx, hire.leftOn!), day(ctx, hire.hiredOn))
    : m.unchanged(who, hire.employer, day(ctx, hire.leftOn!));
  const lines = [head, ...separationLines(ctx, hire, status)];
  if (status.state === 'pending' || status.state === 'overdue') lines.push(m.duty);
  ctx.out.write(`${lines.join('\n')}\n`);
}
