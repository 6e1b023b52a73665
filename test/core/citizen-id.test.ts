import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { ageOn, checkCharacter, maskId, parseCitizenId } from '../../src/core/citizen-id.js';

const TODAY = '2026-11-24' as IsoDate;

describe('parseCitizenId: valid numbers (SPEC 1.1)', () => {
  it.each([
    // input, normalised number, sex, birth date, kind
    ['11010519491231002X', '11010519491231002X', 'female', '1949-12-31', 'resident'],
    ['11010519491231002x', '11010519491231002X', 'female', '1949-12-31', 'resident'], // lower-case x accepted
    ['  11010519491231002X ', '11010519491231002X', 'female', '1949-12-31', 'resident'], // stray spaces
    ['110105194912310011', '110105194912310011', 'male', '1949-12-31', 'resident'], // odd sequence = male
    ['440305200002290037', '440305200002290037', 'male', '2000-02-29', 'resident'], // leap day
    ['11010519000101001X', '11010519000101001X', 'male', '1900-01-01', 'resident'], // earliest allowed birth date
    ['810000199001010027', '810000199001010027', 'female', '1990-01-01', 'hk-macao-taiwan-resident'],
    ['710000199001010015', '710000199001010015', 'male', '1990-01-01', 'taiwan'],
    ['911156199001010010', '911156199001010010', 'male', '1990-01-01', 'foreign-permanent-resident'],
  ])('%s', (input, number, sex, birthDate, kind) => {
    const result = parseCitizenId(input, TODAY);
    expect(result).toEqual({
      ok: true,
      id: { number, sex, birthDate, kind, regionCode: number.slice(0, 6), upgradedFrom15: false },
    });
  });

  it('converts a legacy 15-digit number to 18 digits (inserting 19, computing the check character)', () => {
    const result = parseCitizenId('110105491231002', TODAY);
    expect(result.ok && result.id).toMatchObject({ number: '11010519491231002X', upgradedFrom15: true, birthDate: '1949-12-31' });
  });

  it('accepts an unknown 6-digit region code under a known province (abolished codes stay valid)', () => {
    // 119999 is no county anywhere, but 11 is Beijing.
    const first17 = '11999919800101001';
    expect(parseCitizenId(first17 + checkCharacter(first17), TODAY).ok).toBe(true);
  });

  it('accepts someone born today, refuses someone born tomorrow', () => {
    expect(parseCitizenId('110105202609250041', '2026-09-25' as IsoDate).ok).toBe(true);
    expect(parseCitizenId('110105202609250041', '2026-09-24' as IsoDate)).toEqual({ ok: false, problem: { code: 'birth-date', why: 'future' } });
  });
});

describe('parseCitizenId: invalid numbers, each with its reason', () => {
  it.each([
    ['', { code: 'empty' }],
    ['1101051949123100', { code: 'length', length: 16 }],
    ['11010519491231002X1', { code: 'length', length: 19 }],
    ['1101051949123100AX', { code: 'characters' }],
    ['11010519491231002Y', { code: 'characters' }],
    ['11010519491X31002X', { code: 'characters' }],
    ['11010549123100A', { code: 'characters' }], // 15-digit numbers have no check character
    ['101105194912310023', { code: 'province', province: '10' }],
    ['161105194912310023', { code: 'province', province: '16' }],
    ['721105194912310023', { code: 'province', province: '72' }],
    ['901156199001010010', { code: 'province', province: '901' }], // 9 + a non-province
    ['991156199001010010', { code: 'province', province: '991' }],
    ['981156199001010010', { code: 'province', province: '981' }], // 98: no such province
    ['110105202302290031', { code: 'birth-date', why: 'not-a-date' }], // 2023 had no 29 February
    ['110105199013010031', { code: 'birth-date', why: 'not-a-date' }],
    ['110105189912310031', { code: 'birth-date', why: 'before-1900' }],
    ['110105203001010031', { code: 'birth-date', why: 'future' }],
    ['110105194912310021', { code: 'check-character', found: '1', expected: 'X' }],
    [`${'11010519491231002X'.slice(0, 17)}0`, { code: 'check-character', found: '0', expected: 'X' }],
    ['110105194912310012', { code: 'check-character', found: '2', expected: '1' }],
  ])('%j', (input, problem) => {
    expect(parseCitizenId(input, TODAY)).toEqual({ ok: false, problem });
  });
});

describe('checkCharacter (ISO 7064 MOD 11-2, GB 11643-1999)', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44030520000229003', '7'],
    ['53010219491001004', '9'],
    ['11010520121124003', '3'],
    ['11010520081124001', '6'],
  ])('%s -> %s', (first17, expected) => expect(checkCharacter(first17)).toBe(expected));
});

describe('maskId', () => {
  it('shows the first six and last four characters only', () => {
    expect(maskId('11010519491231002X')).toBe('110105********002X');
  });
});

describe('ageOn', () => {
  it.each([
    ['2010-06-15', '2026-06-14', 15],
    ['2010-06-15', '2026-06-15', 16],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('born %s, on %s: %i', (birth, on, age) => expect(ageOn(birth as IsoDate, on as IsoDate)).toBe(age));
});
