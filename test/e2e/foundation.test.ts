import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, tempLedger } from './harness.js';

const ID = '11010519491231002X';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe('register-employee and status, end to end', () => {
  it('records a pending hire and reports the National Day deadline', () => {
    ledger = tempLedger('2026-09-05');
    const reg = ledger.run(['register-employee', '--id', ID, '--name', 'Wang Fang', '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']);
    expect(reg.stderr).toBe('');
    expect(reg.code).toBe(0);
    expect(reg.stdout).toContain('2026-10-08');
    expect(reg.stdout).not.toContain(ID);

    const status = ledger.run(['status', ID, '--json', '--as-of', '2026-10-09']);
    expect(status.code).toBe(0);
    expect(status.json.asOf).toBe('2026-10-09');
    expect(status.json.person).toEqual({ id: '110105********002X', name: 'Wang Fang', sex: 'female', birthDate: '1949-12-31', region: expect.stringContaining('北京') });
    expect(status.json.registrations).toEqual([
      {
        employer: 'Acme Ltd',
        hiredOn: '2026-09-01',
        registeredOn: null,
        deadline: { date: '2026-10-08', nominal: '2026-10-01', provisional: false, reason: expect.stringContaining('National Day') },
        state: 'overdue',
        daysLeft: -1,
        daysLate: 1,
      },
    ]);
    expect(ledger.query('SELECT kind FROM event ORDER BY seq').map((e) => e.kind)).toEqual(['person.recorded', 'hire.recorded']);
  });

  it('refuses a bad ID with exit 2, one sentence, and leaves the file unchanged', () => {
    ledger = tempLedger();
    ledger.run(['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']);
    const before = ledger.bytes();
    const bad = ledger.run(['register-employee', '--id', '110105194912310021', '--hired-on', '2026-09-01']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('check character');
    expectCleanError(bad.stderr, ['110105194912310021']);
    expect(ledger.bytes()).toEqual(before);
  });
});
