// sscard register-employee: record a hire and its social insurance
// registration (filed on a date, or still pending), or complete a pending one.
import * as z from 'zod/mini';
import type { IsoDate } from '../../core/calendar-date.js';
import { InvalidInput, Refused } from '../../core/errors.js';
import { personFacts } from '../../core/events.js';
import { decideRegistration, type HireKind, registrationStatus } from '../../core/registration.js';
import type { Context } from '../context.js';
import { day } from '../text/human.js';
import { checkHireDate, citizenIdField, isoDateField, parseInput, required, textField } from './shared/input.js';
import { deadlineJson, shownId, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { registrationRefusalText } from './shared/refusals.js';
import { registrantText, registrationLines } from '../text/words.js';

export interface RegisterEmployeeArgs {
  id?: string;
  hiredOn?: string;
  name?: string;
  employer?: string;
  registeredOn?: string;
  pending?: boolean;
  flexible?: boolean;
}

const FLAGS = { id: '--id', hiredOn: '--hired-on', name: '--name', employer: '--employer', registeredOn: '--registered-on' };

export async function run(ctx: Context, args: RegisterEmployeeArgs): Promise<void> {
  if (args.pending && args.registeredOn !== undefined) {
    throw new InvalidInput('conflicting-options', ctx.m.registerEmployee.pendingAndRegistered);
  }
  if (args.flexible && args.employer !== undefined) {
    throw new InvalidInput('conflicting-options', ctx.m.registerEmployee.flexibleWithEmployer);
  }
  const raw = {
    ...args,
    id: await required(ctx, args.id, '--id', ctx.m.ask.id, 'id'),
    hiredOn: await required(ctx, args.hiredOn, '--hired-on', args.flexible ? ctx.m.ask.flexibleSince : ctx.m.ask.hiredOn, 'date'),
  };
  // At a terminal nothing is assumed (SPEC 2.1): the employer is asked for, and
  // whether the registration is filed, default not yet; only then its date.
  if (ctx.stdinIsTTY && !args.flexible) {
    raw.employer = await required(ctx, args.employer, '--employer', ctx.m.ask.employer);
    if (!args.pending && args.registeredOn === undefined) {
      const { choose } = await import('./shared/prompt.js');
      const filed = await choose(ctx, ctx.m.ask.filed, [
        { value: 'no', name: ctx.m.ask.filedNo },
        { value: 'yes', name: ctx.m.ask.filedYes },
      ]);
      if (filed === 'no') raw.pending = true;
      else raw.registeredOn = await required(ctx, undefined, '--registered-on', ctx.m.ask.registeredOn, 'date');
    }
  }
  const input = parseInput(
    ctx.m,
    z.object({
      id: citizenIdField(ctx.today),
      hiredOn: isoDateField,
      name: z.optional(textField),
      employer: z.optional(textField),
      registeredOn: z.optional(isoDateField),
    }),
    raw,
    FLAGS,
  );
  checkHireDate(ctx, '--hired-on', input.hiredOn, input.id.birthDate);
  const kind: HireKind = args.flexible ? 'flexible' : 'employee';
  // In a script (no terminal to ask on): filed today, unless it is explicitly still to do (v1 decision).
  const registeredOn: IsoDate | null = raw.pending ? null : (input.registeredOn ?? ctx.today);
  const employer = input.employer ?? null;
  const personId = input.id.number;

  const store = await ctx.openStore({ write: true });
  const outcome = await store.write(async (tx) => {
    const person = await personState(tx, personId);
    const existing = person.hires.find((h) => h.employer === employer && h.hiredOn === input.hiredOn) ?? null;
    const decision = decideRegistration(existing, { kind, employer, hiredOn: input.hiredOn, registeredOn, birthDate: input.id.birthDate }, ctx.today);
    if (decision.action === 'refuse') {
      throw new Refused(
        decision.reason,
        registrationRefusalText(decision.reason, decision.reason === 'under-age' ? '--hired-on' : '--registered-on', ctx.m, decision.age),
      );
    }
    await tx.record(personId, [...personFacts(person, input.name ?? null), ...decision.facts], ctx.command);
    return { action: decision.action, hire: decision.hire, name: input.name ?? person.name };
  });

  const status = registrationStatus(outcome.hire, ctx.today, ctx.calendar);
  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.today,
      action: { create: 'created', complete: 'completed', unchanged: 'unchanged' }[outcome.action],
      person: { id: shownId(ctx, personId), name: outcome.name },
      registration: {
        kind: outcome.hire.kind,
        employer: outcome.hire.employer,
        hiredOn: outcome.hire.hiredOn,
        registeredOn: outcome.hire.registeredOn,
        deadline: deadlineJson(ctx, status.deadline),
        state: status.state,
        daysLeft: status.daysLeft,
        daysLate: status.daysLate,
      },
    });
    return;
  }
  const m = ctx.m.registerEmployee;
  const who = [outcome.name, shownId(ctx, personId)].filter(Boolean).join(' ');
  const head = m.head(outcome.action, who, registrantText(ctx, outcome.hire), day(ctx, outcome.hire.hiredOn));
  const [state, ...rest] = registrationLines(ctx, outcome.hire, status);
  ctx.out.write(`${[head, m.registration(state!), ...rest].join('\n')}\n`);
}
