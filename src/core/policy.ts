// Card policies (SPEC 1.8): which activation window applies to a card, how a
// loss lapses, how long a card is valid and whether it must be renewed are
// local, not national (人社部发〔2011〕47号 《"中华人民共和国社会保障卡"管理办法》,
// 2011-04-20, leaves them to provinces and cities). The rules are data
// (data/policies.json, described in data/policies.md), each with its sources;
// a rule no source gave is `unknown`, never a guess. This module checks that
// data and answers questions about it. It never reads the file: the CLI reads
// it and passes the parsed JSON in.
import type * as Zod from 'zod/mini';
import { addDays, addMonths, type IsoDate } from './calendar-date.js';
import { ageOn } from './citizen-id.js';
import { isRestDay, type RestDayCalendar } from './holidays.js';
import type { Period } from './period.js';

export const CONSEQUENCES = ['medical-insurance-restricted', 'sealed', 'social-function-suspended', 'none'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

/** A rule the sources did not give: the program then assumes nothing (see data/policies.md for what each field does when unknown). */
export const UNKNOWN = 'unknown';
export type Unknown = typeof UNKNOWN;

/** The rules a source can support (`supports`): every known rule of a policy is named by at least one of its sources. */
export const RULES = [
  'activation',
  'consequence',
  'temporaryLoss',
  'functionLoss',
  'formalLossLiftable',
  'validity',
  'renewalRequired',
  'renewalDays',
] as const;
export type Rule = (typeof RULES)[number];

export interface Source {
  readonly title: string;
  readonly url: string;
  readonly date: string | null;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly supports: readonly Rule[];
}

export interface ActivationWindow {
  readonly period: Period;
  /** The day the period counts from (Civil Code Art. 201: that day itself is not counted). */
  readonly from: 'received' | 'issued';
  /** What closes the window: the bank activation (激活) or only the social function (启用). */
  readonly needs: 'activated' | 'enabled';
}

export const LOSS_UNITS = ['days', 'working-days', 'never'] as const;
export type LossUnit = (typeof LOSS_UNITS)[number];
export const LOSS_OUTCOMES = ['lift', 'cancel', 'stay'] as const;
export type LossOutcome = (typeof LOSS_OUTCOMES)[number];

/**
 * How a temporary loss (临时挂失) lapses: after `period` calendar days or
 * working days (Nanjing: 3 working days), or never by itself (Suzhou); then
 * the card is lifted (自然解挂), cancelled (Shaoguan's old rule) or stays lost.
 */
export interface LossRule {
  readonly period: number | null;
  readonly unit: LossUnit;
  readonly then: LossOutcome;
}

/** One age band of a validity rule: from `fromAge` at issue, valid `years` (null: no expiry) or until the `untilAge` birthday. */
export interface ValidityBand {
  readonly fromAge: number;
  readonly years?: number | null;
  readonly untilAge?: number;
}

export interface Validity {
  /** By the holder's age on the issue day (Shanghai), youngest band first. */
  readonly byAgeAtIssue: readonly ValidityBand[];
}

export interface Policy {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly region: string | null;
  /** Leading digits of the ID's region code it matches (2: province, 4: city, 6: county), for the hint of SPEC 1.8; never applied by itself. */
  readonly regionCodes: readonly string[];
  /** null: no window, or (see `unknownRules`) none known. */
  readonly activation: ActivationWindow | null;
  readonly consequence: Consequence;
  readonly temporaryLoss: LossRule | Unknown;
  /** Separate loss periods per function (Yongkang: the social function 10 days, the financial 5). */
  readonly functionLoss: { readonly social?: LossRule; readonly financial?: LossRule } | null;
  readonly formalLossLiftable: boolean | Unknown;
  /** null: the policy sets no validity (a printed expiry, if any, stands). */
  readonly validity: Validity | null | Unknown;
  readonly renewalRequired: boolean | Unknown;
  /** From the national rule unless the policy says otherwise. */
  readonly renewalDays: number;
  readonly sources: readonly Source[];
  /** The rules no source gave (`unknown` in the data), for `policies` and `status` to say so. */
  readonly unknownRules: readonly Rule[];
}

/** The policies by id, in the file's order, and the national rules they share. */
export interface PolicyBook extends ReadonlyMap<string, Policy> {}

export interface NationalRules {
  readonly renewalDays: number;
  readonly sources: readonly Source[];
}

export const DEFAULT_POLICY = 'seed';

/**
 * zod itself, required on first use too (issue 31): its module defines some
 * forty classes when it is evaluated, which the bundles did at every start of
 * every command holding this module, while a command reads the build's
 * checked reading of the shipped file (scripts/build.mjs) and needs no schema.
 * A plain require(), as official-calendar.ts does for the lunar tables.
 */
const zod = (): typeof Zod => require('zod/mini') as typeof Zod;

/**
 * The file's schema, made on first use: building zod's schema objects ran
 * at the start of every command whose bundle holds this module, the many
 * that never read the file included (issue 31: `status` start-up).
 */
function makeFileSchema() {
  const z = zod();
  const count = z.number().check(z.int(), z.positive(), z.maximum(36500));
  const age = z.number().check(z.int(), z.minimum(0), z.maximum(150));
  const text = z.string().check(z.minLength(1));
  const unknown = z.literal(UNKNOWN);
  // biome-ignore lint/suspicious/noThenProperty: `then` is the field SPEC 1.8 names (what follows a lapse); data, never awaited.
  const lossRule = z.object({ period: z.nullable(count), unit: z.enum(LOSS_UNITS), then: z.enum(LOSS_OUTCOMES) });
  const source = z.object({
    title: text,
    url: z.string().check(z.regex(/^https?:\/\/\S+$/)),
    date: z.nullable(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/))),
    confidence: z.enum(['high', 'medium', 'low']),
    supports: z.array(z.enum(RULES)),
  });
  const policySchema = z.object({
    id: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/)),
    name: z.object({ en: text, zh: text }),
    region: z.nullable(text),
    regionCodes: z.optional(z.array(z.string().check(z.regex(/^\d{2}(\d{2}(\d{2})?)?$/)))),
    activation: z.union([
      unknown,
      z.null(),
      z.object({
        period: z.union([z.object({ months: count }), z.object({ days: count })]),
        from: z.enum(['received', 'issued']),
        needs: z.enum(['activated', 'enabled']),
      }),
    ]),
    consequence: z.enum(CONSEQUENCES),
    temporaryLoss: z.union([unknown, lossRule]),
    functionLoss: z.optional(z.object({ social: z.optional(lossRule), financial: z.optional(lossRule) })),
    formalLossLiftable: z.union([unknown, z.boolean()]),
    validity: z.union([
      unknown,
      z.null(),
      z.object({ byAgeAtIssue: z.array(z.object({ fromAge: age, years: z.optional(z.nullable(count)), untilAge: z.optional(age) })).check(z.minLength(1)) }),
    ]),
    renewalRequired: z.union([unknown, z.boolean()]),
    renewalDays: z.optional(count),
    sources: z.array(source).check(z.minLength(1)),
  });
  return z.object({
    version: z.literal(2),
    national: z.object({ renewalDays: count, sources: z.array(source).check(z.minLength(1)) }),
    policies: z.array(policySchema).check(z.minLength(1)),
  });
}
type FileSchema = ReturnType<typeof makeFileSchema>;
type PolicyEntry = Zod.infer<FileSchema>['policies'][number];
let fileSchema: FileSchema | undefined;

/** Where the data is wrong: the entry (its id when it has one), the field's path, and what is wrong, as a code the catalogue words. */
export type PolicyProblem = {
  readonly path: string;
  /** The policy's id, when the problem is inside one that has a readable id. */
  readonly policy: string | null;
  readonly problem:
    | { readonly kind: 'shape'; readonly detail: string }
    | { readonly kind: 'duplicate-id'; readonly id: string }
    | { readonly kind: 'window-without-consequence' }
    | { readonly kind: 'loss-period'; readonly unit: LossUnit }
    | { readonly kind: 'validity-bands' }
    | { readonly kind: 'rule-without-source'; readonly rule: Rule }
    | { readonly kind: 'no-default' };
};

/** Which rules a policy states (not `unknown`): each must be named by one of its sources. */
function statedRules(p: PolicyEntry): Rule[] {
  const rules: Rule[] = [];
  if (p.activation !== UNKNOWN) rules.push('activation', 'consequence');
  if (p.temporaryLoss !== UNKNOWN) rules.push('temporaryLoss');
  if (p.functionLoss !== undefined) rules.push('functionLoss');
  if (p.formalLossLiftable !== UNKNOWN) rules.push('formalLossLiftable');
  if (p.validity !== UNKNOWN) rules.push('validity');
  if (p.renewalRequired !== UNKNOWN) rules.push('renewalRequired');
  if (p.renewalDays !== undefined) rules.push('renewalDays');
  return rules;
}

function lossProblem(rule: LossRule): boolean {
  // A lapse needs a period; "never" has none.
  return rule.unit === 'never' ? rule.period !== null || rule.then !== 'stay' : rule.period === null;
}

/** zod's reading of the policy file's content: its typed copy (unknown keys left out), or the issues. */
function policyFileShape(data: unknown) {
  fileSchema ??= makeFileSchema();
  return zod().safeParse(fileSchema, data);
}

/**
 * The policy file's content, checked: every field typed, every stated rule
 * named by one of the policy's sources, ids unique, the default policy
 * present. A window with a consequence of `none`, a consequence without a
 * window, a lapse without a period and age bands out of order would say
 * nothing or contradict themselves, so they are refused too.
 */
export function parsePolicies(data: unknown): { ok: true; book: PolicyBook; national: NationalRules } | { ok: false; problem: PolicyProblem } {
  const parsed = policyFileShape(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [top, index] = issue.path;
    const entry = top === 'policies' && typeof index === 'number' ? (data as { policies: { id?: unknown }[] }).policies[index] : undefined;
    const policy = typeof entry?.id === 'string' ? entry.id.slice(0, 32) : null;
    return { ok: false, problem: { path: issue.path.join('.'), policy, problem: { kind: 'shape', detail: issue.message } } };
  }
  const national = parsed.data.national;
  const book = new Map<string, Policy>();
  for (const [i, p] of parsed.data.policies.entries()) {
    const at = (field: string, problem: PolicyProblem['problem']) => ({
      ok: false as const,
      problem: { path: `policies.${i}.${field}`, policy: p.id, problem },
    });
    if (book.has(p.id)) return at('id', { kind: 'duplicate-id', id: p.id });
    const noWindow = p.activation === null || p.activation === UNKNOWN;
    if (noWindow !== (p.consequence === 'none')) return at('consequence', { kind: 'window-without-consequence' });
    if (p.temporaryLoss !== UNKNOWN && lossProblem(p.temporaryLoss)) return at('temporaryLoss', { kind: 'loss-period', unit: p.temporaryLoss.unit });
    for (const fn of ['social', 'financial'] as const) {
      const rule = p.functionLoss?.[fn];
      if (rule && lossProblem(rule)) return at(`functionLoss.${fn}`, { kind: 'loss-period', unit: rule.unit });
    }
    if (p.validity !== null && p.validity !== UNKNOWN) {
      const bands = p.validity.byAgeAtIssue;
      const ordered = bands[0]!.fromAge === 0 && bands.every((b, j) => j === 0 || b.fromAge > bands[j - 1]!.fromAge);
      const oneEnd = bands.every((b) => (b.years !== undefined) !== (b.untilAge !== undefined) && (b.untilAge === undefined || b.untilAge > b.fromAge));
      if (!ordered || !oneEnd) return at('validity', { kind: 'validity-bands' });
    }
    const supported = new Set(p.sources.flatMap((s) => s.supports));
    for (const rule of statedRules(p)) if (!supported.has(rule)) return at('sources', { kind: 'rule-without-source', rule });
    book.set(p.id, {
      ...p,
      activation: p.activation === UNKNOWN ? null : p.activation,
      unknownRules: RULES.filter((rule) => rule !== 'consequence' && rule !== 'functionLoss' && rule !== 'renewalDays' && p[rule] === UNKNOWN),
      regionCodes: p.regionCodes ?? [],
      functionLoss: p.functionLoss ?? null,
      renewalDays: p.renewalDays ?? national.renewalDays,
    } as Policy);
  }
  if (!book.has(DEFAULT_POLICY)) return { ok: false, problem: { path: 'policies', policy: null, problem: { kind: 'no-default' } } };
  return { ok: true, book, national };
}

/**
 * What parsePolicies made of a sound file, as JSON: the build keeps it beside
 * a copy of the file it read (scripts/build.mjs, dist/checked/), and a
 * command finding the same bytes takes the book from it as it is
 * (policiesFromReading) instead of checking the file again: zod's check was
 * about a fifth of what `status` ran beyond bare node, and the rules' check
 * with the book's making 0.6 ms of each `status` (issue 31).
 */
export interface PolicyReading {
  readonly national: NationalRules;
  readonly policies: readonly Policy[];
}

export function policyReading(parsed: { book: PolicyBook; national: NationalRules }): PolicyReading {
  return { national: parsed.national, policies: [...parsed.book.values()] };
}

/** The book of a reading the build made from the same bytes (checked then). */
export function policiesFromReading(reading: PolicyReading): { ok: true; book: PolicyBook; national: NationalRules } {
  return { ok: true, book: new Map(reading.policies.map((policy) => [policy.id, policy])), national: reading.national };
}

/**
 * A policy id as a person types it (`--policy SEED`, SSCARD_POLICY, a
 * roster's policy cell ` Guangdong `): ids are lower-case (the file's schema),
 * so the text is matched trimmed and in any case, the same way everywhere.
 * Null when the book has no such policy.
 */
export function findPolicy(book: PolicyBook, text: string): Policy | null {
  return book.get(text.trim().toLowerCase()) ?? null;
}

/**
 * The policy a card was issued under. A card keeps its policy id for life;
 * should the data no longer have it, the card is treated as under a policy
 * that knows nothing (every rule unknown) with the national renewal rule.
 */
export function policyOf(book: PolicyBook, id: string): Policy {
  return (
    book.get(id) ?? {
      id,
      name: { en: id, zh: id },
      region: null,
      regionCodes: [],
      activation: null,
      consequence: 'none',
      temporaryLoss: UNKNOWN,
      functionLoss: null,
      formalLossLiftable: UNKNOWN,
      validity: UNKNOWN,
      renewalRequired: UNKNOWN,
      renewalDays: book.get(DEFAULT_POLICY)?.renewalDays ?? 60,
      sources: [],
      unknownRules: ['activation', 'temporaryLoss', 'formalLossLiftable', 'validity', 'renewalRequired'],
    }
  );
}

/** The `n`th working day after `from` (that day not counted): Nanjing's "3个工作日后自动解除". */
function workingDaysAfter(from: IsoDate, n: number, calendar: RestDayCalendar): IsoDate {
  let day = from;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (!isRestDay(calendar.dayInfo(day))) left--;
  }
  return day;
}

/**
 * The last day a temporary loss holds under a rule, or null when it never
 * lapses by itself (or the rule is unknown): `period` calendar days or
 * working days after the report, the reporting day not counted (Art. 201).
 * A lapse in calendar days is not moved off rest days (Art. 203 extends the
 * time a person has to act; here nobody acts: the card system lifts or
 * cancels by itself).
 */
export function lapseOf(reportedOn: IsoDate, rule: LossRule | Unknown, calendar: RestDayCalendar): IsoDate | null {
  if (rule === UNKNOWN || rule.unit === 'never' || rule.period === null) return null;
  return rule.unit === 'days' ? addDays(reportedOn, rule.period) : workingDaysAfter(reportedOn, rule.period, calendar);
}

/** The last day the card's temporary loss holds under its policy (null: it does not lapse by itself, or nobody knows when). */
export function lossLapsesOn(reportedOn: IsoDate, policy: Policy, calendar: RestDayCalendar): IsoDate | null {
  return lapseOf(reportedOn, policy.temporaryLoss, calendar);
}

/** What follows the lapse; a rule that never lapses keeps the card lost. */
export const afterLapse = (policy: Policy): LossOutcome => (policy.temporaryLoss === UNKNOWN ? 'stay' : policy.temporaryLoss.then);

/** How the loss lapses, for status: the unit, or `unknown`. */
export const lapseUnit = (policy: Policy): LossUnit | Unknown => (policy.temporaryLoss === UNKNOWN ? UNKNOWN : policy.temporaryLoss.unit);

/**
 * The expiry a policy gives a card (validity by the holder's age on the issue
 * day, Shanghai: under 7 until the 7th birthday, 7-25 ten years, 26-45 twenty,
 * 46 and over none): null where it sets none, knows none, or the band has no
 * expiry. Years count as Civil Code periods do (the issue day not counted,
 * the same day N years later; 29 February -> 28 February).
 */
export function policyExpiry(policy: Policy, birthDate: IsoDate, issuedOn: IsoDate): IsoDate | null {
  if (policy.validity === null || policy.validity === UNKNOWN) return null;
  const ageAtIssue = ageOn(birthDate, issuedOn);
  const band = [...policy.validity.byAgeAtIssue].reverse().find((b) => b.fromAge <= ageAtIssue);
  if (!band) return null;
  if (band.untilAge !== undefined) return addMonths(birthDate, band.untilAge * 12);
  return band.years == null ? null : addMonths(issuedOn, band.years * 12);
}

/** Whether a working card must be renewed when it expires: only where the policy says it need not (Shanghai) is the answer no. */
export const renewalNeeded = (policy: Policy): boolean => policy.renewalRequired !== false;

/** Whether `card found` may lift a formal loss (正式挂失): refused only where a source says it cannot be (Beijing, Xi'an, Changchun). */
export const formalLossLiftable = (policy: Policy): boolean => policy.formalLossLiftable !== false;

/**
 * The first day renewal (换领) may be applied for: `renewalDays` before the
 * printed expiry, counted backwards as Art. 201 counts forwards (the expiry
 * day itself not counted): 60 days before 2035-01-10 is 2034-11-11. The day
 * is not moved off rest days: it opens a window, it does not end one (Art.
 * 203 moves only the end of a period).
 */
export function renewalFrom(expiresOn: IsoDate, policy: Policy): IsoDate {
  return addDays(expiresOn, -policy.renewalDays);
}

/**
 * The shipped policy for a holder's region, for the hint of SPEC 1.8 (never
 * applied by itself: the card's city is where it was issued, which the ID
 * does not tell): the longest matching region-code prefix wins, so the city
 * comes before the province.
 */
export function policyForRegion(book: PolicyBook, regionCode: string): Policy | null {
  let best: Policy | null = null;
  let length = 0;
  for (const p of book.values()) {
    for (const code of p.regionCodes) {
      if (regionCode.startsWith(code) && code.length > length) {
        best = p;
        length = code.length;
      }
    }
  }
  return best;
}
