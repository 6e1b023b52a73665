// export -> import into an empty ledger gives every person the same
// `status --json` (SPEC 2.3): in full for JSON (every event), and for every
// person the columns can express in CSV and xlsx.
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, type Ledger, tempLedger } from './harness.js';

const WANG = '11010519491231002X'; // pending hire, then left; card received; e-card
const LI = '44030419900307123X'; // activated card, e-card; guardian of the child; a hire revoked and recorded again
const CHILD = '110105201211240033'; // card activated by a guardian
const ZHAO = '320102198506152343'; // card lost, found, lost, replaced; e-card claimed before the replacement
const QIAN = '310104197001010020'; // card cancelled
const FLEX = '110105198001010016'; // flexible worker, leaver with the transfer done; card temporarily lost
// Card-making progress (SPEC 1.3 v3), in CSV and xlsx too (issue 26).
const APPLIED = '440106198805122016'; // third-generation card applied for (制卡中), its e-card claimed from the application
const READY = '440106199208153011'; // card waiting at the outlet (待领卡); issued under the default rules, corrected to guangzhou (set-policy)
const FAILED = '110105198501014013'; // application failed (制卡失败), with the reason
const COLLECTED = '440104197903035015'; // applied, made, ready at the outlet, collected and activated; two hires
const LINGERING = '310104199006066014'; // an application failed, then a card issued without one, cancelled: status shows the failed application
const AGAIN = '440304198309097016'; // a Guangdong card sealed (never collected and activated), then applied for again
const EVERYONE = [WANG, LI, CHILD, ZHAO, QIAN, FLEX, APPLIED, READY, FAILED, COLLECTED, LINGERING, AGAIN];

let ledger: Ledger;
beforeAll(() => {
  ledger = tempLedger('2026-11-24');
  const steps: [string[], string][] = [
    [['register-employee', '--id', WANG, '--name', 'Wang Fang', '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending'], '2026-09-01'],
    [['card', 'issue', '--id', WANG, '--card', 'A12345678', '--bank', 'ICBC', '--issued-on', '2026-03-01'], '2026-03-01'],
    [['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31'], '2026-03-31'],
    [['ecard', 'claim', '--id', WANG, '--channel', 'wechat', '--on', '2026-04-02'], '2026-04-02'],
    [['leave', '--id', WANG, '--employer', 'Acme Ltd', '--left-on', '2026-11-10'], '2026-11-10'],
    [['card', 'issue', '--id', LI, '--card', 'G00000001', '--bank', 'Bank of China', '--issued-on', '2025-01-10', '--name', '李雷'], '2025-01-10'],
    [['activate', '--card', 'G00000001', '--id-doc', LI, '--on', '2025-02-01', '--outlet', 'BOC Futian'], '2025-02-01'],
    [['ecard', 'claim', '--id', LI, '--channel', 'alipay', '--on', '2025-02-03'], '2025-02-03'],
    [['register-employee', '--id', LI, '--employer', 'Acme Ltd', '--hired-on', '2026-10-01', '--registered-on', '2026-10-09'], '2026-10-09'],
    [['revoke', '12', '13', '--reason', 'wrong hire date', '--yes'], '2026-10-10'],
    [['register-employee', '--id', LI, '--employer', 'Acme Ltd', '--hired-on', '2026-10-02', '--registered-on', '2026-10-09'], '2026-10-10'],
    [['card', 'issue', '--id', CHILD, '--card', 'C00000001', '--bank', 'ICBC', '--issued-on', '2026-05-01', '--name', 'Little Wang'], '2026-05-01'],
    [['card', 'receive', '--card', 'C00000001', '--on', '2026-05-10'], '2026-05-10'],
    [['activate', '--card', 'C00000001', '--id-doc', CHILD, '--guardian-id', LI, '--on', '2026-05-12'], '2026-05-12'],
    [['card', 'issue', '--id', ZHAO, '--card', 'R00000001', '--bank', 'CCB', '--issued-on', '2024-01-05', '--name', '赵敏'], '2024-01-05'],
    [['activate', '--card', 'R00000001', '--id-doc', ZHAO, '--on', '2024-01-20'], '2024-01-20'],
    [['ecard', 'claim', '--id', ZHAO, '--channel', '12333', '--on', '2024-01-21'], '2024-01-21'],
    [['card', 'report-loss', '--card', 'R00000001', '--on', '2026-06-01'], '2026-06-01'],
    [['card', 'replace', '--card', 'R00000001', '--new-card', 'R00000002', '--on', '2026-06-10', '--yes'], '2026-06-10'],
    [['card', 'receive', '--card', 'R00000002', '--on', '2026-06-20'], '2026-06-20'],
    [['card', 'issue', '--id', QIAN, '--card', 'X00000001', '--bank', 'ABC', '--issued-on', '2020-01-01'], '2020-01-01'],
    [['card', 'receive', '--card', 'X00000001', '--on', '2020-01-15'], '2020-01-15'],
    [['card', 'cancel', '--card', 'X00000001', '--on', '2026-02-01', '--yes'], '2026-02-01'],
    [['register-employee', '--id', FLEX, '--flexible', '--hired-on', '2025-06-01', '--registered-on', '2025-06-05'], '2025-06-05'],
    [['register-employee', '--id', FLEX, '--employer', 'Beta Co', '--hired-on', '2025-07-01', '--registered-on', '2025-07-02'], '2025-07-02'],
    [['leave', '--id', FLEX, '--employer', 'Beta Co', '--left-on', '2026-08-31', '--done-on', '2026-09-10'], '2026-09-10'],
    [['card', 'issue', '--id', FLEX, '--card', 'F00000001', '--bank', 'ABC', '--issued-on', '2025-01-02'], '2025-01-02'],
    [['card', 'receive', '--card', 'F00000001', '--on', '2025-01-10'], '2025-01-10'],
    [['ecard', 'claim', '--id', FLEX, '--channel', 'alipay', '--on', '2025-01-11'], '2025-01-11'],
    [['card', 'report-loss', '--card', 'F00000001', '--temporary', '--on', '2026-11-20'], '2026-11-20'],
    [['card', 'apply', '--id', APPLIED, '--policy', 'guangdong', '--generation', '3', '--on', '2026-11-01'], '2026-11-01'],
    [['ecard', 'claim', '--id', APPLIED, '--channel', 'wechat', '--on', '2026-11-02'], '2026-11-02'],
    [['card', 'issue', '--id', READY, '--card', 'G10000001', '--bank', 'ICBC', '--issued-on', '2026-10-10'], '2026-10-10'],
    [['card', 'ready', '--card', 'G10000001', '--outlet', 'ICBC Tianhe', '--on', '2026-10-20'], '2026-10-20'],
    [['card', 'set-policy', '--card', 'G10000001', '--policy', 'guangzhou'], '2026-10-21'],
    [['card', 'apply', '--id', FAILED, '--on', '2026-09-01'], '2026-09-01'],
    [['card', 'fail', '--id', FAILED, '--on', '2026-09-15', '--reason', 'photo rejected'], '2026-09-15'],
    [['card', 'apply', '--id', COLLECTED, '--policy', 'guangdong', '--on', '2026-01-05'], '2026-01-05'],
    [['card', 'issue', '--id', COLLECTED, '--card', 'G10000002', '--bank', 'CCB', '--issued-on', '2026-01-20'], '2026-01-20'],
    [['card', 'ready', '--card', 'G10000002', '--outlet', 'CCB Yuexiu', '--on', '2026-02-01'], '2026-02-01'],
    [['card', 'receive', '--card', 'G10000002', '--on', '2026-02-10'], '2026-02-10'],
    [['activate', '--card', 'G10000002', '--id-doc', COLLECTED, '--on', '2026-02-10'], '2026-02-10'],
    [['register-employee', '--id', COLLECTED, '--employer', 'Gamma Co', '--hired-on', '2026-03-02', '--registered-on', '2026-03-05'], '2026-03-05'],
    [['register-employee', '--id', COLLECTED, '--employer', 'Delta Co', '--hired-on', '2026-06-01', '--registered-on', '2026-06-03'], '2026-06-03'],
    [['card', 'apply', '--id', LINGERING, '--on', '2025-03-01'], '2025-03-01'],
    [['card', 'fail', '--id', LINGERING, '--on', '2025-03-10', '--reason', 'data wrong'], '2025-03-10'],
    [['card', 'issue', '--id', LINGERING, '--card', 'L10000001', '--bank', 'BOCOM', '--issued-on', '2025-04-01'], '2025-04-01'],
    [['card', 'receive', '--card', 'L10000001', '--on', '2025-04-10'], '2025-04-10'],
    [['card', 'cancel', '--card', 'L10000001', '--on', '2026-06-01', '--yes'], '2026-06-01'],
    [['card', 'issue', '--id', AGAIN, '--card', 'S10000001', '--bank', 'ABC', '--issued-on', '2024-01-02', '--policy', 'guangdong'], '2024-01-02'],
    [['card', 'apply', '--id', AGAIN, '--policy', 'guangdong', '--on', '2025-03-03'], '2025-03-03'],
  ];
  for (const [args, today] of steps) {
    const r = ledger.run(args, { today });
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
});
afterAll(() => ledger.cleanup());

const statusOf = (l: Ledger, id: string) => l.run(['--reveal', 'status', id, '--json']).json;

function roundTrip(format: 'json' | 'csv' | 'xlsx', headers: 'en' | 'zh' = 'en'): Ledger {
  const file = path.join(ledger.dir, `export-${headers}.${format}`);
  // As a user does it: `sscard export ... > file` (bytes, not text: xlsx is a zip file).
  const out = fs.openSync(file, 'w');
  const r = spawnSync(process.execPath, [BIN, '--db', ledger.db, 'export', '--format', format, '--headers', headers, '--reveal'], {
    stdio: ['ignore', out, 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'America/St_Johns', LANG: 'C', SSCARD_TODAY: '2026-11-24' },
  });
  fs.closeSync(out);
  expect(r.status, String(r.stderr)).toBe(0);
  const copy = tempLedger('2026-11-24');
  const imported = copy.run(['import', file]);
  expect(imported.code, imported.stderr).toBe(0);
  return copy;
}

describe('export -> import', () => {
  it('json: every person, whatever their history, has the same status; importing again changes nothing', () => {
    const copy = roundTrip('json');
    try {
      for (const id of EVERYONE) expect(statusOf(copy, id), id).toEqual(statusOf(ledger, id));
      // The revoked hire came along, still revoked.
      expect(
        copy
          .run(['--reveal', 'history', LI, '--json'])
          .json.events.filter((e: any) => e.revoked)
          .map((e: any) => e.kind),
      ).toEqual(['hire.recorded', 'hire.registered']);
      const before = copy.bytes();
      const again = copy.run(['import', path.join(ledger.dir, 'export-en.json')]);
      expect(again.stdout).toContain(`0 with changes (0 events), ${EVERYONE.length} already in the ledger`);
      expect(copy.bytes()!.equals(before!)).toBe(true);
      expect(copy.run(['check']).code).toBe(0);
    } finally {
      copy.cleanup();
    }
  });

  // CSV and xlsx have import's columns and a few of sscard's own (guardian_id, hire_kind, card_state,
  // card_ended_on, generation, applied_on, ready_on, ready_outlet, failed_on, failure_reason): a card in force
  // or lost or cancelled, its guardian, its application and its wait at the outlet, its policy as corrected, an
  // application no card completed (being made or failed, also beside a card), the e-card (also one claimed
  // before a replacement, or on a third-generation application), employee and flexible hires and their end.
  // The replaced card itself is in json only.
  it.each([
    ['csv', 'en'],
    ['csv', 'zh'],
    ['xlsx', 'en'],
    ['xlsx', 'zh'],
  ] as const)('%s with %s headers: every person has the same status, card-making progress included', (format, headers) => {
    const copy = roundTrip(format, headers);
    try {
      for (const id of EVERYONE) expect(statusOf(copy, id), id).toEqual(statusOf(ledger, id));
      // The states the rows had to carry (not nulls on both sides).
      expect(statusOf(copy, APPLIED)).toMatchObject({ card: { state: 'applied', generation: 3, policy: { id: 'guangdong' } }, ecard: { state: 'active' } });
      expect(statusOf(copy, READY).card).toMatchObject({ state: 'ready', readyOn: '2026-10-20', outlet: 'ICBC Tianhe', policy: { id: 'guangzhou' } });
      expect(statusOf(copy, FAILED).card).toMatchObject({ state: 'failed', failedOn: '2026-09-15', failure: 'photo rejected' });
      expect(statusOf(copy, COLLECTED).card).toMatchObject({ state: 'activated', appliedOn: '2026-01-05', readyOn: '2026-02-01', outlet: 'CCB Yuexiu' });
      expect(statusOf(copy, LINGERING).card).toMatchObject({ state: 'failed', appliedOn: '2025-03-01', failure: 'data wrong' });
      expect(statusOf(copy, AGAIN).card).toMatchObject({ state: 'applied', appliedOn: '2025-03-03' });
      // Importing the same file again changes nothing.
      const again = copy.run(['import', path.join(ledger.dir, `export-${headers}.${format}`)]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/ 0 with changes \(0 events\)/);
    } finally {
      copy.cleanup();
    }
  });
});

describe('due --format ics', () => {
  it('is an iCalendar file an independent parser reads: one all-day event per open deadline, stable UIDs', () => {
    const first = ledger.run(['due', '--format', 'ics', '--reveal'], { today: '2026-11-24' });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
    for (const line of first.stdout.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const events = new ICAL.Component(ICAL.parse(first.stdout)).getAllSubcomponents('vevent');
    const agenda = ledger.run(['due', '--json']).json.items;
    expect(events).toHaveLength(agenda.length);
    const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries.some((s) => s.includes('Acme Ltd'))).toBe(true);
    // An overdue deadline's event is on the day the file is made, so that its alarm still fires (issue 28, item 15).
    expect(agenda.some((i: any) => i.state === 'overdue')).toBe(true);
    expect(events.map((e) => e.getFirstPropertyValue('dtstart')!.toString()).sort()).toEqual(
      agenda.map((i: any) => (i.state === 'overdue' ? '2026-11-24' : i.deadline.date)).sort(),
    );
    expect(summaries.filter((s) => s.startsWith('OVERDUE by '))).toHaveLength(agenda.filter((i: any) => i.state === 'overdue').length);
    const second = ledger.run(['due', '--format', 'ics', '--reveal'], { today: '2026-11-25' });
    const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(uids(second.stdout)).toEqual(uids(first.stdout));
  });
});

describe('due --employer / --kind, and people', () => {
  it('filters the agenda', () => {
    const acme = ledger.run(['due', '--json', '--employer', 'Acme Ltd']).json.items;
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.every((i: any) => i.employer === 'Acme Ltd')).toBe(true);
    const separations = ledger.run(['due', '--json', '--kind', 'separation']).json.items;
    expect(separations.map((i: any) => [i.kind, i.id])).toEqual([['separation', '110105********002X']]);
  });

  it("lists everyone, one line each, and one employer's people", () => {
    const all = ledger.run(['people']);
    expect(all.code).toBe(0);
    // The header row, one line each, the count.
    expect(all.stdout.trim().split('\n')).toHaveLength(EVERYONE.length + 2);
    expect(all.stdout).toMatch(/^ID +NAME +EMPLOYER +HIRED +CARD +E-CARD +DEADLINES$/m);
    expect(all.stdout).toMatch(/^110105\*{8}002X {2}Wang Fang +\S.* +\d{4}-\d\d-\d\d +A12345678 received +active +3 open \(2 overdue\), next 2026-09-30$/m);
    const acme = ledger.run(['people', '--employer', 'Acme Ltd', '--json']).json.people;
    expect(acme.map((p: any) => p.id)).toEqual(['110105********002X', '440304********123X']);
    expect(ledger.run(['people', '--name', '赵', '--json']).json.people.map((p: any) => p.name)).toEqual(['赵敏']);
  });

  it('every read on a ledger that does not exist exits 1 and says so', () => {
    const missing = path.join(ledger.dir, 'missing.db');
    for (const args of [['due'], ['due', '--check'], ['people'], ['export'], ['history', WANG], ['status', WANG], ['check']]) {
      const r = ledger.run(['--db', missing, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/^sscard: No ledger at .*missing\.db/);
    }
    expect(fs.existsSync(missing)).toBe(false);
  });
});
