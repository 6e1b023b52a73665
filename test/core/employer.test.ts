// decideEmployer (src/core/employer.ts, SPEC 1.10): what recording an employer, or a hire's or roster row's
// word about one, does to the record. A code is looked up by `holderOf` (the ledger holds one employer per code).
import { describe, expect, it } from 'vitest';
import { decideEmployer, type Employer } from '../../src/core/employer.js';

const ACME: Employer = { name: 'Acme Ltd', uscc: '91110000600037341L', city: 'beijing' };
const BETA: Employer = { name: 'Beta Co', uscc: null, city: null };
const known = new Map([ACME, BETA].filter((e) => e.uscc !== null).map((e) => [e.uscc!, e]));
const holderOf = (uscc: string) => known.get(uscc) ?? null;

describe('decideEmployer', () => {
  it.each([
    [
      'a new name, nothing said: created with the name only',
      null,
      { name: 'Gamma', uscc: null, city: null },
      { action: 'create', employer: { name: 'Gamma', uscc: null, city: null } },
    ],
    [
      'a new name with a code no one holds: created with it',
      null,
      { name: 'Gamma', uscc: '91310115MA1K3BTP2B', city: null },
      { action: 'create', employer: { name: 'Gamma', uscc: '91310115MA1K3BTP2B', city: null } },
    ],
    [
      'a new name with a code Acme holds: refused, naming Acme',
      null,
      { name: 'Gamma', uscc: '91110000600037341L', city: null },
      { action: 'refuse', refusal: { reason: 'uscc-taken', by: 'Acme Ltd' } },
    ],
    [
      'Acme with its own code, written with spaces: unchanged',
      ACME,
      { name: 'Acme Ltd', uscc: '91 110000 600037341L', city: null },
      { action: 'unchanged', employer: ACME },
    ],
    [
      'Acme with another valid code: refused, naming the recorded one',
      ACME,
      { name: 'Acme Ltd', uscc: '91310115MA1K3BTP2B', city: null },
      { action: 'refuse', refusal: { reason: 'uscc-differs', recorded: '91110000600037341L' } },
    ],
    [
      'Beta given a code no one holds, and a city: updated',
      BETA,
      { name: 'Beta Co', uscc: '91310115MA1K3BTP2B', city: 'shanghai' },
      { action: 'update', employer: { name: 'Beta Co', uscc: '91310115MA1K3BTP2B', city: 'shanghai' } },
    ],
    [
      "Beta given Acme's code: refused",
      BETA,
      { name: 'Beta Co', uscc: '91110000600037341L', city: null },
      { action: 'refuse', refusal: { reason: 'uscc-taken', by: 'Acme Ltd' } },
    ],
    [
      'Acme with a new city only: updated, its code kept',
      ACME,
      { name: 'Acme Ltd', uscc: null, city: 'shanghai' },
      { action: 'update', employer: { ...ACME, city: 'shanghai' } },
    ],
  ] as const)('%s', (_, existing, request, expected) => {
    expect(decideEmployer(existing, request, holderOf)).toEqual(expected);
  });

  it('refuses a code that is no code, before asking who holds it', () => {
    const asked: string[] = [];
    const decision = decideEmployer(null, { name: 'Gamma', uscc: '12345', city: null }, (uscc) => {
      asked.push(uscc);
      return null;
    });
    expect(decision).toMatchObject({ action: 'refuse', refusal: { reason: 'uscc-invalid' } });
    expect(asked).toEqual([]);
  });
});
