// Issue 29 ("nothing lost, nothing leaked, round three"): each defect as the
// adversarial test found it, attacked again here; each part prints its
// figures (trials, failures, residues).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SIDE } from './cli-process.js';
import { type Ledger, tempLedger } from './harness.js';
import { hiresCsv, idFor } from './synthetic-hires.js';

let ledger: Ledger;
afterEach(() => ledger?.cleanup());

/** Every spelling of the number in the bytes: as stored, lower-case x, and the 15-digit form where no digit touches it. */
const spellings = (file: string, id: string): number => {
  if (!fs.existsSync(file)) return 0;
  const bytes = fs.readFileSync(file);
  let n = 0;
  for (const form of new Set([id, id.toLowerCase()])) for (let i = bytes.indexOf(form); i !== -1; i = bytes.indexOf(form, i + 1)) n++;
  if (id.slice(6, 8) === '19') {
    const fifteen = id.slice(0, 6) + id.slice(8, 17);
    const digit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
    for (let i = bytes.indexOf(fifteen); i !== -1; i = bytes.indexOf(fifteen, i + 1)) if (!digit(bytes[i - 1]) && !digit(bytes[i + 15])) n++;
  }
  return n;
};
const inLedger = (db: string, id: string) => SIDE.reduce((sum, s) => sum + spellings(db + s, id), 0);

describe('purge can always be finished, and finds every spelling (items 5 and 13)', () => {
  const TARGET = '11010519491231002X';

  /** The state a purge killed between its commit and its rewrite leaves: the rows gone, the bytes still in unused space. */
  function erasedWithoutRewrite(db: string, id: string, walOnly: boolean): void {
    const holder = walOnly ? new Database(db) : null;
    holder?.pragma('wal_autocheckpoint = 0');
    holder?.prepare('SELECT count(*) FROM person').get();
    const conn = new Database(db);
    conn.pragma('foreign_keys = ON');
    conn.pragma('secure_delete = OFF');
    const triggers = conn.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    conn.transaction(() => {
      for (const t of triggers) conn.exec(`DROP TRIGGER "${t.name}"`);
      conn.prepare('DELETE FROM person WHERE id = ?').run(id);
      for (const t of triggers) conn.exec(t.sql);
    })();
    conn.close();
    if (holder) {
      // The WAL as a reader left it: copied while still held, so no checkpoint has folded it in.
      fs.copyFileSync(db, `${db}.copy`);
      fs.copyFileSync(`${db}-wal`, `${db}.copy-wal`);
      holder.close();
      fs.renameSync(`${db}.copy`, db);
      fs.rmSync(`${db}-shm`, { force: true });
      fs.renameSync(`${db}.copy-wal`, `${db}-wal`);
    }
  }

  it.each([
    ['in unused pages of the file', false],
    ['in the WAL a reader kept', true],
  ])('a purge whose rewrite did not finish (copies %s) is finished by purging again', async (_, walOnly) => {
    ledger = tempLedger();
    expect(ledger.run(['import', hiresCsv(ledger.dir, 'seed.csv', 0, 500)]).code).toBe(0);
    expect(ledger.run(['register-employee', '--id', TARGET, '--employer', 'Acme', '--hired-on', '2026-09-01']).code).toBe(0);
    erasedWithoutRewrite(ledger.db, TARGET, walOnly);
    expect(ledger.query('SELECT count(*) AS n FROM person WHERE id = ?', TARGET)[0].n).toBe(0);
    expect(inLedger(ledger.db, TARGET)).toBeGreaterThan(0);
    const again = ledger.run(['purge', TARGET, '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/copies of the number remained/);
    expect(inLedger(ledger.db, TARGET)).toBe(0);
    expect(ledger.run(['check']).code).toBe(0);
    // Nothing left anywhere: now it is "no record".
    expect(ledger.run(['purge', TARGET, '--yes']).code).toBe(1);
  });

  it("erases the number written with a lower-case x or in 15 digits in other people's rows; purge <15 digits> works", () => {
    ledger = tempLedger();
    const other = idFor(1);
    const third = idFor(2);
    const bystander = idFor(3);
    const fifteen = TARGET.slice(0, 6) + TARGET.slice(8, 17);
    expect(ledger.run(['register-employee', '--id', TARGET, '--employer', 'Acme', '--hired-on', '2026-09-01']).code).toBe(0);
    expect(
      ledger.run([
        'register-employee',
        '--id',
        other,
        '--name',
        `Zhang ${TARGET.toLowerCase()}`,
        '--employer',
        `${fifteen} Trading`,
        '--hired-on',
        '2026-09-01',
      ]).code,
    ).toBe(0);
    // A longer run of digits holding the same 15 is another number: left as it is.
    expect(ledger.run(['register-employee', '--id', bystander, '--employer', `Ref 9${fifteen}9`, '--hired-on', '2026-09-01']).code).toBe(0);
    const r = ledger.run(['purge', TARGET, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(inLedger(ledger.db, TARGET)).toBe(0);
    expect(ledger.query('SELECT name FROM person WHERE id = ?', other)[0].name).toBe('Zhang 110105********002X');
    expect(ledger.query('SELECT employer FROM hire WHERE person_id = ?', bystander)[0].employer).toBe(`Ref 9${fifteen}9`);
    expect(ledger.run(['check']).code).toBe(0);

    // A number that stands only in its 15-digit form, in someone else's row: purge by the 15 digits finds and erases it.
    const SECOND = '110105194912310037';
    const second15 = SECOND.slice(0, 6) + SECOND.slice(8, 17);
    expect(ledger.run(['register-employee', '--id', third, '--name', `Li (ref ${second15})`, '--employer', 'Acme', '--hired-on', '2026-09-01']).code).toBe(0);
    const by15 = ledger.run(['purge', second15, '--yes']);
    expect(by15.code, by15.stderr).toBe(0);
    expect(inLedger(ledger.db, SECOND)).toBe(0);
    expect(ledger.query('SELECT name FROM person WHERE id = ?', third)[0].name).toBe('Li (ref 110105*****1003)');
  });
});
