// Card policies (SPEC 1.8): which activation window applies to a card and
// what happens when it is missed is local, not national (the 2011 national
// card rules leave it to provinces and cities). The rules are data
// (data/policies.json, described in data/policies.md); this module checks
// that data and answers questions about it. It never reads the file: the
// CLI reads it and passes the parsed JSON in.
import * as z from 'zod/mini';
import { addDays, type IsoDate } from './calendar-date.js';
import type { Period } from './period.js';

export const CONSEQUENCES = ['medical-insurance-restricted', 'sealed', 'social-function-suspended', 'none'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

export interface Source {
  readonly title: string;
  readonly url: string;
  readonly date: string | null;
  readonly confidence: 'high' | 'medium' | 'low';
}

export interface ActivationWindow {
  readonly period: Period;
  /** The day the period counts from (Civil Code Art. 201: that day itself is not counted). */
  readonly from: 'received' | 'issued';
  /** What closes the window: the bank activation (激活) or only the social function (启用). */
  readonly needs: 'activated' | 'enabled';
}

export interface Policy {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly region: string | null;
  readonly activation: ActivationWindow | null;
  readonly consequence: Consequence;
  readonly temporaryLossDays: number;
  readonly afterTemporaryLoss: 'lift' | 'cancel';
  readonly renewalDays: number;
  readonly sources: readonly Source[];
}

/** The policies by id, in the file's order. */
export type PolicyBook = ReadonlyMap<string, Policy>;

export const DEFAULT_POLICY = 'seed';

const count = z.number().check(z.int(), z.positive(), z.maximum(36500));
const text = z.string().check(z.minLength(1));
const policySchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,31}$/)),
  name: z.object({ en: text, zh: text }),
  region: z.nullable(text),
  activation: z.nullable(
    z.object({
      period: z.union([z.object({ months: count }), z.object({ days: count })]),
      from: z.enum(['received', 'issued']),
      needs: z.enum(['activated', 'enabled']),
    }),
  ),
  consequence: z.enum(CONSEQUENCES),
  temporaryLossDays: count,
  afterTemporaryLoss: z.enum(['lift', 'cancel']),
  renewalDays: count,
  sources: z
    .array(
      z.object({
        title: text,
        url: z.string().check(z.regex(/^https?:\/\/\S+$/)),
        date: z.nullable(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/))),
        confidence: z.enum(['high', 'medium', 'low']),
      }),
    )
    .check(z.minLength(1)),
});
const fileSchema = z.object({ version: z.literal(1), policies: z.array(policySchema).check(z.minLength(1)) });

export type PolicyProblem = { readonly path: string; readonly message: string };

/**
 * The policy file's content, checked: every field typed, every policy with
 * at least one source, ids unique, and the default policy present. A window
 * with a consequence of `none` or a consequence without a window would say
 * nothing, so they are refused too.
 */
export function parsePolicies(data: unknown): { ok: true; book: PolicyBook } | { ok: false; problem: PolicyProblem } {
  const parsed = z.safeParse(fileSchema, data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: { path: issue.path.join('.'), message: issue.message } };
  }
  const book = new Map<string, Policy>();
  for (const [i, policy] of parsed.data.policies.entries()) {
    if (book.has(policy.id)) return { ok: false, problem: { path: `policies.${i}.id`, message: `duplicate policy id "${policy.id}"` } };
    if ((policy.activation === null) !== (policy.consequence === 'none')) {
      return { ok: false, problem: { path: `policies.${i}.consequence`, message: 'a window needs a consequence, and a consequence needs a window' } };
    }
    book.set(policy.id, policy as Policy);
  }
  if (!book.has(DEFAULT_POLICY)) return { ok: false, problem: { path: 'policies', message: `the default policy "${DEFAULT_POLICY}" is missing` } };
  return { ok: true, book };
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
 * without a window (nothing is invented) with the national renewal rule.
 */
export function policyOf(book: PolicyBook, id: string): Policy {
  return (
    book.get(id) ?? {
      id,
      name: { en: id, zh: id },
      region: null,
      activation: null,
      consequence: 'none',
      temporaryLossDays: book.get(DEFAULT_POLICY)?.temporaryLossDays ?? 10,
      afterTemporaryLoss: 'lift',
      renewalDays: 60,
      sources: [],
    }
  );
}

/**
 * The last day a temporary loss (临时挂失) holds: `temporaryLossDays` after
 * the report, the reporting day not counted (Art. 201). It is not moved off
 * rest days (Art. 203 extends the time a person has to act; here nobody
 * acts: the card system lifts or cancels by itself). From the next day it
 * has lapsed.
 */
export function lossLapsesOn(reportedOn: IsoDate, policy: Policy): IsoDate {
  return addDays(reportedOn, policy.temporaryLossDays);
}

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
