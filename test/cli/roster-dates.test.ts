import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { readRow } from '../../src/cli/formats/ledger-csv.js';
import { excelSerialDate, excelSerialOf, parseRosterDate } from '../../src/cli/formats/roster/dates.js';
import { BOOK } from '../core/shipped-policies.js';

describe('parseRosterDate: the forms HR rosters use', () => {
  it.each([
    ['2026-09-01', '2026-09-01'],
    ['2026/9/1', '2026-09-01'],
    ['2026/09/01', '2026-09-01'],
    ['2026.9.1', '2026-09-01'],
    ['2026年9月1日', '2026-09-01'],
    ['2026年09月01日', '2026-09-01'],
    ['2026 年 9 月 1 日', '2026-09-01'],
    ['20260901', '2026-09-01'],
    [' 2026/12/31 ', '2026-12-31'],
    ['2024/2/29', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
    ['2026-9-1', '2026-09-01'],
    ['2026-9-01', '2026-09-01'],
  ])('%j -> %s', (text, iso) => expect(parseRosterDate(text)).toBe(iso));

  it.each([
    '2026-02-30',
    '2026/13/1',
    '2026.9',
    '2026年2月30日',
    '20260230',
    '2026/9-1',
    '2025-02-29',
    '0000-01-01',
    '2026-00-10',
    '26/9/1',
    '9/1/2026',
    '2026-09-01T00:00',
    '46266',
    '',
    '2025/2/29',
  ])('%j is not a date', (text) => expect(parseRosterDate(text)).toBeNull());
});

describe('Excel serial dates (1900 system with its leap-year bug)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'], // 60 is Excel's 1900-02-29, which never existed
    [25569, '1970-01-01'],
    [45658, '2025-01-01'],
    [46266, '2026-09-01'],
    [46266.75, '2026-09-01'], // a time of day is dropped
    [2958465, '9999-12-31'],
  ])('%d -> %s', (serial, iso) => {
    expect(excelSerialDate(serial)).toBe(iso);
    expect(excelSerialOf(iso as IsoDate)).toBe(Math.floor(serial));
  });

  it.each([0, -1, 60, 2958466, Number.NaN])('%d is no date', (serial) => expect(excelSerialDate(serial)).toBeNull());

  it('the 1904 system counts from 1904-01-01', () => {
    expect(excelSerialDate(0, true)).toBe('1904-01-01');
    expect(excelSerialDate(44804, true)).toBe('2026-09-01');
  });
});

describe('readRow accepts every roster date form', () => {
  it.each(['2026-09-01', '2026/9/1', '2026.9.1', '2026年9月1日', '20260901'])('hired_on %j', (hired) => {
    const r = readRow({ id: '11010519491231002X', employer: 'Acme', hired_on: hired }, '2026-11-24' as IsoDate, { book: BOOK, fallback: 'seed' });
    expect('row' in r && r.row.hire?.hiredOn).toBe('2026-09-01');
  });
});
