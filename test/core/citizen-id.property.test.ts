// Property-based tests of identity numbers (fast-check): every valid number
// validates and round-trips; MOD 11-2 catches every single-character change
// and every adjacent transposition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { checkCharacter, maskId, PROVINCES, parseCitizenId } from '../../src/core/citizen-id.js';

const TODAY = '2026-11-24' as IsoDate;

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

describe('identity numbers, by property', () => {
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
