// due --by-employer (issue 28 item 14): how many registrations and separations
// each employer has open and overdue, most overdue first, in both languages and
// as JSON; card deadlines belong to no employer and are not counted.
import { afterEach, describe, expect, it } from 'vitest';
import { type Ledger, tempLedger } from './harness.js';

let ledger: Ledger;
afterEach(() => ledger?.cleanup());

const PEOPLE = ['11010519491231002X', '110105194912310011', '44030419900307123X'];

function seeded(): Ledger {
  const l = tempLedger('2026-11-24');
  for (const args of [
    // 甲公司: one overdue registration, one pending; 乙公司: one pending; a card deadline that no employer owns.
    ['register-employee', '--id', PEOPLE[0]!, '--employer', '甲公司', '--hired-on', '2026-09-01', '--pending'],
    ['register-employee', '--id', PEOPLE[1]!, '--employer', '甲公司', '--hired-on', '2026-11-20', '--pending'],
    ['register-employee', '--id', PEOPLE[2]!, '--employer', '乙公司', '--hired-on', '2026-11-10', '--pending'],
    ['card', 'issue', '--id', PEOPLE[2]!, '--card', 'A12345678', '--bank', '工商银行', '--issued-on', '2026-06-01'],
    ['card', 'receive', '--card', 'A12345678', '--on', '2026-06-10'],
  ]) {
    const r = l.run(args);
    expect(r.code, r.stderr).toBe(0);
  }
  return l;
}

describe('due --by-employer', () => {
  it('counts each employer, most overdue first, without the card deadline', () => {
    ledger = seeded();
    expect(ledger.run(['due', '--json']).json.items.some((i: { kind: string }) => i.kind === 'activation')).toBe(true);
    expect(ledger.run(['due', '--by-employer', '--json']).json).toEqual({
      asOf: '2026-11-24',
      employers: [
        { employer: '甲公司', open: 2, overdue: 1 },
        { employer: '乙公司', open: 1, overdue: 0 },
      ],
    });
    expect(ledger.run(['due', '--by-employer', '--lang', 'zh', '--no-color']).stdout).toBe('用人单位  未办  逾期\n甲公司    2     1\n乙公司    1     0\n');
    expect(ledger.run(['due', '--by-employer', '--no-color']).stdout.split('\n')[0]).toBe('EMPLOYER  OPEN  OVERDUE');
  });

  it('keeps --check: exit 3 when anything is overdue', () => {
    ledger = seeded();
    expect(ledger.run(['due', '--by-employer', '--check']).code).toBe(3);
  });

  it('says so when nothing is open', () => {
    ledger = tempLedger();
    expect(ledger.run(['card', 'issue', '--id', PEOPLE[0]!, '--card', 'A12345678', '--issued-on', '2026-06-01']).code).toBe(0);
    expect(ledger.run(['due', '--by-employer', '--lang', 'zh']).stdout).toBe('没有未办的参保登记或离职转移。\n');
  });
});
