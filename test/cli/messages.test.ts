// The catalogue words the core's structured reasons: deadline derivations
// (SPEC 1.2) and identity number problems (SPEC 1.1), in both languages.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { type IdProblem, parseCitizenId } from '../../src/core/citizen-id.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import { deadlineOf, explainDeadline } from '../../src/core/period.js';
import { en } from '../../src/cli/text/messages/en.js';
import { zh } from '../../src/cli/text/messages/zh.js';
import { englishIn } from '../e2e/english.js';

const d = (s: string) => s as IsoDate;
const words = (m: typeof en, start: string, days: number) =>
  explainDeadline(deadlineOf(d(start), { days }, chinaCalendar))
    .map(m.deadlineNote)
    .join(m.deadlineNoteSeparator);

describe('deadline derivations', () => {
  it.each([
    ['2026-09-01', 30, en, '2026-10-01 is in the National Day holiday; moved to 2026-10-08'],
    ['2026-09-01', 30, zh, '2026-10-01 为国庆节假期，顺延至 2026-10-08'],
    ['2026-10-30', 30, en, '2026-11-29 is a Sunday; moved to 2026-11-30'],
    ['2026-10-30', 30, zh, '2026-11-29 为星期日，顺延至 2026-11-30'],
    [
      '2027-01-06',
      30,
      en,
      '2027-02-05 is in the Spring Festival holiday; moved to 2027-02-11; 2027-02-09 and 2027-02-10 are assumed make-up rest days (补休) for the Spring Festival days on a weekend (全国年节及纪念日放假办法 Art. 6; sscard assumes the first working days after the holiday, the usual practice); the official holiday schedule for 2027 is not yet known, so this deadline is provisional',
    ],
    [
      '2027-01-06',
      30,
      zh,
      '2027-02-05 为春节假期，顺延至 2027-02-11；2027-02-09、2027-02-10 假定为春节逢周末的补休日（《全国年节及纪念日放假办法》第六条；sscard 按惯例假定为节后第一个工作日起补休）；2027 年的法定节假日安排尚未公布，此期限为暂定',
    ],
    ['2026-03-31', 30, en, ''],
  ])('hired %s + %i days', (start, days, m, text) => expect(words(m, start, days)).toBe(text));
});

describe('identity number problems', () => {
  const today = d('2026-11-24');
  const problem = (input: string): IdProblem => {
    const result = parseCitizenId(input, today);
    if (result.ok) throw new Error(`${input} is valid`);
    return result.problem;
  };
  it.each([
    ['', /^--id is empty/, /^--id 为空/],
    ['1101051949123100', /^--id has 16 characters/, /^--id 有 16 位/],
    ['11010519491231002Y', /^--id contains characters/, /^--id 含有非法字符/],
    ['00010519491231002X', /^--id starts with 00,/, /^--id 以 00 开头/],
    ['110105194913310021', /digits 7-14 are not a real birth date/, /第 7-14 位不是有效的出生日期/],
    ['110105203012310021', /in the future/, /出生日期在未来/],
    ['110105189912310021', /before 1900-01-01/, /早于 1900-01-01/],
    ['110105194912310021', /check character 1 but the digits before it require X/, /校验码是 1，按 GB 11643 应为 X/],
  ])('%j', (input, english, chinese) => {
    const p = problem(input);
    expect(en.idProblem(p, '--id')).toMatch(english);
    expect(zh.idProblem(p, '--id')).toMatch(chinese);
    // Personal information: the number itself is never in the sentence (SPEC 1.1).
    if (input.length > 10) for (const m of [en, zh]) expect(m.idProblem(p, '--id')).not.toContain(input.slice(6, 14));
  });
});

describe('the Chinese catalogue', () => {
  /** Every plain string in the catalogue, with its key path. */
  function strings(value: unknown, path: string): [string, string][] {
    if (typeof value === 'string') return [[path, value]];
    if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
    return [];
  }

  it('has the same keys as the English one (what tsc enforces, checked at run time too)', () => {
    const keys = (m: object) => strings(m, '').map(([k]) => k.replace(/\[\d+\]$/, '[]'));
    expect(new Set(keys(zh))).toEqual(new Set(keys(en)));
  });

  it('has no English sentence in any plain string (examples are command lines to paste)', () => {
    const english = strings(zh, '').filter(([key, text]) => !/\.examples\[/.test(key) && englishIn(text).length > 0);
    expect(english).toEqual([]);
  });
});
