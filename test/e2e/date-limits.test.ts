// Issue 12 ("nothing lost, nothing leaked, round two"): each item at the
// command line, as the adversarial test found it. Fault-injection figures
// live in robustness.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger, run, tempLedger } from './harness.js';

const ID = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('dates (item 12)', () => {
  it.each([
    ['9999-12-31', /between 1900-01-01 and 2099-12-31/],
    ['1899-06-01', /between 1900-01-01 and 2099-12-31/],
    ['2027-12-01', /more than 12 months after today/],
    ['1949-12-30', /before the holder's date of birth/],
  ])('--hired-on %s is refused with one sentence, nothing written', (date, message) => {
    ledger = tempLedger();
    const r = ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', date]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--hired-on');
    expect(fs.existsSync(ledger.db)).toBe(false);
  });

  it('an import row hired before birth or in 9999 is a bad row', () => {
    ledger = tempLedger();
    const csv = path.join(ledger.dir, 'h.csv');
    fs.writeFileSync(csv, `id,employer,hired_on\n${ID},Acme,1949-01-01\n110105201211240033,Acme,9999-12-31\n`);
    const r = ledger.run(['import', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2, hired_on: .*before the holder's date of birth/);
    expect(r.stderr).toMatch(/line 3, hired_on: must lie between/);
  });

  it.each(['Pacific/Apia', 'America/St_Johns', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
    'the deadline of a hire on 2011-11-30 is 2011-12-30 under TZ=%s',
    (zone) => {
      ledger = tempLedger('2011-12-01');
      const r = ledger.run(['register-employee', '--id', ID, '--employer', 'Acme', '--hired-on', '2011-11-30', '--pending', '--json'], { env: { TZ: zone } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.json.registration.deadline.date).toBe('2011-12-30');
      expect(r.json.registration.daysLeft).toBe(29);
    },
  );

  it('a bad SSCARD_TODAY does not break the offline guide, and is named by commands that need the day', () => {
    const guide = run(['guide', 'activate'], { SSCARD_TODAY: 'yesterday' });
    expect(guide.code).toBe(0);
    expect(guide.stdout).toMatch(/Activating/);
    const status = run(['--db', path.join(os.tmpdir(), 'sscard-none.db'), 'status', ID], { SSCARD_TODAY: '9999-12-31' });
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/SSCARD_TODAY must be/);
  });
});
