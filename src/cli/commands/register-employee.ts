// sscard register-employee: record a hire and its social insurance
// registration (filed on a date, or still pending), or complete a pending one.
import * as z from 'zod/mini';
import type { IsoDate } from '../../core/calendar-date.js';
import { InvalidInput } from '../../core/errors.js';
import { personFacts } from '../../core/events.js';
import { baseFacts, decideRegistration, type HireKind, type RegistrationRefusal, registrationStatus } from '../../core/registration.js';
import { parseYuan } from '../formats/ledger-csv.js';
import type { Context } from '../context.js';
import { day } from '../text/human.js';
import { citizenIdField, isoDateField, parseInput, required, textField } from './shared/input.js';
import { deadlineJson, shownId, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';
import { registrantText, registrationLines } from '../text/words.js';

export interface RegisterEmployeeArgs {
  id?: string;
  hiredOn?: string;
  name?: string;
  employer?: string;
  registeredOn?: string;
  pending?: boolean;
  flexible?: boolean;
  /** 缴费基数, yuan (SPEC 1.9). */
  base?: string;
}

const FLAGS = { id: '--id', hiredOn: '--hired-on', name: '--name', employer: '--employer', registeredOn: '--registered-on', base: '--base' };
/** The option a refusal is about (else --registered-on). */
const FIELD_OF: Partial<Record<RegistrationRefusal['reason'], string>> = {
  'flexible-with-employer': '--employer',
  'under-age': '--hired-on',
  'hire-date-out-of-range': '--hired-on',
  'hire-date-too-far-ahead': '--hired-on',
  'hire-date-before-birth': '--hired-on',
};

export async function run(ctx: Context, args: RegisterEmployeeArgs): Promise<void> {
  if (args.pending && args.registeredOn !== undefined) {
    throw new InvalidInput('conflicting-options', ctx.m.registerEmployee.pendingAndRegistered);
  }
  const raw = {
    ...args,
    id: await required(ctx, args.id, '--id', ctx.m.ask.id, 'id'),
    hiredOn: await required(ctx, args.hiredOn, '--hired-on', args.flexible ? ctx.m.ask.flexibleSince : ctx.m.ask.hiredOn, 'date'),
  };
  // At a terminal nothing is assumed (SPEC 2.1): the employer is asked for, and
  // whether the registration is filed, default not yet; only then its date.
  // Whether there is a terminal is asked last, only when something is missing:
  // where stdin is a terminal (or another character device) only node:tty can
  // tell, and it loads node:net and node:stream: 7 of the 33 ms a complete
  // command line took after Node's own start (issue 31). A script's stdin is
  // told apart without it (entry.ts).
  const filingUnsaid = !args.pending && args.registeredOn === undefined;
  if (!args.flexible && (args.employer === undefined || filingUnsaid) && ctx.stdinIsTTY) {
    raw.employer = await required(ctx, args.employer, '--employer', ctx.m.ask.employer);
    if (filingUnsaid) {
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
  const kind: HireKind = args.flexible ? 'flexible' : 'employee';
  // In a script (no terminal to ask on): filed today, unless it is explicitly still to do (v1 decision).
  const registeredOn: IsoDate | null = raw.pending ? null : (input.registeredOn ?? ctx.today);
  const employer = input.employer ?? null;
  const personId = input.id.number;
  const base = args.base === undefined ? null : parseYuan(args.base);
  if (base === null && args.base !== undefined) throw new InvalidInput('bad-base', ctx.m.registerEmployee.badBase);
  if (base !== null && args.flexible) throw new InvalidInput('conflicting-options', ctx.m.registerEmployee.baseFlexible);

  const store = await ctx.openStore({ write: true });
  const outcome = await store.write(async (tx) => {
    const person = await personState(tx, personId);
    const decision = decideRegistration(person.hires, { kind, employer, hiredOn: input.hiredOn, registeredOn, birthDate: input.id.birthDate }, judging(ctx));
    if (!decision.ok) refuse(ctx, decision.refusal, { field: FIELD_OF[decision.refusal.reason] ?? '--registered-on' });
    const based = baseFacts(decision.value.hire, base);
    // A hire names its employer; one not yet recorded is recorded with the name only (SPEC 1.10).
    if (employer !== null && !(await tx.employers()).some((e) => e.name === employer)) await tx.saveEmployer({ name: employer, uscc: null, city: null });
    await tx.record(personId, [...personFacts(person, input.name ?? null), ...decision.value.facts, ...based], ctx.command);
    const action = decision.value.action === 'unchanged' && based.length > 0 ? 'complete' : decision.value.action;
    return { action, hire: based.length > 0 ? { ...decision.value.hire, base } : decision.value.hire, name: input.name ?? person.name };
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
