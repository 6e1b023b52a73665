// The ledger is a history (SPEC 1.5-1.7): events with numbers and sources,
// the past as it was (--as-of), corrections without erasure, the end of an
// employment, and a v1 ledger carried forward.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, tempLedger } from './harness.js';

const WANG = '11010519491231002X';
const CHILD = '110105201211240033';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

describe("issue 11's examples, as pasted", () => {
  it('forgot --pending: history shows it, revoke withdraws it, status as of a day says overdue, leave opens the transfer', () => {
    ledger = tempLedger('2026-11-25');
    const hire = ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01']);
    expect(hire.code).toBe(0);
    expect(hire.stdout).toMatch(/registered late 2026-11-25/);

    const history = ledger.run(['history', WANG]);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/^3\s+\S+ \S+\s+2026-11-25\s+registration filed\s+employer=Acme Ltd hired=2026-09-01\s+register-employee$/m);
    expect(history.stdout).toMatch(/^1\s+.*person recorded\s+register-employee$/m);

    const revoke = ledger.run(['revoke', '3', '--reason', 'recorded as registered by mistake', '--yes']);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain('Revoked #3 registration filed 2026-11-25 (110105********002X)');

    const status = ledger.run(['status', WANG, '--as-of', '2026-10-09', '--json']);
    expect(status.json.registrations).toEqual([
      expect.objectContaining({ employer: 'Acme Ltd', registeredOn: null, state: 'overdue', daysLeft: -1, daysLate: 1, leftOn: null, separation: null }),
    ]);

    const leave = ledger.run(['leave', '--id', WANG, '--employer', 'Acme Ltd', '--left-on', '2026-11-30']);
    expect(leave.code).toBe(0);
    expect(leave.stdout).toContain('File and social insurance transfer: pending, due by 2026-12-15 (Tue), in 20 days');

    // `due` without a day given shows every recorded fact, the announced leaving included.
    const due = ledger.run(['due', '--json'], { today: '', env: { SSCARD_TODAY: '' } });
    const kinds = due.json.items.map((i: any) => [i.kind, i.deadline.date]);
    expect(kinds).toContainEqual(['separation', '2026-12-15']);
    expect(kinds).toContainEqual(['registration', '2026-10-08']);

    const json = ledger.run(['history', WANG, '--json'], { today: '', env: { SSCARD_TODAY: '' } }).json;
    expect(json.events.map((e: any) => [e.seq, e.kind, e.on, e.source, e.revoked])).toEqual([
      [1, 'person.recorded', null, 'register-employee', null],
      [2, 'hire.recorded', '2026-09-01', 'register-employee', null],
      [3, 'hire.registered', '2026-11-25', 'register-employee', { seq: 4, reason: 'recorded as registered by mistake' }],
      [4, 'revoked', null, 'revoke', null],
      [5, 'hire.ended', '2026-11-30', 'leave', null],
    ]);
    expect(json.events[2].recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The original is never erased.
    expect(ledger.query('SELECT count(*) AS n FROM event')[0].n).toBe(5);
  });
});

describe('the past as it was (--as-of)', () => {
  it("shows a card's whole life field by field: issued, received, window passed, activated late", () => {
    ledger = tempLedger('2026-11-24');
    for (const [args, today] of [
      [['card', 'issue', '--id', WANG, '--card', 'A12345678', '--bank', 'ICBC', '--issued-on', '2026-03-01'], '2026-03-01'],
      [['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31'], '2026-03-31'],
      [['activate', '--card', 'A12345678', '--id-doc', WANG, '--on', '2026-10-12'], '2026-10-12'],
      [['ecard', 'claim', '--id', WANG, '--channel', 'wechat', '--on', '2026-04-02'], '2026-11-24'],
    ] as [string[], string][]) {
      expect(ledger.run(args, { today }).code).toBe(0);
    }
    const at = (day: string) => ledger.run(['status', WANG, '--json', '--as-of', day]).json;
    const cases: [string, unknown][] = [
      [
        '2026-03-01',
        {
          card: { state: 'issued', receivedOn: null, activatedOn: null, activationDeadline: null, daysLeft: null },
          medicalInsurance: 'normal',
          ecard: { claimed: false, state: 'none' },
          activatedEcard: false,
        },
      ],
      [
        '2026-03-31',
        { card: { state: 'received', receivedOn: '2026-03-31', activationDeadline: { date: '2026-09-30' }, daysLeft: 183 }, medicalInsurance: 'normal' },
      ],
      ['2026-04-02', { card: { state: 'received' }, ecard: { claimed: true, state: 'active', claimedOn: '2026-04-02' }, activatedEcard: false }],
      ['2026-09-30', { card: { state: 'received', daysLeft: 0 }, medicalInsurance: 'normal' }],
      ['2026-10-01', { card: { state: 'received', activatedOn: null, daysLeft: -1 }, medicalInsurance: 'restricted', activatedEcard: false }], // SPEC 1.6's example
      ['2026-10-11', { card: { state: 'received', daysLeft: -11 }, medicalInsurance: 'restricted' }],
      ['2026-10-12', { card: { state: 'activated', activatedOn: '2026-10-12', daysLeft: null }, medicalInsurance: 'normal', activatedEcard: true }],
    ];
    for (const [day, expected] of cases) expect(at(day), day).toMatchObject({ asOf: day, ...(expected as object) });
    // The person has no day, so they are there before their card; the card is not.
    expect(at('2026-02-28')).toMatchObject({ card: null, ecard: { claimed: false } });
  });

  it('a registration filed late is pending, then overdue, before the day it was filed', () => {
    ledger = tempLedger('2026-10-12');
    expect(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--registered-on', '2026-10-12']).code).toBe(0);
    const at = (day: string) => ledger.run(['status', WANG, '--json', '--as-of', day]).json.registrations[0];
    expect(at('2026-10-08')).toMatchObject({ registeredOn: null, state: 'pending', daysLeft: 0 });
    expect(at('2026-10-09')).toMatchObject({ registeredOn: null, state: 'overdue', daysLate: 1 });
    expect(at('2026-10-12')).toMatchObject({ registeredOn: '2026-10-12', state: 'late', daysLate: 4 });
    const due = (day: string) => ledger.run(['due', '--json', '--as-of', day]).json.items.map((i: any) => i.state);
    expect(due('2026-10-11')).toEqual(['overdue']);
    expect(due('2026-10-12')).toEqual([]);
    expect(ledger.run(['history', WANG, '--as-of', '2026-10-11', '--json']).json.events.map((e: any) => e.kind)).toEqual(['person.recorded', 'hire.recorded']);
  });
});

describe('revoke', () => {
  it('a refused revoke leaves the file byte-identical and names the dependent events', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-03-01']);
    ledger.run(['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31']);
    ledger.run(['activate', '--card', 'A12345678', '--id-doc', WANG, '--on', '2026-10-12']);
    const before = ledger.bytes();
    const r = ledger.run(['revoke', '3', '--reason', 'wrong receipt date', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('Later records still depend on what you revoke: #4');
    expectCleanError(r.stderr, [WANG]);
    expect(ledger.bytes()!.equals(before!)).toBe(true);

    // Both in one command: the receipt and the activation go, then the right receipt is recorded.
    expect(ledger.run(['revoke', '3', '4', '--reason', 'wrong receipt date', '--yes']).code).toBe(0);
    expect(ledger.run(['status', WANG, '--json']).json.card).toMatchObject({ state: 'issued', receivedOn: null, activatedOn: null });
    expect(ledger.run(['card', 'receive', '--card', 'A12345678', '--on', '2026-04-01']).code).toBe(0);
    expect(ledger.run(['check']).code).toBe(0);
  });

  it.each([
    [['revoke', '99', '--reason', 'x', '--yes'], 1, /no event #99/],
    [['revoke', 'abc', '--reason', 'x', '--yes'], 2, /not an event number/],
    [['revoke', '2', '--yes'], 2, /--reason is required/],
    [['revoke', '2', '--reason', 'x'], 2, /add --yes/],
    [['revoke', '1', '--reason', 'x', '--yes'], 1, /records the person and cannot be revoked/],
  ] as [string[], number, RegExp][])('%j exits %i with one sentence and changes nothing', (args, code, message) => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']);
    const before = ledger.bytes();
    const r = ledger.run(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(ledger.bytes()!.equals(before!)).toBe(true);
  });

  it('a revocation cannot be revoked, nor an event revoked twice', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--registered-on', '2026-09-10']);
    expect(ledger.run(['revoke', '3', '--reason', 'not filed', '--yes']).code).toBe(0);
    expect(ledger.run(['revoke', '4', '--reason', 'undo', '--yes']).stderr).toMatch(/is itself a revocation/);
    expect(ledger.run(['revoke', '3', '--reason', 'again', '--yes']).stderr).toMatch(/already revoked by #4/);
  });
});

describe('leave (SPEC 1.7)', () => {
  it('records the end and the transfer; status and due show the separation', () => {
    ledger = tempLedger('2026-12-20');
    ledger.run([
      'register-employee',
      '--id',
      WANG,
      '--name',
      'Wang Fang',
      '--employer',
      'Acme Ltd',
      '--hired-on',
      '2026-09-01',
      '--registered-on',
      '2026-09-10',
    ]);
    expect(ledger.run(['leave', '--id', WANG, '--employer', 'Acme Ltd', '--left-on', '2026-11-30']).code).toBe(0);
    expect(ledger.run(['status', WANG, '--json']).json.registrations[0]).toMatchObject({
      leftOn: '2026-11-30',
      separation: { deadline: { date: '2026-12-15', nominal: '2026-12-15' }, doneOn: null, state: 'overdue', daysLeft: -5, daysLate: 5 },
    });
    const due = ledger.run(['due', '--json']).json.items;
    expect(due).toEqual([expect.objectContaining({ kind: 'separation', state: 'overdue', employer: 'Acme Ltd', hiredOn: '2026-09-01' })]);
    expect(ledger.run(['due', '--check']).code).toBe(3);
    const done = ledger.run(['leave', '--id', WANG, '--employer', 'Acme Ltd', '--left-on', '2026-11-30', '--done-on', '2026-12-18', '--json']);
    expect(done.json.separation).toMatchObject({ doneOn: '2026-12-18', state: 'late', daysLate: 3 });
    expect(ledger.run(['due', '--json']).json.items).toEqual([]);
  });

  it('refuses leaving before the hire and an unknown employer, with the file unchanged', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']);
    const before = ledger.bytes();
    for (const [args, message] of [
      [['--employer', 'Acme Ltd', '--left-on', '2026-08-31'], /before the hire date 2026-09-01/],
      [['--employer', 'Beta Co', '--left-on', '2026-11-01'], /no open hire of this person by that employer/],
      [['--employer', 'Acme Ltd', '--left-on', '2026-11-01', '--done-on', '2026-12-01'], /in the future/],
    ] as [string[], RegExp][]) {
      const r = ledger.run(['leave', '--id', WANG, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expectCleanError(r.stderr, [WANG]);
    }
    expect(ledger.bytes()!.equals(before!)).toBe(true);
  });
});

describe('under-16 hires (劳动法 Art. 15)', () => {
  it('are refused with exit 1, code under-age, in register-employee and per row in import', () => {
    ledger = tempLedger('2026-11-24');
    const r = ledger.run(['register-employee', '--id', CHILD, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error.code).toBe('under-age');
    expect(ledger.bytes()).toBeNull();
    const csv = path.join(ledger.dir, 'hires.csv');
    fs.writeFileSync(csv, `id,employer,hired_on\n${WANG},Acme Ltd,2026-09-01\n${CHILD},Acme Ltd,2026-09-01\n`);
    const imported = ledger.run(['import', csv]);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(/line 3, hired_on: .*was 13 on the hire date/);
  });
});

describe('check: the tables are the replay of the events', () => {
  it('reports a tampered cache and exits 1', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']);
    expect(ledger.run(['check']).code).toBe(0);
    const db = new Database(ledger.db);
    db.prepare("UPDATE hire SET registered_on = '2026-09-02'").run();
    db.close();
    const r = ledger.run(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Tables = replay of events: NO, 1 differences/);
    expect(r.stdout).toContain('110105********002X hire: table {"kind":"employee","employer":"Acme Ltd","hiredOn":"2026-09-01","registeredOn":"2026-09-02"');
    expect(r.stderr).toMatch(/differ from the replay of its events in 1 place \(first: 110105\*{8}002X, hire\)/);
    // The JSON says how to restore, in the user's language.
    expect(ledger.run(['check', '--json']).json.restore).toMatch(/^stop every sscard process, copy your latest backup/);
    expect(ledger.run(['check', '--json', '--lang', 'zh']).json.restore).toMatch(/sscard check/);
    expect(ledger.run(['check', '--json', '--lang', 'zh']).json.restore).not.toMatch(/stop every/);
  });
});

describe('a v1 ledger (made by sscard v1: test/fixtures/v1)', () => {
  const fixture = path.resolve(__dirname, '../fixtures/v1');
  const ids = ['11010519491231002X', '44030419900307123X', '110105201211240033', '320102198506152343', '310104197001010020'];

  it('migrates forward keeping every fact; status answers as v1 did, under policy seed', () => {
    ledger = tempLedger('2026-11-24');
    fs.copyFileSync(path.join(fixture, 'v1-ledger.db'), ledger.db);
    for (const id of ids) {
      const v1 = JSON.parse(fs.readFileSync(path.join(fixture, `status-${id}.json`), 'utf8'));
      const v2 = ledger.run(['--reveal', 'status', id, '--json']).json;
      // v2 adds fields (SPEC 2.4 "+"); every v1 field keeps its value, but the
      // next steps' words: SPEC v2 (issue 14) names the missing function and
      // the policy in force. They stay the same steps, about the same days.
      const { nextSteps: v1Steps, ...v1Rest } = v1;
      expect(v2, id).toMatchObject(v1Rest);
      const dates = (steps: string[]) => steps.map((step) => step.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
      expect(dates(v2.nextSteps), id).toEqual(dates(v1Steps));
    }
    expect(ledger.run(['check', '--json']).json).toMatchObject({ ok: true, schemaVersion: 7, rows: { event: 33 } });
    const events = ledger.run(['--reveal', 'history', '110105201211240033', '--json']).json.events;
    // v1 kept the guardian's number only on the card; the event carries it now.
    expect(events.find((e: any) => e.kind === 'card.activated').data).toEqual({ card: 'C00000001', outlet: null, guardian: '44030419900307123X' });
    expect(events.every((e: any) => e.source === 'sscard v1')).toBe(true);
    const v1due = JSON.parse(fs.readFileSync(path.join(fixture, 'due.json'), 'utf8'));
    expect(ledger.run(['--reveal', 'due', '--json']).json.items).toMatchObject(v1due.items);
  });
});
