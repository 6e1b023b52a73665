// Employers as records (SPEC 1.10): a name, as hires give it, with the
// unified social credit code (统一社会信用代码, GB 32100-2015, uscc.ts) and the
// city whose contribution data applies (参保地, contributions.ts). A hire
// naming an employer not yet recorded creates the record with the name only.
import { checkUscc, type UsccProblem } from './uscc.js';

export interface Employer {
  readonly name: string;
  readonly uscc: string | null;
  /** A city id of the contribution data (e.g. "beijing"), or the city as typed when the data has none. */
  readonly city: string | null;
}

export interface EmployerRequest {
  readonly name: string;
  /** As typed; null: not given (a given code is checked). */
  readonly uscc: string | null;
  readonly city: string | null;
}

export type EmployerRefusal =
  | { readonly reason: 'uscc-invalid'; readonly problem: UsccProblem }
  /** The record already has another code: one organisation, one code. */
  | { readonly reason: 'uscc-differs'; readonly recorded: string }
  /** Another employer already has this code. */
  | { readonly reason: 'uscc-taken'; readonly by: string };

export type EmployerDecision =
  | { readonly action: 'create' | 'update' | 'unchanged'; readonly employer: Employer }
  | { readonly action: 'refuse'; readonly refusal: EmployerRefusal };

/**
 * Recording an employer, or what a hire, a roster row or `employer set`
 * says about one: fills in what the record lacks, changes the city, and
 * refuses a code that is wrong, differs from the recorded one, or belongs
 * to another employer.
 */
export function decideEmployer(existing: Employer | null, request: EmployerRequest, holderOf: (uscc: string) => Employer | null): EmployerDecision {
  let uscc: string | null = null;
  if (request.uscc !== null) {
    const checked = checkUscc(request.uscc);
    if (!checked.ok) return { action: 'refuse', refusal: { reason: 'uscc-invalid', problem: checked.problem } };
    uscc = checked.code;
    if (existing?.uscc && existing.uscc !== uscc) return { action: 'refuse', refusal: { reason: 'uscc-differs', recorded: existing.uscc } };
    // `holderOf`: the employer recorded with this code, if any (one code, one employer: the ledger's UNIQUE).
    const holder = holderOf(uscc);
    if (holder !== null && holder.name !== request.name) return { action: 'refuse', refusal: { reason: 'uscc-taken', by: holder.name } };
  }
  const employer: Employer = { name: request.name, uscc: uscc ?? existing?.uscc ?? null, city: request.city ?? existing?.city ?? null };
  if (existing === null) return { action: 'create', employer };
  if (employer.uscc === existing.uscc && employer.city === existing.city) return { action: 'unchanged', employer: existing };
  return { action: 'update', employer };
}
