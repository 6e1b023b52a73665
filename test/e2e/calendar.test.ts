// Years without an official schedule (SPEC 1.2): provisional deadlines, and
// loading a newly published schedule into the ledger.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, tempLedger } from './harness.js';

const WANG = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

/** A 2027 schedule made for this test (holiday-cn's format): Spring Festival 02-06..13, a working Sunday 02-14. */
const SCHEDULE_2027 = {
  year: 2027,
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    ...['06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({ name: '春节', date: `2027-02-${d}`, isOffDay: true })),
    { name: '春节', date: '2027-02-05', isOffDay: true },
    { name: '春节', date: '2027-02-14', isOffDay: false },
  ],
};

function file(name: string, content: unknown): string {
  const p = path.join(ledger.dir, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('calendar', () => {
  it("issue 15's example: a provisional 2027 deadline, then the official schedule loaded", () => {
    ledger = tempLedger('2027-01-06');
    expect(
      ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2027-01-06', '--pending', '--as-of', '2027-01-06']).code,
    ).toBe(0);
    const before = ledger.run(['status', WANG, '--as-of', '2027-01-06', '--json']).json.registrations[0].deadline;
    expect(before).toMatchObject({ date: '2027-02-11', nominal: '2027-02-05', provisional: true });
    expect(before.reason).toContain('not yet known, so this deadline is provisional');
    // SPEC 1.2 v3: the weekend days 02-06 and 02-07 are made up on 02-09 and 02-10, and the derivation says it is an assumption.
    expect(before.reason).toContain('2027-02-09 and 2027-02-10 are assumed make-up rest days (补休) for the Spring Festival days on a weekend');
    const text = ledger.run(['status', WANG, '--as-of', '2027-01-06']).stdout;
    expect(text).toContain(
      'register by 2027-02-11 (Thu) (2027-02-05 is in the Spring Festival holiday; moved to 2027-02-11; 2027-02-09 and 2027-02-10 are assumed make-up rest days (补休) for the Spring Festival days on a weekend (全国年节及纪念日放假办法 Art. 6; sscard assumes the first working days after the holiday, the usual practice); the official holiday schedule for 2027 is not yet known, so this deadline is provisional)',
    );

    const list = ledger.run(['calendar', '--json']).json.years;
    expect(list.find((y: any) => y.year === 2026)).toEqual({ year: 2026, source: 'package', loadedOn: null, file: null });
    expect(list.find((y: any) => y.year === 2027)).toEqual({ year: 2027, source: 'provisional', loadedOn: null, file: null });

    const load = ledger.run(['calendar', 'load', file('2027.json', SCHEDULE_2027)]);
    expect(load.code).toBe(0);
    expect(load.stdout).toContain('Loaded the official 2027 schedule: 10 days off, 1 adjusted working day.');
    // SPEC 1.2 v3: the load lists the open deadlines it moved, the person masked.
    expect(load.stdout).toContain('Open deadline moved: 1\n  registration  110105********002X  Acme Ltd  2027-02-11 -> 2027-02-14\n');
    const after = ledger.run(['status', WANG, '--as-of', '2027-01-06', '--json']).json.registrations[0].deadline;
    expect(after).toEqual({
      date: '2027-02-14',
      nominal: '2027-02-05',
      provisional: false,
      reason:
        '2027-02-05 is in the Spring Festival holiday; moved to 2027-02-14; 2027-02-14 is a Sunday but an adjusted working day (调休上班日, for the Spring Festival holiday), so the deadline stays on it; per the official 2027 schedule loaded into the ledger',
    });
    expect(ledger.run(['due', '--json', '--as-of', '2027-01-06']).json.items[0].deadline).toMatchObject({ date: '2027-02-14', provisional: false });
    expect(ledger.run(['calendar', '--json']).json.years.find((y: any) => y.year === 2027)).toEqual({
      year: 2027,
      source: 'loaded',
      loadedOn: '2027-01-06',
      file: '2027.json',
    });
    expect(ledger.run(['calendar']).stdout).toMatch(/^2027 {7}official \(loaded\), from 2027\.json on 2027-01-06$/m);
  });

  it('calendar load --json lists the moved open deadlines as data; one already filed is not listed', () => {
    ledger = tempLedger('2027-01-06');
    expect(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2027-01-06', '--pending']).code).toBe(0);
    expect(ledger.run(['register-employee', '--id', WANG, '--employer', 'Beta Co', '--hired-on', '2027-01-06', '--registered-on', '2027-01-06']).code).toBe(0);
    const load = ledger.run(['calendar', 'load', file('2027.json', SCHEDULE_2027), '--json']);
    expect(load.code).toBe(0);
    expect(load.json.moved).toEqual([
      {
        kind: 'registration',
        id: '110105********002X',
        name: null,
        employer: 'Acme Ltd',
        hiredOn: '2027-01-06',
        card: null,
        before: expect.objectContaining({ date: '2027-02-11', provisional: true }),
        after: expect.objectContaining({ date: '2027-02-14', provisional: false }),
      },
    ]);
  });

  it('loading the same file twice changes nothing; a different one for the year needs confirmation (--yes)', () => {
    ledger = tempLedger('2026-12-01');
    const first = file('2027.json', SCHEDULE_2027);
    expect(ledger.run(['calendar', 'load', first]).code).toBe(0);
    const bytes = ledger.bytes();
    const again = ledger.run(['calendar', 'load', first]);
    expect([again.code, again.stdout]).toEqual([0, 'This 2027 schedule is already loaded; nothing changed.\n']);
    expect(ledger.bytes()!.equals(bytes!)).toBe(true);
    const other = file('2027-b.json', { ...SCHEDULE_2027, days: SCHEDULE_2027.days.slice(0, 5) });
    const refused = ledger.run(['calendar', 'load', other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/A different 2027 schedule is already loaded .* add --yes/);
    expect(ledger.bytes()!.equals(bytes!)).toBe(true);
    expect(ledger.run(['calendar', 'load', other, '--yes']).code).toBe(0);
    expect(ledger.run(['calendar', '--json']).json.years.find((y: any) => y.year === 2027).file).toBe('2027-b.json');
  });

  it.each([
    ['not JSON', '{"year": 2027, "days": [', /is not valid JSON/],
    ['not an object', '[1, 2]', /not in holiday-cn's format/],
    ['a wrong year', { year: 'next', days: SCHEDULE_2027.days }, /"year" must be a year from 1900 to 2099/],
    ['no days (not published yet)', { year: 2027, days: [] }, /lists no days for 2027: the official schedule is probably not published yet/],
    ['a date outside the year', { year: 2027, days: [{ name: '元旦', date: '2028-01-01', isOffDay: true }] }, /days\[0\] is 2028-01-01, outside 2027/],
    ['not a date', { year: 2027, days: [{ name: '春节', date: '2027-02-30', isOffDay: true }] }, /days\[0\] has a date that is not a real date/],
    ['isOffDay not a boolean', { year: 2027, days: [{ name: '春节', date: '2027-02-05', isOffDay: 'yes' }] }, /"isOffDay" true or false/],
    [
      'a date twice',
      {
        year: 2027,
        days: [
          { name: '春节', date: '2027-02-05', isOffDay: true },
          { name: '春节', date: '2027-02-05', isOffDay: true },
        ],
      },
      /repeats the date 2027-02-05/,
    ],
  ] as [string, unknown, RegExp][])('refuses %s with exit 2, one sentence, the ledger unchanged', (name, content, message) => {
    ledger = tempLedger('2026-12-01');
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-20', '--pending']);
    const bytes = ledger.bytes();
    const r = ledger.run(['calendar', 'load', file(`${name.replace(/\W+/g, '-')}.json`, content)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expectCleanError(r.stderr);
    expect(ledger.bytes()!.equals(bytes!)).toBe(true);
  });

  it("holiday-cn's real 2027 file of today (published empty) is refused", () => {
    ledger = tempLedger('2026-11-25');
    const r = ledger.run(['calendar', 'load', path.resolve(__dirname, '../fixtures/holiday-cn/2027.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not published yet/);
    expect(ledger.bytes()).toBeNull();
  });
});
