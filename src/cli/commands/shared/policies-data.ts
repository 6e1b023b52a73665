// The card policies (data/policies.json, SPEC 1.8), read once per process and
// only by the commands that need them: the file is data, so adding a policy
// is editing it, not the code.
import fs from 'node:fs';
import path from 'node:path';
import type { Judging } from '../../../core/decision.js';
import { InvalidInput, refused } from '../../../core/errors.js';
import {
  DEFAULT_POLICY,
  findPolicy,
  type NationalRules,
  parsePolicies,
  type Policy,
  type PolicyBook,
  type PolicyReading,
  policiesFromReading,
  policyForRegion,
} from '../../../core/policy.js';
import type { Context } from '../../context.js';
import { checkedByBuild } from './checked-data.js';

let book: PolicyBook | null = null;
let national: NationalRules | null = null;

/** The national rules the policies share (data/policies.json's `national`), read with them. */
export function nationalRules(): NationalRules {
  policyBook();
  return national!;
}

/** The bundles run from dist/lazy/, two levels below the package root (scripts/build.mjs). */
export const POLICIES_FILE = path.join(__dirname, '..', '..', 'data', 'policies.json');

export function policyBook(): PolicyBook {
  if (book !== null) return book;
  let reading: PolicyReading | undefined;
  let data: unknown;
  try {
    const bytes = fs.readFileSync(POLICIES_FILE);
    reading = checkedByBuild('policies.json', bytes) as PolicyReading | undefined;
    if (reading === undefined) data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    const why = (error as Error).message.slice(0, 120);
    throw refused('policies-unreadable', { why });
  }
  const parsed = reading === undefined ? parsePolicies(data) : policiesFromReading(reading);
  if (!parsed.ok) {
    // Worded by code from the catalogue (errors['policies-invalid']): the entry, the field inside it, what is wrong.
    const { policy, path: field, problem } = parsed.problem;
    const entry = policy ?? /^policies\.\d+/.exec(field)?.[0] ?? '';
    const params = {
      entry,
      field: field.replace(/^policies\.\d+\.?/, '') || field,
      kind: problem.kind,
      detail: problem.kind === 'shape' ? problem.detail : problem.kind === 'rule-without-source' ? problem.rule : '',
    };
    throw refused('policies-invalid', params);
  }
  national = parsed.national;
  book = parsed.book;
  return book;
}

/**
 * What every core decision judges by (src/core/decision.ts): the command's
 * day, the calendar and the card policies. Commands and import rows pass the
 * same one, so they decide alike.
 */
export function judging(ctx: Context): Judging {
  return { today: ctx.today, calendar: ctx.calendar, policies: policyBook() };
}

/** The policy id given (`--policy`, SSCARD_POLICY), found as the core matches ids (findPolicy): an unknown one is bad input naming the known ones. */
export function knownPolicy(ctx: Context, id: string, flag: string): string {
  const book = policyBook();
  const policy = findPolicy(book, id);
  if (policy !== null) return policy.id;
  const known = [...book.keys()].join(', ');
  const shown = JSON.stringify(id.slice(0, 40));
  throw new InvalidInput('unknown-policy', ctx.m.policy.unknown(flag, shown, known));
}

/**
 * The shipped policy matching a holder's region code (city first, then
 * province), other than the default: for the one-line hint of SPEC 1.8 in
 * `card issue` and `status`. Never applied: the card's city is where it was
 * issued, which the ID does not tell.
 */
export function regionHint(regionCode: string): Policy | null {
  const match = policyForRegion(policyBook(), regionCode);
  return match && match.id !== DEFAULT_POLICY ? match : null;
}
