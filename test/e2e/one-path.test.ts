// One rule path (issue 24): a roster row is refused exactly when the command
// would be, with the same code, and the same exit code for bad input. Each
// case as a user meets it, through the built command: the command first,
// then the same thing as an import row (`import --json`: the row's code).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

const G = '44030419900307123X';
const W = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

function importRows(l: Ledger, csv: string, today: string) {
  const file = path.join(l.dir, 'rows.csv');
  fs.writeFileSync(file, csv);
  return l.run(['import', file, '--json'], { today });
}

describe('a row is refused exactly when the command is, with the same code', () => {
  it('a sealed Guangdong card: activate refuses it, and so does an import row activating it', () => {
    ledger = tempLedger();
    const issue = ledger.run(['card', 'issue', '--id', G, '--card', 'G00000001', '--bank', 'ICBC', '--policy', 'guangdong', '--issued-on', '2025-01-02'], {
      today: '2025-01-02',
    });
    expect(issue.code, issue.stderr).toBe(0);
    const before = ledger.bytes();

    const command = ledger.run(['activate', '--card', 'G00000001', '--id-doc', G, '--json'], { today: '2026-11-20' });
    expect(command.code).toBe(1);
    expect(command.json.error.code).toBe('card-not-in-force');

    const row = importRows(ledger, `id,card_number,policy,issued_on,activated_on\n${G},G00000001,guangdong,2025-01-02,2026-11-20\n`, '2026-11-20');
    expect(row.code).toBe(2);
    expect(row.json.error.rows).toEqual([{ line: 2, field: 'activated_on', code: 'card-not-in-force', message: expect.stringMatching(/sealed/) }]);
    expect(ledger.bytes()!.equals(before!)).toBe(true);

    const status = ledger.run(['status', G, '--json'], { today: '2026-11-20' });
    expect(status.json.card.state).toBe('sealed');
    expect(status.json.activatedEcard).toBe(false);
  });

  it('the same row on an empty ledger (the card issued by the row itself) is refused alike', () => {
    ledger = tempLedger();
    const row = importRows(ledger, `id,card_number,policy,issued_on,activated_on\n${G},G00000001,guangdong,2025-01-02,2026-11-20\n`, '2026-11-20');
    expect(row.code).toBe(2);
    expect(row.json.error.rows[0]).toMatchObject({ field: 'activated_on', code: 'card-not-in-force' });
    expect(fs.existsSync(ledger.db)).toBe(false);
  });

  it('a flexible worker with an employer: bad input (exit 2) through both, code flexible-with-employer', () => {
    ledger = tempLedger();
    const command = ledger.run(['register-employee', '--id', W, '--flexible', '--employer', 'Acme', '--hired-on', '2026-09-01', '--json']);
    expect(command.code).toBe(2);
    expect(command.json.error.code).toBe('flexible-with-employer');
    expect(command.json.error.message).toMatch(/^--employer: a flexible worker/);

    const row = importRows(ledger, `id,employer,hired_on,hire_kind\n${W},Acme,2026-09-01,flexible\n`, '2026-11-24');
    expect(row.code).toBe(2);
    expect(row.json.error.rows).toEqual([
      { line: 2, field: 'employer', code: 'flexible-with-employer', message: expect.stringMatching(/^employer: a flexible worker/) },
    ]);
    expect(fs.existsSync(ledger.db)).toBe(false);
  });

  it('an expiry on or before the issue date: bad input (exit 2) through both, code expiry-before-issue', () => {
    ledger = tempLedger();
    const command = ledger.run(['card', 'issue', '--id', W, '--card', 'A12345678', '--issued-on', '2026-03-01', '--expires-on', '2026-03-01', '--json']);
    expect(command.code).toBe(2);
    expect(command.json.error.code).toBe('expiry-before-issue');

    const row = importRows(ledger, `id,card_number,issued_on,expires_on\n${W},A12345678,2026-03-01,2026-03-01\n`, '2026-11-24');
    expect(row.code).toBe(2);
    expect(row.json.error.rows).toEqual([
      { line: 2, field: 'expires_on', code: 'expiry-before-issue', message: expect.stringMatching(/expiry date \(2026-03-01\)/) },
    ]);
    expect(fs.existsSync(ledger.db)).toBe(false);
  });

  it('a hire date before birth: exit 2 through both, code hire-date-before-birth', () => {
    ledger = tempLedger();
    const command = ledger.run(['register-employee', '--id', W, '--employer', 'Acme', '--hired-on', '1949-12-30', '--json']);
    expect(command.code).toBe(2);
    expect(command.json.error.code).toBe('hire-date-before-birth');
    const row = importRows(ledger, `id,employer,hired_on\n${W},Acme,1949-12-30\n`, '2026-11-24');
    expect(row.json.error.rows[0]).toMatchObject({ field: 'hired_on', code: 'hire-date-before-birth' });
  });

  it("another person's card number: card-number-taken through both", () => {
    ledger = tempLedger();
    expect(ledger.run(['card', 'issue', '--id', G, '--card', 'A12345678', '--issued-on', '2026-03-01']).code).toBe(0);
    const command = ledger.run(['card', 'issue', '--id', W, '--card', 'A12345678', '--issued-on', '2026-03-01', '--json']);
    expect(command.code).toBe(1);
    expect(command.json.error.code).toBe('card-number-taken');
    const row = importRows(ledger, `id,card_number,issued_on\n${W},A12345678,2026-03-01\n`, '2026-11-24');
    expect(row.json.error.rows[0]).toMatchObject({ field: 'card_number', code: 'card-number-taken' });
  });
});

describe('policy ids are matched the same way everywhere', () => {
  it('--policy SEED and a SEED cell are both the policy seed', () => {
    ledger = tempLedger();
    const command = ledger.run(['card', 'issue', '--id', W, '--card', 'A12345678', '--issued-on', '2026-03-01', '--policy', 'SEED', '--json']);
    expect(command.code, command.stderr).toBe(0);
    expect(command.json.card.policy.id).toBe('seed');

    const row = importRows(ledger, `id,card_number,policy,issued_on\n${G},B12345678, SEED ,2026-03-01\n`, '2026-11-24');
    expect(row.code, row.stdout).toBe(0);
    expect(ledger.run(['status', G, '--json']).json.card.policy.id).toBe('seed');

    // An unknown one is unknown-policy both ways.
    const unknown = ledger.run(['card', 'issue', '--id', W, '--card', 'C12345678', '--policy', 'atlantis', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.json.error.code).toBe('unknown-policy');
    const cell = importRows(ledger, `id,card_number,policy\n${W},C12345678,atlantis\n`, '2026-11-24');
    expect(cell.json.error.rows[0]).toMatchObject({ field: 'policy', code: 'unknown-policy' });
  });
});
