// The citizen identity number (公民身份号码), which is also the personal
// social security number (Social Insurance Law Art. 58). Format and check
// character per GB 11643-1999; the foreign permanent resident ID of 2023
// shares the layout with a leading 9.
import { type IsoDate, isoDate, parseIsoDate } from './calendar-date.js';

export { maskId } from './masking.js';

export type IdKind = 'resident' | 'hk-macao-taiwan-resident' | 'taiwan' | 'foreign-permanent-resident';

export interface CitizenId {
  /** Always the 18-character form, check character upper case. */
  readonly number: string;
  readonly kind: IdKind;
  readonly regionCode: string;
  readonly birthDate: IsoDate;
  readonly sex: 'male' | 'female';
  /** The input was a legacy 15-digit number, converted. */
  readonly upgradedFrom15: boolean;
}

/** Why a number is not a valid ID. Never carries the number itself (personal information). */
export type IdProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'length'; readonly length: number }
  | { readonly code: 'characters' }
  | { readonly code: 'province'; readonly province: string }
  | { readonly code: 'birth-date'; readonly why: 'not-a-date' | 'future' | 'before-1900' }
  | { readonly code: 'check-character'; readonly found: string; readonly expected: string };

export type IdResult = { readonly ok: true; readonly id: CitizenId } | { readonly ok: false; readonly problem: IdProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = isoDate(1900, 1, 1);

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!; // the digit's value, without a string per digit
  return CHECK_CHARS[sum % 11]!;
}

// Province-level codes of GB/T 2260, plus 81-83 (residence permits for Hong
// Kong, Macao and Taiwan residents) and 71 (Taiwan).
export const PROVINCES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

function kindOf(number: string): IdKind {
  if (number[0] === '9') return 'foreign-permanent-resident';
  if (number.startsWith('71')) return 'taiwan';
  if (number[0] === '8') return 'hk-macao-taiwan-resident';
  return 'resident';
}

/**
 * Parses and validates an identity number as typed by a person: surrounding
 * spaces ignored, lower-case `x` accepted, legacy 15-digit numbers (births in
 * 19xx, no check character) converted to 18 digits.
 */
export function parseCitizenId(input: string, today: IsoDate): IdResult {
  const fail = (problem: IdProblem): IdResult => ({ ok: false, problem });
  const raw = input.trim().toUpperCase();
  if (raw.length === 0) return fail({ code: 'empty' });
  if (raw.length !== 18 && raw.length !== 15) return fail({ code: 'length', length: raw.length });
  if (raw.length === 15 ? !/^\d{15}$/.test(raw) : !/^\d{17}[\dX]$/.test(raw)) return fail({ code: 'characters' });

  const upgradedFrom15 = raw.length === 15;
  const first17 = upgradedFrom15 ? `${raw.slice(0, 6)}19${raw.slice(6, 15)}` : raw.slice(0, 17);

  // A foreign permanent resident ID names the issuing province in digits 2-3.
  const province = first17[0] === '9' ? first17.slice(1, 3) : first17.slice(0, 2);
  if (!PROVINCES.has(province) || (first17[0] === '9' && ['71', '81', '82', '83'].includes(province))) {
    return fail({ code: 'province', province: first17.slice(0, first17[0] === '9' ? 3 : 2) });
  }

  const birth = parseIsoDate(`${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`);
  if (birth === null) return fail({ code: 'birth-date', why: 'not-a-date' });
  if (birth < EARLIEST_BIRTH) return fail({ code: 'birth-date', why: 'before-1900' });
  if (birth > today) return fail({ code: 'birth-date', why: 'future' });

  const expected = checkCharacter(first17);
  if (!upgradedFrom15 && raw[17] !== expected) {
    return fail({ code: 'check-character', found: raw[17]!, expected });
  }
  const number = upgradedFrom15 ? first17 + expected : raw;
  return {
    ok: true,
    id: {
      number,
      kind: kindOf(number),
      regionCode: number.slice(0, 6),
      birthDate: birth,
      sex: Number(number[16]) % 2 === 1 ? 'male' : 'female',
      upgradedFrom15,
    },
  };
}

/**
 * The legacy 15-digit form of an 18-digit number (GB 11643-1989: no century,
 * no check character), which exists for births in 19xx only. Free text may
 * still carry a number in that form, or with a lower-case x: erasing a
 * person looks for every spelling (issue 29 item 13).
 */
export function legacyForm(number: string): string | null {
  return number.length === 18 && number.slice(6, 8) === '19' ? number.slice(0, 6) + number.slice(8, 17) : null;
}

/** Whole years of age on `on`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // One subtraction on every call (not only before the birthday): see daysInMonth.
  return years - (on.slice(5) >= birthDate.slice(5) ? 0 : 1);
}
