// Data that ages (SPEC 1.1, 1.2): deadlines in a year whose official holiday
// schedule is not yet published, and identity numbers under region codes
// abolished since they were issued. The built CLI, run in several zones.
import { afterAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../src/core/citizen-id.js';
import { tempLedger } from './harness.js';

const ledger = tempLedger('2026-11-25');
afterAll(() => ledger.cleanup());

const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('a provisional year (2027) computed from the lunar calendar', () => {
  const ID = '11010519491231002X';
  it('hired 2027-01-06: deadline 2027-02-11 past Spring Festival (2027-02-05..08) and its make-up days, provisional, whatever the zone', () => {
    expect(ledger.run(['register-employee', '--id', ID, '--employer', 'Acme Ltd', '--hired-on', '2027-01-06', '--pending', '--as-of', '2027-01-06']).code).toBe(
      0,
    );
    for (const TZ of ['America/St_Johns', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Etc/GMT+12']) {
      const r = ledger.run(['status', ID, '--as-of', '2027-01-06', '--json'], { env: { TZ } });
      expect(r.code, TZ).toBe(0);
      expect(r.json.registrations[0].deadline, TZ).toMatchObject({ date: '2027-02-11', nominal: '2027-02-05', provisional: true });
      expect(r.json.registrations[0].deadline.reason).toContain('Spring Festival');
    }
    const zh = ledger.run(['status', ID, '--as-of', '2027-01-06', '--lang', 'zh']);
    expect(zh.stdout).toContain('2027-02-05 为春节假期，顺延至 2027-02-11；2027-02-09、2027-02-10 假定为春节逢周末的补休日');
  });

  it('hired 2027-03-06: nominal 2027-04-05 is Qingming (the solar term, a Monday), moved to 2027-04-06, in every zone', () => {
    const id = withCheck('11010519800101001');
    expect(ledger.run(['register-employee', '--id', id, '--employer', 'Acme Ltd', '--hired-on', '2027-03-06', '--pending', '--as-of', '2027-03-06']).code).toBe(
      0,
    );
    for (const TZ of ['America/St_Johns', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Etc/GMT+12']) {
      const r = ledger.run(['status', id, '--as-of', '2027-03-06', '--json'], { env: { TZ } });
      expect(r.json.registrations[0].deadline, TZ).toMatchObject({ date: '2027-04-06', nominal: '2027-04-05', provisional: true });
    }
  });
});

describe('identity numbers under abolished region codes (SPEC 1.1)', () => {
  it.each([
    // python-stdnum's test number: 商水县 of the former 周口地区, 411623 since 2000.
    ['412723199010050012', '河南省周口地区商水县', ' (code abolished in 2000, now 411623)', '（该代码已于 2000 年撤销，现为 411623）'],
    [withCheck('11010319700101001'), '北京市崇文区', ' (code abolished in 2010)', '（该代码已于 2010 年撤销）'],
    ['11010519491231002X', '北京市朝阳区', '', ''],
    [withCheck('41279919900101001'), '河南省', '', ''], // unknown anywhere: its province, still valid
  ])('%s: %s%s', (id, name, noteEn, noteZh) => {
    expect(ledger.run(['register-employee', '--id', id, '--employer', 'Acme Ltd', '--hired-on', '2026-11-02', '--pending']).code).toBe(0);
    const en = ledger.run(['status', id]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(new RegExp(`born \\d{4}-\\d{2}-\\d{2}, ${name}${noteEn.replace(/[()]/g, '\\$&')}\\n`));
    const zh = ledger.run(['status', id, '--lang', 'zh']);
    expect(zh.stdout).toMatch(new RegExp(`出生，${name}${noteZh.replace(/[（）]/g, '\\$&')}\\n`));
    expect(ledger.run(['status', id, '--json']).json.person.region).toBe(name); // JSON: the name only
  });
});
