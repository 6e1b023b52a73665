import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, run as runBare, tempLedger } from './harness.js';

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
    expect(status.json.person).toEqual({
      id: '110105********002X',
      name: 'Wang Fang',
      sex: 'female',
      birthDate: '1949-12-31',
      region: expect.stringContaining('北京'),
    });
    expect(status.json.registrations).toEqual([
      {
        employer: 'Acme Ltd',
        hiredOn: '2026-09-01',
        registeredOn: null,
        leftOn: null,
        separation: null,
        deadline: { date: '2026-10-08', nominal: '2026-10-01', provisional: false, reason: expect.stringContaining('National Day') },
        state: 'overdue',
        daysLeft: -1,
        daysLate: 1,
        // SPEC 1.9: Acme Ltd was recorded with its name only (no city), so the estimate names what is missing.
        cost: expect.objectContaining({ premiums: null, missing: [{ kind: 'city' }] }),
        cutoff: null,
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

describe('register-employee: completing, repeating, several hires', () => {
  it('completes a pending hire later, on time or late, and never doubles a hire', () => {
    ledger = tempLedger('2026-09-05');
    const base = ['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01'];
    expect(ledger.run([...base, '--pending']).code).toBe(0);
    expect(ledger.run([...base, '--pending']).code).toBe(0); // same hire again: unchanged

    const late = ledger.run([...base, '--registered-on', '2026-10-12', '--json'], { today: '2026-10-20' });
    expect(late.code).toBe(0);
    expect(late.json.action).toBe('completed');
    expect(late.json.registration).toMatchObject({ state: 'late', daysLate: 4, registeredOn: '2026-10-12', deadline: { date: '2026-10-08' } });

    // A second hire with another employer, filed on time by default (today).
    const second = ledger.run(['register-employee', '--id', ID, '--employer', 'Beta Co', '--hired-on', '2026-11-02', '--json'], { today: '2026-11-10' });
    expect(second.json.registration).toMatchObject({ state: 'on-time', registeredOn: '2026-11-10', deadline: { date: '2026-12-02' } });

    const status = ledger.run(['status', ID, '--json'], { today: '2026-11-24' });
    expect(status.json.registrations.map((r: any) => [r.employer, r.state, r.daysLate])).toEqual([
      ['Acme Ltd', 'late', 4],
      ['Beta Co', 'on-time', null],
    ]);
    expect(ledger.query('SELECT count(*) AS n FROM hire')[0].n).toBe(2);
    expect(ledger.query('SELECT kind FROM event ORDER BY seq').map((e) => e.kind)).toEqual([
      'person.recorded',
      'hire.recorded',
      'hire.registered',
      'hire.recorded',
      'hire.registered',
    ]);
  });

  it('refuses a second, different filing date for the same hire, leaving the file unchanged', () => {
    ledger = tempLedger('2026-11-24');
    const base = ['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01'];
    expect(ledger.run([...base, '--registered-on', '2026-09-10']).code).toBe(0);
    const before = ledger.bytes();
    const again = ledger.run([...base, '--registered-on', '2026-09-11']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already recorded as registered');
    expect(ledger.bytes()).toEqual(before);
  });

  it('records flexible employment without a deadline', () => {
    ledger = tempLedger('2026-11-24');
    const r = ledger.run(['register-employee', '--id', ID, '--hired-on', '2026-01-05', '--flexible', '--pending', '--json']);
    expect(r.code).toBe(0);
    expect(r.json.registration).toMatchObject({ kind: 'flexible', employer: null, deadline: null, state: 'pending', daysLeft: null });
    const status = ledger.run(['status', ID, '--json']);
    expect(status.json.registrations[0]).toMatchObject({ employer: null, deadline: null, state: 'pending' });
  });
});

describe('global options, dates and the ledger file', () => {
  it('--as-of wins over SSCARD_TODAY; a year without holiday data gives a provisional deadline', () => {
    ledger = tempLedger('2026-12-05');
    ledger.run(['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-12-02', '--pending']);
    const r = ledger.run(['status', ID, '--json', '--as-of', '2027-01-04']);
    expect(r.json.asOf).toBe('2027-01-04');
    expect(r.json.registrations[0]).toMatchObject({
      state: 'pending',
      daysLeft: 0,
      deadline: { nominal: '2027-01-01', date: '2027-01-04', provisional: true },
    });
    expect(r.json.registrations[0].deadline.reason).toContain('not yet known');
  });

  it('gives exit 2 and one sentence for each kind of bad input, never waiting for a terminal', () => {
    ledger = tempLedger();
    const cases: [string[], RegExp][] = [
      [['status', '110105194912310021'], /check character/],
      [['status', '1101051949123100'], /18/],
      [['status', '991105194912310023'], /province/],
      [['status', '110105203001010031'], /future/],
      [['register-employee', '--id', ID, '--hired-on', '2026-02-30'], /--hired-on must be a real date/],
      [['register-employee', '--id', ID], /--hired-on is required/],
      [['register-employee', '--hired-on', '2026-09-01'], /--id is required/],
      [['register-employee', '--id', ID, '--hired-on', '2026-09-01', '--pending', '--registered-on', '2026-09-02'], /contradict/],
      [['status', ID, '--bogus'], /unknown option '--bogus'/],
      [['statsu', ID], /unknown command 'statsu'/],
      [['status', ID, '--as-of', '2026-13-01'], /--as-of must be a real date/],
    ];
    for (const [args, message] of cases) {
      const r = ledger.run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n').length, args.join(' ')).toBeLessThanOrEqual(2); // a sentence (+ commander's suggestion line)
      expectCleanError(r.stderr, ['110105194912310021', ID]);
    }
    expect(ledger.bytes()).toBeNull(); // nothing was created by refused commands
  });

  it('errors under --json are a JSON document on stdout', () => {
    ledger = tempLedger();
    const r = ledger.run(['status', ID, '--json']);
    expect(r.code).toBe(1);
    expect(r.json).toEqual({ error: { code: 'no-ledger', message: expect.stringContaining('No ledger at') } });
    ledger.run(['register-employee', '--id', '110105194912310011', '--employer', 'Acme Ltd', '--hired-on', '2026-09-01']);
    expect(ledger.run(['status', ID, '--json']).json).toEqual({ error: { code: 'person-not-found', message: expect.stringContaining('110105********002X') } });
    const u = ledger.run(['status', '--json', ID, '--nope']);
    expect(u.code).toBe(2);
    expect(u.json.error.code).toBe('usage');
  });

  it('--reveal is the only way to print the full number', () => {
    ledger = tempLedger();
    ledger.run(['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01']);
    expect(ledger.run(['status', ID]).stdout).not.toContain(ID);
    expect(ledger.run(['status', ID, '--reveal']).stdout).toContain(ID);
    expect(ledger.run(['status', ID, '--json', '--reveal']).json.person.id).toBe(ID);
  });

  it('creates the default ledger under XDG_DATA_HOME, private to its owner', () => {
    ledger = tempLedger();
    const env = { XDG_DATA_HOME: `${ledger.dir}/data`, SSCARD_TODAY: '2026-11-24' };
    const r = runBare(['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01'], env);
    expect(r.code).toBe(0);
    const file = `${ledger.dir}/data/sscard/sscard.db`;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(`${ledger.dir}/data/sscard`).mode & 0o777).toBe(0o700);
    expect(runBare(['status', ID, '--json'], env).json.registrations).toHaveLength(1);
  });

  it('gives the same deadlines whatever the machine zone', () => {
    ledger = tempLedger();
    ledger.run(['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01']);
    for (const TZ of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai']) {
      const r = runBare(['--db', ledger.db, 'status', ID, '--json', '--as-of', '2026-10-08'], { TZ });
      expect(r.json.registrations[0].deadline.date, TZ).toBe('2026-10-08');
    }
  });
});
