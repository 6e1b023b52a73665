// Property-based tests of identity numbers (fast-check): every valid number
// validates and round-trips; MOD 11-2 catches every single-character change
// and every adjacent transposition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IsoDate, parseIsoDate } from '../../src/core/calendar-date.js';
import { ageOn, checkCharacter, type IdResult, maskId, PROVINCES, parseCitizenId } from '../../src/core/citizen-id.js';

/**
 * parseCitizenId as it was written before it read character codes (regular expression, slices, the date text parsed):
 * the answers must not change. Its date rule is parseIsoDate's, which shares isRealDate with the code under test (the
 * same function moved verbatim, calendar-date.ts): this oracle checks the reading of the digits, not the calendar.
 */
function byPattern(input: string, today: IsoDate): IdResult {
  const fail = (problem: Extract<IdResult, { ok: false }>['problem']): IdResult => ({ ok: false, problem });
  const raw = input.trim().toUpperCase();
  if (raw.length === 0) return fail({ code: 'empty' });
  if (raw.length !== 18 && raw.length !== 15) return fail({ code: 'length', length: raw.length });
  if (raw.length === 15 ? !/^\d{15}$/.test(raw) : !/^\d{17}[\dX]$/.test(raw)) return fail({ code: 'characters' });
  const upgradedFrom15 = raw.length === 15;
  const first17 = upgradedFrom15 ? `${raw.slice(0, 6)}19${raw.slice(6, 15)}` : raw.slice(0, 17);
  const province = first17[0] === '9' ? first17.slice(1, 3) : first17.slice(0, 2);
  if (!PROVINCES.has(province) || (first17[0] === '9' && ['71', '81', '82', '83'].includes(province))) {
    return fail({ code: 'province', province: first17.slice(0, first17[0] === '9' ? 3 : 2) });
  }
  const birth = parseIsoDate(`${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`);
  if (birth === null) return fail({ code: 'birth-date', why: 'not-a-date' });
  if (birth < '1900-01-01') return fail({ code: 'birth-date', why: 'before-1900' });
  if (birth > today) return fail({ code: 'birth-date', why: 'future' });
  const expected = checkCharacter(first17);
  if (!upgradedFrom15 && raw[17] !== expected) return fail({ code: 'check-character', found: raw[17]!, expected });
  const number = upgradedFrom15 ? first17 + expected : raw;
  const kind =
    number[0] === '9' ? 'foreign-permanent-resident' : number.startsWith('71') ? 'taiwan' : number[0] === '8' ? 'hk-macao-taiwan-resident' : 'resident';
  return {
    ok: true,
    id: { number, kind, regionCode: number.slice(0, 6), birthDate: birth, sex: Number(number[16]) % 2 === 1 ? 'male' : 'female', upgradedFrom15 },
  };
}

const TODAY = '2026-11-24' as IsoDate;
const day1After = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-24T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validId = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    rest: fc.stringMatching(/^\d{4}$/),
    birth: birthDate,
    sequence: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, rest, birth, sequence }) => {
    const first17 = province + rest + birth.replaceAll('-', '') + sequence;
    return first17 + checkCharacter(first17);
  });
/**
 * Valid foreign permanent resident numbers (外国人永久居留身份证, 2023): 9, the issuing province in digits 2-3 (never
 * Taiwan's 71 nor the residence permits' 81-83), three digits, the birth date, three digits, the check character.
 */
const validForeignId = fc
  .record({
    province: fc.constantFrom(...[...PROVINCES].filter((p) => !['71', '81', '82', '83'].includes(p))),
    rest: fc.stringMatching(/^\d{3}$/),
    birth: birthDate,
    sequence: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, rest, birth, sequence }) => {
    const first17 = `9${province}${rest}${birth.replaceAll('-', '')}${sequence}`;
    return first17 + checkCharacter(first17);
  });
/** A valid number in its legacy 15-digit form (births in 19xx; GB 11643-1989: no century, no check character). */
const legacy15 = (id: string) => id.slice(0, 6) + id.slice(8, 17);

describe('identity numbers, by property', () => {
  it('parseCitizenId answers as the regular expression form did, for numbers, near misses and noise', () => {
    // Near misses: a valid number (resident or foreign) with one character replaced, cut, lengthened, spaced, in lower
    // case, or in the 15-digit form with or without one character replaced (15 characters: the 15-digit path).
    const nearMiss = fc
      .tuple(
        fc.oneof(validId, validForeignId),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...'0123456789Xx9 -*a\u0660\uff11'),
        fc.integer({ min: 0, max: 5 }),
      )
      .map(([id, at, c, how]) =>
        how === 0
          ? id.slice(0, at) + c + id.slice(at + 1)
          : how === 1
            ? id.slice(0, at)
            : how === 2
              ? ` ${id.toLowerCase()}\t`
              : how === 3
                ? legacy15(id)
                : how === 4
                  ? legacy15(id).slice(0, at % 15) + c + legacy15(id).slice((at % 15) + 1)
                  : id + c,
      );
    const dates = fc.constantFrom('1899-12-31', '1900-01-01', '2000-02-29', '2026-11-24', '2026-11-25') as fc.Arbitrary<IsoDate>;
    const birthDigits = fc.tuple(fc.constantFrom(...PROVINCES, '00', '90', '91', '97', '98', '71', '81'), fc.stringMatching(/^\d{16}$/)).map(([p, r]) => p + r);
    const seen = { fifteen: 0, foreign: 0 };
    fc.assert(
      fc.property(
        fc.oneof(validId, validForeignId, nearMiss, birthDigits, fc.string({ maxLength: 20 }), fc.stringMatching(/^\d{15}$/)),
        dates,
        (text, today) => {
          const r = parseCitizenId(text, today);
          expect(r).toEqual(byPattern(text, today));
          if (text.trim().length === 15) seen.fifteen++;
          if (r.ok && r.id.kind === 'foreign-permanent-resident') seen.foreign++;
        },
      ),
      { numRuns: 20_000 },
    );
    // The generators reach the 15-digit path and the foreign numbers' success path (not only their refusals).
    expect(Math.min(seen.fifteen, seen.foreign)).toBeGreaterThan(500);
  });

  it('every generated valid foreign permanent resident number validates, with its province in digits 2-3', () => {
    fc.assert(
      fc.property(validForeignId, (id) => {
        const r = parseCitizenId(id, TODAY);
        expect(r).toEqual({
          ok: true,
          id: {
            number: id,
            kind: 'foreign-permanent-resident',
            regionCode: id.slice(0, 6),
            birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
            sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
            upgradedFrom15: false,
          },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('ageOn counts whole years as comparing the month and day texts did', () => {
    const day = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10) as IsoDate);
    // Two days drawn apart rarely fall on a birthday (about 1 in 365): `on` is also drawn as the birthday some years
    // later or earlier, or the day before or after it (29 February: 1 March in a common year, by Date.UTC).
    const around = fc.tuple(day, fc.integer({ min: -2, max: 120 }), fc.integer({ min: -1, max: 1 })).map(([birth, years, days]) => {
      const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
      const on = new Date(Date.UTC(y + years, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10) as IsoDate;
      return [birth, on] as const;
    });
    const seen = { birthday: 0, dayBefore: 0 };
    fc.assert(
      fc.property(fc.oneof(fc.tuple(day, day), around), ([birth, on]) => {
        const byText = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) >= birth.slice(5) ? 0 : 1);
        expect(ageOn(birth, on)).toBe(byText);
        if (on.slice(5) === birth.slice(5) && on > birth) seen.birthday++;
        if (on.slice(5) < birth.slice(5) && day1After(on) === `${on.slice(0, 4)}-${birth.slice(5)}`) seen.dayBefore++;
      }),
      { numRuns: 5_000 },
    );
    expect(Math.min(seen.birthday, seen.dayBefore)).toBeGreaterThan(200);
  });

  it('every generated valid number validates, keeps its digits and gets sex and birth date right', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = parseCitizenId(id, TODAY);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.id.number).toBe(id);
        expect(r.id.birthDate).toBe(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
        expect(r.id.sex).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
        expect(parseCitizenId(id.toLowerCase(), TODAY)).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('masking keeps the first six and last four characters and hides the rest', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const masked = maskId(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 6)).toBe(id.slice(0, 6));
        expect(masked.slice(-4)).toBe(id.slice(-4));
        expect(masked.slice(6, 14)).toBe('********');
      }),
      { numRuns: 300 },
    );
  });

  it('a 15-digit number of a 19xx birth converts back to the same 18-digit number', () => {
    fc.assert(
      fc.property(
        validId.filter((id) => id.slice(6, 8) === '19'),
        (id) => {
          const legacy = id.slice(0, 6) + id.slice(8, 17);
          const r = parseCitizenId(legacy, TODAY);
          expect(r.ok && r.id.number).toBe(id);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every single-character change is rejected', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, position, replacement) => {
        fc.pre(id[position] !== replacement);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(parseCitizenId(changed, TODAY).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('every adjacent transposition of two different characters is rejected', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), (id, i) => {
        fc.pre(id[i] !== id[i + 1]);
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(parseCitizenId(swapped, TODAY).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
