// Issue 12 ("nothing lost, nothing leaked, round two"): each item at the
// command line, as the adversarial test found it. Fault-injection figures
// live in robustness.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

const ID = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('--json prints exactly one document (item 9)', () => {
  it('import with bad rows: one document with the rows, exit 2', () => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'bad.csv');
    fs.writeFileSync(csv, `id,employer,hired_on\n${ID},Acme,2026-13-01\n`);
    const r = ledger.run(['import', csv, '--json']);
    expect(r.code).toBe(2);
    expect(r.json.error.code).toBe('invalid-rows'); // JSON.parse of the whole stdout: one document
    expect(r.json.error.rows).toHaveLength(1);
  });

  it('check on a damaged ledger: one document naming the damage, exit 1', () => {
    ledger = tempLedger();
    damageIndex(ledger);
    const r = ledger.run(['check', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    expect(r.json.problems.length).toBeGreaterThan(0);
    const human = ledger.run(['check']);
    expect(human.code).toBe(1);
    expect(human.stderr.trim().split('\n')).toHaveLength(1);
    expect(human.stderr).toMatch(/restore/);
  });
});

/** A ledger whose index disagrees with its table: SQLite's integrity check fails, the file still opens. */
function damageIndex(l: Ledger): void {
  const csv = path.join(l.dir, 'pending.csv');
  fs.writeFileSync(csv, `id,employer,hired_on\n${Array.from({ length: 40 }, (_, i) => `${ID},Employer ${i},2026-09-01`).join('\n')}\n`);
  expect(l.run(['import', csv]).code).toBe(0);
  // No registered_on column: all 40 hires are pending, so all are in the partial index hire_unregistered.
  const conn = new Database(l.db);
  conn.pragma('wal_checkpoint(TRUNCATE)');
  conn.pragma('journal_mode = DELETE');
  const { rootpage } = conn.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'hire_unregistered'").get() as { rootpage: number };
  const pageSize = conn.pragma('page_size', { simple: true }) as number;
  conn.close();
  const bytes = fs.readFileSync(l.db);
  const page = bytes.subarray((rootpage - 1) * pageSize, rootpage * pageSize);
  // The index's keys are hire dates: turn one "2026-09-01" into "2026-09-02".
  const at = page.lastIndexOf(Buffer.from('2026-09-01'));
  page[at + 9] = '2'.charCodeAt(0);
  fs.writeFileSync(l.db, bytes);
}
