import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { hireDateProblem, inRange } from '../../src/core/date-bounds.js';

const d = (t: string) => t as IsoDate;
const TODAY = d('2026-11-24');
const BORN = d('1990-05-17');

describe('hire dates', () => {
  it.each([
    ['2026-09-01', null],
    ['2027-11-24', null], // twelve months ahead: a contract signed in advance
    ['2027-11-25', 'too-far-ahead'],
    ['9999-12-31', 'out-of-range'],
    ['1899-12-31', 'out-of-range'],
    ['1990-05-16', 'before-birth'],
    ['1990-05-17', null],
  ])('%s -> %s', (hiredOn, problem) => {
    expect(hireDateProblem(d(hiredOn), BORN, TODAY)).toBe(problem);
  });
});

it('accepts dates from 1900 to 2099 only', () => {
  expect([inRange(d('1900-01-01')), inRange(d('2099-12-31')), inRange(d('1899-12-31')), inRange(d('2100-01-01'))]).toEqual([true, true, false, false]);
});
