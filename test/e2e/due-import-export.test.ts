import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, tempLedger } from './harness.js';

const WANG = '11010519491231002X';
const LI = '110105194912310011';
const ZHANG = '440305200002290037';
const HEADER = 'id,name,employer,hired_on,registered_on,card_number,bank,issued_on,received_on,activated_on,ecard_channel,ecard_claimed_on';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

function csv(name: string, text: string): string {
  const file = path.join(ledger.dir, name);
  fs.writeFileSync(file, text);
  return file;
}

// The ledger's state, without row ids that depend on insertion order.
const state = (l: Ledger) => ({
  person: l.query('SELECT * FROM person ORDER BY id'),
  hire: l.query('SELECT person_id, kind, employer, hired_on, registered_on FROM hire ORDER BY person_id, employer, hired_on'),
  card: l.query('SELECT * FROM card ORDER BY number'),
  ecard: l.query('SELECT * FROM ecard ORDER BY person_id'),
});

describe('due: the agenda', () => {
  it('lists every open deadline, most urgent first; --within limits the window; --check exits 3 on overdue', () => {
    ledger = tempLedger('2026-11-24');
    const reg = (id: string, hired: string, employer = 'Acme Ltd') =>
      ledger.run(['register-employee', '--id', id, '--employer', employer, '--hired-on', hired, '--pending']);
    expect(reg(WANG, '2026-09-01').code).toBe(0); // deadline 2026-10-08: 47 days overdue
    expect(reg(LI, '2026-11-20').code).toBe(0); // deadline 2026-12-21 (20 Dec is a Sunday): in 27 days
    expect(reg(ZHANG, '2026-11-05').code).toBe(0); // deadline 2026-12-07 (5 Dec is a Saturday): in 13 days
    ledger.run(['card', 'issue', '--id', LI, '--card', 'A12345678', '--issued-on', '2026-05-01']);
    ledger.run(['card', 'receive', '--card', 'A12345678', '--on', '2026-05-29']); // activation deadline 2026-11-30: in 6 days

    const all = ledger.run(['due', '--json']);
    expect(all.code).toBe(0);
    expect(all.json.items.map((i: any) => [i.kind, i.id, i.deadline.date, i.state, i.daysLeft])).toEqual([
      ['registration', '110105********002X', '2026-10-08', 'overdue', -47],
      ['activation', '110105********0011', '2026-11-30', 'pending', 6],
      ['registration', '440305********0037', '2026-12-07', 'pending', 13],
      ['registration', '110105********0011', '2026-12-21', 'pending', 27],
    ]);
    const within = ledger.run(['due', '--json', '--within', '13']).json.items.map((i: any) => i.deadline.date);
    expect(within).toEqual(['2026-10-08', '2026-11-30', '2026-12-07']);

    expect(ledger.run(['due', '--check']).code).toBe(3);
    expect(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--registered-on', '2026-11-24']).code).toBe(0);
    expect(ledger.run(['due', '--check']).code).toBe(0);
    expect(ledger.run(['due', '--check'], { today: '2026-12-01' }).code).toBe(3); // the card's window passed

    const table = ledger.run(['due']);
    expect(table.stdout.split('\n')[0]).toMatch(/^DEADLINE\s+WHEN\s+WHAT\s+ID\s+NAME\s+FOR/);
    expect(table.stdout).toContain('in 6 days');
    expect(table.stdout).not.toContain(LI);
    expect(ledger.run(['due', '--within', 'soon']).code).toBe(2);
  });
});

describe('import', () => {
  it('imports every column and is idempotent', () => {
    ledger = tempLedger('2026-11-24');
    const file = csv(
      'all.csv',
      `${HEADER}\n` +
        `${WANG},Wang Fang,Acme Ltd,2026-09-01,,A12345678,ICBC,2026-03-01,2026-03-31,2026-10-01,wechat,2026-04-01\n` +
        `${LI},Li Lei,Beta Co,2026-11-01,2026-11-05,,,,,,,\n` +
        `${WANG},Wang Fang,Beta Co,2026-11-10,2026-11-12,A12345678,ICBC,2026-03-01,2026-03-31,2026-10-01,wechat,2026-04-01\n`,
    );
    const first = ledger.run(['import', file, '--json']);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ rows: 3, changed: 3, unchanged: 0, invalid: [], written: true });
    const status = ledger.run(['status', WANG, '--json']).json;
    expect(status).toMatchObject({
      person: { name: 'Wang Fang' },
      card: { number: 'A12345678', state: 'activated', activatedOn: '2026-10-01' },
      ecard: { claimed: true, channel: 'wechat', claimedOn: '2026-04-01' },
      activatedEcard: true,
    });
    expect(status.registrations.map((r: any) => [r.employer, r.state])).toEqual([
      ['Acme Ltd', 'overdue'],
      ['Beta Co', 'on-time'],
    ]);
    const before = ledger.bytes();
    const events = ledger.query('SELECT count(*) AS n FROM event')[0].n;
    const again = ledger.run(['import', file, '--json']);
    expect(again.json).toMatchObject({ rows: 3, changed: 0, unchanged: 3, events: 0 });
    expect(ledger.query('SELECT count(*) AS n FROM event')[0].n).toBe(events);
    expect(ledger.bytes()).toEqual(before);
  });

  it('reports every bad row with line and field, and writes nothing', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['register-employee', '--id', ZHANG, '--employer', 'Acme Ltd', '--hired-on', '2026-11-01']);
    const before = ledger.bytes();
    const file = csv(
      'bad.csv',
      'id,name,employer,hired_on,registered_on,card_number\n' +
        `${WANG},Wang Fang,Acme Ltd,2026-09-01,,\n` + // good
        `110105194912310021,Bad Check,Acme Ltd,2026-09-01,,\n` + // line 3: check character
        `${LI},Li Lei,Acme Ltd,2026-02-30,,\n` + // line 4: not a date
        `${LI},Li Lei,Acme Ltd,2026-09-01,2026-08-01,\n` + // line 5: registered before hire
        `${LI},Li Lei,,,,B12\n`, // line 6: card number
    );
    const r = ledger.run(['import', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^line 3, id: .*check character/);
    expect(lines[1]).toMatch(/^line 4, hired_on: is not a real date/);
    expect(lines[2]).toMatch(/^line 5, registered_on: .*before the hire date/);
    expect(lines[3]).toMatch(/^line 6, card_number: must be 9 letters or digits/);
    expect(lines[4]).toMatch(/4 of 5 rows are invalid, so nothing was imported/);
    expectCleanError(r.stderr, ['110105194912310021', WANG, LI]);
    expect(ledger.bytes()).toEqual(before);

    const skip = ledger.run(['import', file, '--skip-invalid']);
    expect(skip.code).toBe(0);
    expect(skip.stdout).toContain('4 invalid and skipped');
    expect(ledger.query('SELECT id FROM person ORDER BY id').map((p) => p.id)).toEqual([WANG, ZHANG]);
  });

  it('--dry-run reports and writes nothing, even into a new ledger', () => {
    ledger = tempLedger('2026-11-24');
    const file = csv('one.csv', `id,employer,hired_on\n${WANG},Acme Ltd,2026-09-01\n`);
    const r = ledger.run(['import', file, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Dry run, nothing written: 1 row, 1 with changes/);
    expect(ledger.bytes()).toBeNull();
    ledger.run(['import', file]);
    const before = ledger.bytes();
    expect(ledger.run(['import', csv('two.csv', `id,employer,hired_on\n${LI},Acme Ltd,2026-09-01\n`), '--dry-run']).code).toBe(0);
    expect(ledger.bytes()).toEqual(before);
  });

  it('reads UTF-8 with a BOM, CRLF line ends and quoted fields with commas, quotes and newlines', () => {
    ledger = tempLedger('2026-11-24');
    const file = csv(
      'excel.csv',
      `\uFEFFid,name,employer,hired_on\r\n${WANG},"Wang, Fang","Acme ""Global"" Ltd",2026-09-01\r\n${LI},李雷,北京某某有限公司,2026-09-02\r\n` +
        `${ZHANG},"Zhang\r\nSan",Acme Ltd,2026-09-03\r\n${ZHANG},Zhang San,Acme Ltd,2026-02-30\r\n`,
    );
    const bad = ledger.run(['import', file]);
    expect(bad.code).toBe(2);
    // A quoted line break spans two lines: the next record starts on line 6.
    expect(bad.stderr.split('\n').slice(0, 2)).toEqual([
      'line 4, name: is longer than 200 characters or contains control characters',
      'line 6, hired_on: is not a real date written YYYY-MM-DD',
    ]);
    const r = ledger.run(['import', file, '--skip-invalid']);
    expect(r.code, r.stderr).toBe(0);
    expect(ledger.query('SELECT name FROM person ORDER BY id')).toEqual([{ name: '李雷' }, { name: 'Wang, Fang' }]);
    expect(ledger.query('SELECT employer FROM hire ORDER BY hired_on')).toEqual([{ employer: 'Acme "Global" Ltd' }, { employer: '北京某某有限公司' }]);
  });

  it('reads dates written 2026年9月1日 through the built command (its bundle holds the pattern in Chinese)', () => {
    ledger = tempLedger('2026-11-24');
    const r = ledger.run(['import', csv('zh-dates.csv', `身份证号,用人单位,入职日期,参保日期\n${WANG},Acme Ltd,2026年9月1日,2026年9月15日\n`)]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(state(ledger).hire).toEqual([{ person_id: WANG, kind: 'employee', employer: 'Acme Ltd', hired_on: '2026-09-01', registered_on: '2026-09-15' }]);
  });

  it('a row shorter than the header: its missing cells are empty (it used to stop with an internal error)', () => {
    ledger = tempLedger('2026-11-24');
    const r = ledger.run(['import', csv('short.csv', `id,name,employer,hired_on\n${WANG},Wang Fang\n${LI},Li Lei,Acme Ltd,2026-09-01\n`)]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe('Imported: 2 rows, 2 with changes (3 events), 0 already in the ledger.\n');
    expect(state(ledger).person).toEqual([
      { id: LI, name: 'Li Lei' },
      { id: WANG, name: 'Wang Fang' },
    ]);
    expect(state(ledger).hire).toEqual([{ person_id: LI, kind: 'employee', employer: 'Acme Ltd', hired_on: '2026-09-01', registered_on: null }]);
  });

  it('one row, one event, one invalid row: counted in the singular', () => {
    ledger = tempLedger('2026-11-24');
    const good = ledger.run(['import', csv('one.csv', `id\n${WANG}\n`)]);
    expect(good.stdout).toBe('Imported: 1 row, 1 with changes (1 event), 0 already in the ledger.\n');
    const bad = ledger.run(['import', csv('bad.csv', `id,hired_on\n${LI},2026-02-30\n`)]);
    expect([bad.code, bad.stderr.split('\n').at(-2)]).toEqual([
      2,
      'sscard: 1 of 1 row is invalid, so nothing was imported; fix it or use --skip-invalid to import the others.',
    ]);
  });

  it('refuses a missing id column and NUL bytes with exit 2; ignores unknown columns, naming them; reads GBK', () => {
    ledger = tempLedger('2026-11-24');
    const cases: [string, string | Buffer, RegExp][] = [
      ['noid.csv', 'name,employer\nWang,Acme\n', /id/],
      ['nul.csv', Buffer.from(`id\n${WANG}\u0000\n`), /NUL/],
    ];
    for (const [name, content, message] of cases) {
      const r = ledger.run(['import', csv(name, content as string)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
    }
    expect(ledger.bytes()).toBeNull();
    const unknown = ledger.run(['import', csv('unknown.csv', `id,salary,部门\n${WANG},1,HR\n`)]);
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toBe('Ignored columns sscard does not know: "salary", "部门".\n');
    // 王芳 in GBK, as Excel on Chinese Windows saves it.
    const gbk = Buffer.concat([Buffer.from(`id,name\n${WANG},`), Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]), Buffer.from('\n')]);
    expect(ledger.run(['import', csv('gbk.csv', gbk as unknown as string)]).code).toBe(0);
    expect(ledger.run(['status', WANG, '--json']).json.person.name).toBe('王芳');
  });
});

describe('export', () => {
  it('round-trips: export -> import into an empty ledger gives the same ledger', () => {
    ledger = tempLedger('2026-11-24');
    const file = csv(
      'seed.csv',
      `${HEADER}\n` +
        `${WANG},Wang Fang,Acme Ltd,2026-09-01,,A12345678,ICBC,2026-03-01,2026-03-31,2026-10-01,wechat,2026-04-01\n` +
        `${LI},"Li, Lei","=HYPERLINK(""x"")",2026-11-01,2026-11-05,,,,,,,\n` +
        `${ZHANG},,,,,C12345678,,2026-11-01,2026-11-02,,alipay,2026-11-02\n`, // SPEC v2 1.4: an e-card needs a received card
    );
    expect(ledger.run(['import', file]).code).toBe(0);
    const exported = ledger.run(['export', '--reveal']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`${LI},"Li, Lei","'=HYPERLINK(""x"")",2026-11-01`); // formula neutralised
    const copy = tempLedger('2026-11-24');
    try {
      const back = path.join(copy.dir, 'back.csv');
      fs.writeFileSync(back, exported.stdout);
      const r = copy.run(['import', back]);
      expect(r.code, r.stderr).toBe(0);
      expect(state(copy)).toEqual(state(ledger));
    } finally {
      copy.cleanup();
    }
  });

  it('a lost card goes into the CSV with card_state and card_ended_on, and comes back lost', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-03-01']);
    ledger.run(['card', 'receive', '--card', 'A12345678', '--on', '2026-03-02']);
    ledger.run(['ecard', 'claim', '--id', WANG, '--channel', 'wechat', '--on', '2026-03-02']);
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01']);
    ledger.run(['card', 'report-loss', '--card', 'A12345678']);
    const exported = ledger.run(['export', '--reveal']).stdout;
    const [header, row] = exported
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect(cells).toMatchObject({ card_number: 'A12345678', card_state: 'lost', card_ended_on: '2026-11-24', ecard_channel: 'wechat' });
    const copy = tempLedger('2026-11-24');
    try {
      const back = path.join(copy.dir, 'back.csv');
      fs.writeFileSync(back, exported);
      expect(copy.run(['import', back]).code).toBe(0);
      expect(copy.run(['status', WANG, '--json']).json).toEqual(ledger.run(['status', WANG, '--json']).json);
      expect(state(copy).hire).toEqual(state(ledger).hire);
    } finally {
      copy.cleanup();
    }
  });

  it('masks identity numbers unless --reveal, and says so', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-09-01']);
    const masked = ledger.run(['export']);
    expect(masked.stdout).toContain('110105********002X');
    expect(masked.stdout).not.toContain(WANG);
    expect(masked.stderr).toContain('--reveal');
    const json = ledger.run(['export', '--format', 'json']).json;
    expect(json.events.map((e: any) => [e.id, e.kind])).toEqual([
      ['110105********002X', 'person.recorded'],
      ['110105********002X', 'hire.recorded'],
      ['110105********002X', 'hire.registered'],
    ]);
    const masked2 = path.join(ledger.dir, 'masked.json');
    fs.writeFileSync(masked2, ledger.run(['export', '--format', 'json']).stdout);
    const back = tempLedger('2026-11-24');
    try {
      const r = back.run(['import', masked2]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/holds masked identity numbers, so it cannot be imported; export it again with `sscard export --format json --reveal`\.\n$/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      back.cleanup();
    }
  });
});

describe('history', () => {
  it('lists every event for the person, oldest first, with the day it concerns', () => {
    ledger = tempLedger('2026-04-01');
    ledger.run(['card', 'issue', '--id', WANG, '--card', 'A12345678', '--issued-on', '2026-03-01'], { today: '2026-03-01' });
    ledger.run(['card', 'receive', '--card', 'A12345678', '--on', '2026-03-31'], { today: '2026-03-31' });
    ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-03-15', '--pending']);
    const h = ledger.run(['history', WANG, '--json']);
    expect(h.code).toBe(0);
    expect(h.json.events.map((e: any) => [e.kind, e.on])).toEqual([
      ['person.recorded', null],
      ['card.issued', '2026-03-01'],
      ['card.received', '2026-03-31'],
      ['hire.recorded', '2026-03-15'],
    ]);
    expect(h.json.events.every((e: any) => /^\d{4}-\d{2}-\d{2}T/.test(e.recordedAt))).toBe(true);
    expect(ledger.run(['history', LI]).code).toBe(1);
  });
});

describe('import: card policies and the two functions (SPEC 1.8, 1.3)', () => {
  it('reads 卡政策, 启用日期 and 有效期至; an unknown policy is a bad row', () => {
    ledger = tempLedger('2026-11-24');
    const file = path.join(ledger.dir, 'cards.csv');
    fs.writeFileSync(
      file,
      `身份证号,社保卡号,卡政策,制卡日期,领卡日期,启用日期,有效期至\n${WANG},G00000001,guangdong,2026-01-10,2026-02-01,2026-02-02,2036-01-10\n`,
    );
    const r = ledger.run(['import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(ledger.run(['status', WANG, '--json']).json.card).toMatchObject({
      policy: { id: 'guangdong' },
      enabledOn: '2026-02-02',
      socialFunction: 'enabled',
      financialFunction: 'inactive',
      expiresOn: '2036-01-10',
    });
    fs.writeFileSync(file, `id,card_number,policy\n${WANG},G00000002,atlantis\n`);
    const bad = ledger.run(['import', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^line 2, policy: is not a known card policy; the known ones are .*guangdong/m);
  });

  it('an expiry before the issue date is a bad row, as `card issue` refuses it (it used to be imported)', () => {
    ledger = tempLedger('2026-11-24');
    const file = csv('expiry.csv', `id,card_number,issued_on,expires_on\n${WANG},G00000001,2026-10-01,2020-01-01\n`);
    const bad = ledger.run(['import', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe(
      'line 2, expires_on: The expiry date (2020-01-01) must be after the issue date 2026-10-01; check the expiry printed on the card.',
    );
    expect(ledger.bytes()).toBeNull(); // a refused first import leaves no ledger
  });
});

describe('import - (standard input)', () => {
  it('reads a CSV, an xlsx or a JSON export from standard input, as from a file', () => {
    ledger = tempLedger('2026-11-24');
    ledger.run(['register-employee', '--id', WANG, '--name', 'Wang Fang', '--employer', 'Acme Ltd', '--hired-on', '2026-09-01', '--pending']);
    const status = ledger.run(['status', WANG, '--json']).json;
    for (const format of ['csv', 'json'] as const) {
      const exported = ledger.run(['export', '--format', format, '--reveal']).stdout;
      const copy = tempLedger('2026-11-24');
      try {
        const r = copy.run(['import', '-'], { input: exported });
        expect(r.code, `${format}: ${r.stderr}`).toBe(0);
        expect(r.stdout).toMatch(/^Imported: 1 row, 1 with changes/);
        expect(copy.run(['status', WANG, '--json']).json).toEqual(status);
        expect(copy.run(['history', WANG, '--json']).json.events[0].source).toBe('import stdin line 2');
      } finally {
        copy.cleanup();
      }
    }
  });
});
