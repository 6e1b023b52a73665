// Input validation at the boundary: zod schemas whose rules come from the
// core, and one error sentence naming the option that was wrong.
import * as z from 'zod/mini';
import { type IsoDate, parseWrittenDate } from '../../../core/calendar-date.js';
import { type CitizenId, type IdProblem, parseCitizenId } from '../../../core/citizen-id.js';
import { normaliseCardNumber } from '../../../core/card.js';
import { inRange } from '../../../core/date-bounds.js';
import { InvalidInput, Refused } from '../../../core/errors.js';
import { type TextProblem, textProblem } from '../../../core/text-limits.js';
import type { Context } from '../../context.js';
import type { Messages } from '../../text/messages/index.js';

/** Option names as the user types them, keyed by the schema's field names. */
export type FlagNames = Readonly<Record<string, string>>;

export type Ctx = { issues: { code: 'custom'; message: string; input: unknown }[] };
/** A zod issue's message is the catalogue key of the sentence (`m.input[key]`), worded by parseInput in the user's language. */
type InputProblem = 'date' | 'outOfRange' | 'card' | 'empty' | 'tooLong' | 'controlCharacters' | 'days' | 'ecardChannel' | 'unexpected';
export const fail = (ctx: Ctx, input: unknown, problem: InputProblem | { id: IdProblem }) => {
  ctx.issues.push({ code: 'custom', message: JSON.stringify(problem), input });
  return z.NEVER;
};

// Every call marked pure: a command bundle that does not use a field drops it (its zod objects were built at
// every start of `status`, which uses none: issue 31).
export const isoDateField = /* @__PURE__ */ z.pipe(
  /* @__PURE__ */ z.string(),
  /* @__PURE__ */ z.transform((text: string, ctx): IsoDate => {
    const date = parseWrittenDate(text);
    if (date === null) return fail(ctx as Ctx, text, 'date');
    return inRange(date) ? date : fail(ctx as Ctx, text, 'outOfRange');
  }),
);

export const cardNumberField = /* @__PURE__ */ z.pipe(
  /* @__PURE__ */ z.string(),
  /* @__PURE__ */ z.transform((text: string, ctx): string => {
    return normaliseCardNumber(text) ?? fail(ctx as Ctx, text, 'card');
  }),
);

const TEXT_PROBLEM: Record<TextProblem, InputProblem> = { empty: 'empty', 'too-long': 'tooLong', 'control-characters': 'controlCharacters' };

export const textField = /* @__PURE__ */ z.pipe(
  /* @__PURE__ */ z.string(),
  /* @__PURE__ */ z.transform((text: string, ctx): string => {
    // The core's one rule for typed text (a roster cell obeys it too).
    const problem = textProblem(text);
    if (problem !== null) return fail(ctx as Ctx, text, TEXT_PROBLEM[problem]);
    return text.trim();
  }),
);

/** An identity number field; validity depends on today (no birth dates in the future). */
export function citizenIdField(today: IsoDate) {
  return z.pipe(
    z.string(),
    z.transform((text: string, ctx): CitizenId => {
      const result = parseCitizenId(text, today);
      return result.ok ? result.id : fail(ctx as Ctx, '', { id: result.problem });
    }),
  );
}

/**
 * An identity number given alone (`status <id>`), checked as parseInput checks
 * citizenIdField, with the same code and sentence, but without zod or a second
 * copy of the catalogues in the command's bundle: `status` is the command run
 * most, and its start-up is bounded (issue 17).
 */
export function citizenIdArgument(ctx: Context, text: string, flag: string): CitizenId {
  const result = parseCitizenId(text, ctx.today);
  if (result.ok) return result.id;
  throw new InvalidInput('invalid-id', ctx.m.idProblem(result.problem, flag));
}

function problemOf(message: string): InputProblem | { id: IdProblem } | null {
  try {
    return JSON.parse(message);
  } catch {
    return null;
  }
}

/** Parses `raw` with `schema`; the first problem becomes an InvalidInput naming the option, in the user's language. */
export function parseInput<S extends z.ZodMiniType>(m: Messages, schema: S, raw: unknown, flags: FlagNames): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const field = flags[key] ?? key;
  // A value outside an enumerated option's list (z.enum) is refused with the list, so that the user need not look it up.
  if (issue.code === 'invalid_value') throw new InvalidInput(`invalid-${codeOf(key)}`, m.input.oneOf(field, issue.values.map(String)));
  const problem = issue.code === 'custom' ? problemOf(issue.message) : 'unexpected';
  // A custom issue raised with a sentence of its own (not through fail()) keeps it, with the field named.
  const message =
    problem === null ? issue.message.replaceAll('{field}', field) : typeof problem === 'string' ? m.input[problem](field) : m.idProblem(problem.id, field);
  throw new InvalidInput(`invalid-${codeOf(key)}`, message);
}

/** An error code's tail from a schema field: `hiredOn` -> `hired-on`. */
const codeOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** What a prompted value must be: checked as it is typed, with the core's own rules. */
export type ValueKind = 'id' | 'date' | 'card' | 'text';

/** The reason a typed value is wrong, in the user's language, or true when it is fine. */
export function validateAs(ctx: Context, kind: ValueKind, flag: string, value: string): string | true {
  switch (kind) {
    case 'id': {
      const result = parseCitizenId(value, ctx.today);
      return result.ok || ctx.m.idProblem(result.problem, flag);
    }
    case 'date':
      return parseWrittenDate(value) !== null || ctx.m.input.promptDate(flag);
    case 'card':
      return normaliseCardNumber(value) !== null || ctx.m.input.promptCard(flag);
    case 'text':
      return value.trim() !== '' || ctx.m.input.promptEmpty(flag);
  }
}

/**
 * A required value that was not given (an option or a positional argument,
 * `flag` names it): asked for at a terminal, otherwise a usage error naming it
 * (never a prompt waiting on a pipe). `question` comes from the catalogue.
 */
export async function required(ctx: Context, value: string | undefined, flag: string, question: string, kind: ValueKind = 'text'): Promise<string> {
  if (value !== undefined) return value;
  if (!ctx.stdinIsTTY) throw new InvalidInput('missing-option', ctx.m.input.missingOption(flag));
  const { ask } = await import('./prompt.js');
  return ask(ctx, question, (typed) => validateAs(ctx, kind, flag, typed), kind === 'id');
}

/** An optional value asked for at a terminal (the user may leave it empty); left out elsewhere. */
export async function optional(ctx: Context, value: string | undefined, flag: string, question: string, kind: ValueKind = 'text'): Promise<string | undefined> {
  if (value !== undefined || !ctx.stdinIsTTY) return value;
  const { ask } = await import('./prompt.js');
  const typed = await ask(ctx, question, (text) => text.trim() === '' || validateAs(ctx, kind, flag, text));
  return typed === '' ? undefined : typed;
}

/**
 * Irreversible commands (cancel, replace, purge) ask first at a terminal; in
 * a script the caller says so with --yes, since nobody can answer there.
 */
export async function confirmed(ctx: Context, yes: boolean | undefined, question: string, withoutTerminal?: string): Promise<void> {
  if (yes) return;
  if (!ctx.stdinIsTTY) throw new InvalidInput('confirmation-required', withoutTerminal ?? ctx.m.input.confirmationRequired);
  const { confirm } = await import('./prompt.js');
  if (!(await confirm(ctx, question))) throw new Refused('not-confirmed', ctx.m.input.notConfirmed);
}
