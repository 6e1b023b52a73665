// Input validation at the boundary: zod schemas whose rules come from the
// core, and one error sentence naming the option that was wrong.
import * as z from 'zod/mini';
import { type IsoDate, parseIsoDate } from '../core/calendar-date.js';
import { type CitizenId, describeIdProblem, parseCitizenId } from '../core/citizen-id.js';
import { normaliseCardNumber } from '../core/card.js';
import { EARLIEST_DATE, HIRE_MONTHS_AHEAD, hireDateProblem, inRange, LATEST_DATE } from '../core/date-bounds.js';
import { InvalidInput, Refused } from '../core/errors.js';
import type { Context } from './context.js';

/** Option names as the user types them, keyed by the schema's field names. */
export type FlagNames = Readonly<Record<string, string>>;

type Ctx = { issues: { code: 'custom'; message: string; input: unknown }[] };
const fail = (ctx: Ctx, input: unknown, message: string) => {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER;
};

const OUT_OF_RANGE = `{field} must lie between ${EARLIEST_DATE} and ${LATEST_DATE}; check the year.`;

// Messages carry a `{field}` placeholder, filled with the option's name.
export const isoDateField = z.pipe(
  z.string(),
  z.transform((text: string, ctx): IsoDate => {
    const date = parseIsoDate(text.trim());
    if (date === null) return fail(ctx as Ctx, text, '{field} must be a real date written YYYY-MM-DD, e.g. 2026-09-01.');
    return inRange(date) ? date : fail(ctx as Ctx, text, OUT_OF_RANGE);
  }),
);

export const cardNumberField = z.pipe(
  z.string(),
  z.transform((text: string, ctx): string => {
    return normaliseCardNumber(text) ?? fail(ctx as Ctx, text, '{field} must be the 9 letters or digits printed on the card, e.g. A12345678.');
  }),
);

export const textField = z.pipe(
  z.string(),
  z.transform((text: string, ctx): string => {
    const trimmed = text.trim();
    if (trimmed.length === 0) return fail(ctx as Ctx, text, '{field} is empty; give a value or leave the option out.');
    if (trimmed.length > 200) return fail(ctx as Ctx, text, '{field} is longer than 200 characters; shorten it.');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(trimmed)) return fail(ctx as Ctx, text, '{field} contains control characters; remove them.');
    return trimmed;
  }),
);

/** An identity number field; validity depends on today (no birth dates in the future). */
export function citizenIdField(today: IsoDate, lang: 'en' | 'zh') {
  return z.pipe(
    z.string(),
    z.transform((text: string, ctx): CitizenId => {
      const result = parseCitizenId(text, today);
      return result.ok ? result.id : fail(ctx as Ctx, '', describeIdProblem(result.problem, '{field}', lang));
    }),
  );
}

// The same sentences in Chinese, keyed by the English template.
const ZH: Record<string, string> = {
  '{field} must be a real date written YYYY-MM-DD, e.g. 2026-09-01.': '{field} 须为有效日期，格式 YYYY-MM-DD，例如 2026-09-01。',
  '{field} must be the 9 letters or digits printed on the card, e.g. A12345678.': '{field} 须为卡面上的 9 位字母或数字，例如 A12345678。',
  '{field} is empty; give a value or leave the option out.': '{field} 为空：请填写，或不使用该选项。',
  '{field} is longer than 200 characters; shorten it.': '{field} 超过 200 个字符，请缩短。',
  '{field} contains control characters; remove them.': '{field} 含有控制字符，请删除。',
  '{field} must be a whole number of days, e.g. 14.': '{field} 须为整数天数，例如 14。',
  '{field} has an unexpected value; see --help.': '{field} 的值无效，见 --help。',
  [OUT_OF_RANGE]: `{field} 须在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间，请检查年份。`,
};

/** A hire date that cannot be right for this holder (issue 12): bad input, one sentence naming the option. */
export function checkHireDate(ctx: Context, flag: string, hiredOn: IsoDate, birthDate: IsoDate): void {
  const problem = hireDateProblem(hiredOn, birthDate, ctx.today);
  if (problem === null) return;
  const zh = ctx.lang === 'zh';
  const message = {
    'out-of-range': zh ? `${flag} 须在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间，请检查年份。` : `${flag} must lie between ${EARLIEST_DATE} and ${LATEST_DATE}; check the year.`,
    'too-far-ahead': zh
      ? `${flag} ${hiredOn} 晚于今天（${ctx.today}）超过 ${HIRE_MONTHS_AHEAD} 个月，请检查年份。`
      : `${flag} ${hiredOn} is more than ${HIRE_MONTHS_AHEAD} months after today (${ctx.today}); check the year.`,
    'before-birth': zh ? `${flag} ${hiredOn} 早于身份证号码中的出生日期，请检查日期和号码。` : `${flag} ${hiredOn} is before the holder's date of birth in the identity number; check the date and the number.`,
  }[problem];
  throw new InvalidInput(`invalid-${flag.replace(/^-+/, '')}`, message);
}

/** Parses `raw` with `schema`; the first problem becomes an InvalidInput naming the option, in the user's language. */
export function parseInput<S extends z.ZodMiniType>(lang: 'en' | 'zh', schema: S, raw: unknown, flags: FlagNames): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const field = flags[key] ?? key;
  const template = issue.code === 'custom' ? issue.message : '{field} has an unexpected value; see --help.';
  const message = (lang === 'zh' ? ZH[template] : undefined) ?? template;
  throw new InvalidInput(`invalid-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, message.replaceAll('{field}', field));
}

/** What a prompted value must be: checked as it is typed, with the core's own rules. */
export type ValueKind = 'id' | 'date' | 'card' | 'text';

/** The reason a typed value is wrong, in the user's language, or true when it is fine. */
export function validateAs(ctx: Context, kind: ValueKind, flag: string, value: string): string | true {
  const zh = ctx.lang === 'zh';
  switch (kind) {
    case 'id': {
      const result = parseCitizenId(value, ctx.today);
      return result.ok || describeIdProblem(result.problem, flag, ctx.lang);
    }
    case 'date':
      return parseIsoDate(value.trim()) !== null || (zh ? `${flag} 须为有效日期，格式 YYYY-MM-DD。` : `${flag} must be a real date written YYYY-MM-DD.`);
    case 'card':
      return normaliseCardNumber(value) !== null || (zh ? `${flag} 须为 9 位字母或数字。` : `${flag} must be 9 letters or digits.`);
    case 'text':
      return value.trim() !== '' || (zh ? `${flag} 不能为空。` : `${flag} cannot be empty.`);
  }
}

/**
 * A required value that was not given: asked for at a terminal, otherwise a
 * usage error naming the option (never a prompt waiting on a pipe).
 */
export async function required(ctx: Context, value: string | undefined, flag: string, question: string, kind: ValueKind = 'text'): Promise<string> {
  if (value !== undefined) return value;
  if (!ctx.stdinIsTTY) {
    throw new InvalidInput('missing-option', ctx.lang === 'zh' ? `缺少 ${flag}：请在命令行中提供（见 --help）。` : `${flag} is required; give it on the command line (see --help).`);
  }
  const { ask } = await import('./prompt.js');
  return ask(ctx, question, (typed) => validateAs(ctx, kind, flag, typed), kind === 'id');
}

/**
 * Irreversible commands (cancel, replace, purge) ask first at a terminal; in
 * a script the caller says so with --yes, since nobody can answer there.
 */
export async function confirmed(ctx: Context, yes: boolean | undefined, question: string, withoutTerminal?: string): Promise<void> {
  if (yes) return;
  if (!ctx.stdinIsTTY) {
    throw new InvalidInput(
      'confirmation-required',
      withoutTerminal ??
        (ctx.lang === 'zh' ? '此操作不可撤销，且没有终端可供确认：如确定执行，请加 --yes。' : 'This cannot be undone and there is no terminal to confirm it on; add --yes to go ahead.'),
    );
  }
  const { confirm } = await import('./prompt.js');
  if (!(await confirm(ctx, question))) throw new Refused('not-confirmed', ctx.lang === 'zh' ? '未确认，未做任何更改。' : 'Not confirmed; nothing was written.');
}
