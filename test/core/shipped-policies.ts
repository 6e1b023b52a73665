// The policies as shipped (data/policies.json), parsed by the core: the
// core tests judge cards under the real data, not a copy of it.
import fs from 'node:fs';
import path from 'node:path';
import { parsePolicies, type Policy, type PolicyBook } from '../../src/core/policy.js';

export const POLICY_DATA: unknown = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/policies.json'), 'utf8'));

const parsed = parsePolicies(POLICY_DATA);
if (!parsed.ok) throw new Error(`data/policies.json: ${parsed.problem.path}: ${JSON.stringify(parsed.problem.problem)}`);
export const BOOK: PolicyBook = parsed.book;
export const policy = (id: string): Policy => {
  const p = BOOK.get(id);
  if (!p) throw new Error(`no policy ${id}`);
  return p;
};
export const SEED = policy('seed');
