// The card policies (data/policies.json, SPEC 1.8), read once per process and
// only by the commands that need them: the file is data, so adding a policy
// is editing it, not the code.
import fs from 'node:fs';
import path from 'node:path';
import type { Judging } from '../../../core/decision.js';
import { InvalidInput, Refused } from '../../../core/errors.js';
import { findPolicy, parsePolicies, type PolicyBook } from '../../../core/policy.js';
import type { Context } from '../../context.js';

let book: PolicyBook | null = null;

/** The bundles run from dist/lazy/, two levels below the package root (scripts/build.mjs). */
export const POLICIES_FILE = path.join(__dirname, '..', '..', 'data', 'policies.json');

export function policyBook(): PolicyBook {
  if (book !== null) return book;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(POLICIES_FILE, 'utf8'));
  } catch (error) {
    throw new Refused(
      'policies-unreadable',
      `The card policies file data/policies.json cannot be read (${(error as Error).message.slice(0, 120)}); reinstall sscard.`,
    );
  }
  const parsed = parsePolicies(data);
  if (!parsed.ok) {
    throw new Refused(
      'policies-invalid',
      `The card policies file data/policies.json is invalid at ${parsed.problem.path || 'the top'}: ${parsed.problem.message}; fix the file or reinstall sscard.`,
    );
  }
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
