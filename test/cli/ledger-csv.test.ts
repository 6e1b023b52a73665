import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { neutralise, readRow, unneutralise } from '../../src/cli/formats/ledger-csv.js';
import { BOOK } from '../core/shipped-policies.js';

const POLICIES = { book: BOOK, fallback: 'seed' };

describe('the spreadsheet formula guard round-trips', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-dash', "'-dash"],
    ['@handle', "'@handle"],
    ['\tTab', "'\tTab"],
    ["'quoted", "'quoted"], // a leading quote before ordinary text is left alone both ways
    ['Acme Ltd', 'Acme Ltd'],
    ['', ''],
  ])('%j -> %j', (cell, exported) => {
    expect(neutralise(cell)).toBe(exported);
    expect(unneutralise(exported)).toBe(cell);
  });
});

describe('readRow', () => {
  const today = '2026-11-24' as IsoDate;
  it('a row without a card number but with applied_on is an application no card completed (制卡中, 制卡失败)', () => {
    const r = readRow(
      {
        id: '11010519491231002X',
        applied_on: '2026/9/1',
        failed_on: '2026-09-15',
        failure_reason: 'photo rejected',
        policy: 'Guangdong',
        generation: '第三代',
      },
      today,
      POLICIES,
    );
    expect('row' in r && r.row).toMatchObject({
      card: null,
      application: { appliedOn: '2026-09-01', failedOn: '2026-09-15', reason: 'photo rejected', policy: 'guangdong', generation: 3 },
    });
  });

  it("a card's application, its wait at the outlet and its generation; the policy cell, when given, is the row's word on the card's policy", () => {
    const r = readRow(
      { id: '11010519491231002X', card_number: 'A12345678', applied_on: '2026-09-01', ready_on: '2026-10-20', ready_outlet: 'ICBC Tianhe', generation: '3' },
      today,
      { book: BOOK, fallback: 'shanghai' },
    );
    expect('row' in r && r.row).toMatchObject({
      card: { appliedOn: '2026-09-01', readyOn: '2026-10-20', readyAt: 'ICBC Tianhe', generation: 3, policy: 'shanghai', policyGiven: false },
      application: null,
    });
    const given = readRow({ id: '11010519491231002X', card_number: 'A12345678', policy: 'guangzhou' }, today, POLICIES);
    expect('row' in given && given.row.card).toMatchObject({ policy: 'guangzhou', policyGiven: true, generation: 2 });
  });

  it.each([
    [{ id: '' }, 'id'],
    [{ id: '110105194912310021' }, 'id'],
    [{ id: '11010519491231002X', hired_on: '2026-02-30' }, 'hired_on'],
    [{ id: '11010519491231002X', employer: 'Acme' }, 'hired_on'],
    [{ id: '11010519491231002X', bank: 'ICBC' }, 'card_number'],
    [{ id: '11010519491231002X', card_number: 'A1' }, 'card_number'],
    [{ id: '11010519491231002X', card_number: 'A12345678', ecard_channel: 'fax', ecard_claimed_on: '2026-01-01' }, 'ecard_channel'],
    [{ id: '11010519491231002X', card_number: 'A12345678', ecard_channel: 'wechat' }, 'ecard_claimed_on'],
    [{ id: '11010519491231002X', name: 'a\u0001b' }, 'name'],
    // Card-making progress (SPEC 1.3 v3): each column with what it needs.
    [{ id: '11010519491231002X', card_number: 'A12345678', ready_outlet: 'ICBC Tianhe' }, 'ready_on'],
    [{ id: '11010519491231002X', ready_on: '2026-10-20' }, 'card_number'],
    [{ id: '11010519491231002X', applied_on: '2026-09-01', failure_reason: 'photo' }, 'failed_on'],
    [{ id: '11010519491231002X', failed_on: '2026-09-15' }, 'applied_on'],
    [{ id: '11010519491231002X', card_number: 'A12345678', applied_on: '2026-09-01', failed_on: '2026-09-15' }, 'failed_on'],
    [{ id: '11010519491231002X', applied_on: '2026-09-01', generation: '4' }, 'generation'],
    [{ id: '11010519491231002X', generation: '3' }, 'card_number'],
  ])('%j: problem in %s', (cells, field) => {
    const r = readRow(cells, today, POLICIES);
    expect('problem' in r && r.problem.field).toBe(field);
  });

  it('reads a full row, trimming cells and normalising the card number and x', () => {
    const r = readRow(
      {
        id: ' 11010519491231002x ',
        name: 'Wang',
        employer: "'=Acme",
        hired_on: '2026-09-01',
        card_number: 'a12345678',
        ecard_channel: 'alipay',
        ecard_claimed_on: '2026-04-01',
      },
      today,
      POLICIES,
    );
    expect('row' in r && r.row).toMatchObject({
      id: { number: '11010519491231002X' },
      name: 'Wang',
      hire: { employer: '=Acme', hiredOn: '2026-09-01', registeredOn: null },
      card: { number: 'A12345678', bank: null, issuedOn: null },
      ecard: { channel: 'alipay', claimedOn: '2026-04-01' },
    });
  });
});
