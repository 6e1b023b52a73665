// The citizen identity number (公民身份号码), which is also the personal
// social security number (Social Insurance Law Art. 58). Format and check
// character per GB 11643-1999; the foreign permanent resident ID of 2023
// shares the layout with a leading 9.
import { digitsAt, type IsoDate, isoDate, isRealDate } from './calendar-date.js';

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

/** PROVINCES by number (00-99), for parseCitizenId's lookup without a string per row. */
const PROVINCE_NUMBERS: readonly boolean[] = Array.from({ length: 100 }, (_, n) => PROVINCES.has(String(n).padStart(2, '0')));
/**
 * The provinces a foreign permanent resident ID cannot name: Taiwan and the residence permits' 81-83.
 * Source for the number's form: 国家移民管理局, 新版外国人永久居留身份证机读信息规则 (2023版), reprinted at
 * http://www.eastcoms.com/service/pro/840.html (2023-10-20; read 2026-12-06; confidence: a reprint): 17 digits and
 * a check character by MOD 11-2, as the citizen's number, the first digit "9" marking a foreigner. The part of it
 * read does not say what digits 2-3 hold (the issuing province, as this module has it), and no source found lists
 * the provinces such a card can name: leaving out 71 and 81-83 is inferred from the cards being issued by the
 * mainland's exit-entry authorities (confidence: inferred, not stated).
 */
const NOT_FOR_FOREIGNERS: readonly number[] = [71, 81, 82, 83];

/**
 * Parses and validates an identity number as typed by a person: surrounding
 * spaces ignored, lower-case `x` accepted, legacy 15-digit numbers (births in
 * 19xx, no check character) converted to 18 digits.
 * Read by character codes at their places (an import reads one per row, issue
 * 31: the regular expression, the slices and the date text parsed again were
 * a twentieth of its instructions); the same answers as the regular
 * expression form it replaced (test/core/citizen-id.property.test.ts).
 */
export function parseCitizenId(input: string, today: IsoDate): IdResult {
  const raw = input.trim().toUpperCase();
  const length = raw.length;
  if (length === 0) return { ok: false, problem: { code: 'empty' } };
  if (length !== 18 && length !== 15) return { ok: false, problem: { code: 'length', length } };
  // 15 or 17 digits, then (18) a digit or X.
  const digits = length === 15 ? 15 : 17;
  for (let i = 0; i < digits; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return { ok: false, problem: { code: 'characters' } };
  }
  if (length === 18) {
    const c = raw.charCodeAt(17);
    if ((c < 48 || c > 57) && c !== 88) return { ok: false, problem: { code: 'characters' } };
  }

  const upgradedFrom15 = length === 15;
  // The number in its 18-character form: its first 17 are read below (a 15-digit number gains the century 19 after its
  // region code, and no check character yet); an 18-digit number's check character is ignored until compared.
  const eighteen = upgradedFrom15 ? `${raw.slice(0, 6)}19${raw.slice(6, 15)}` : raw;

  // A foreign permanent resident ID names the issuing province in digits 2-3.
  const foreign = eighteen.charCodeAt(0) === 57; // '9'
  const province = digitsAt(eighteen, foreign ? 1 : 0, 2);
  if (!PROVINCE_NUMBERS[province] || (foreign && NOT_FOR_FOREIGNERS.includes(province))) {
    return { ok: false, problem: { code: 'province', province: eighteen.slice(0, foreign ? 3 : 2) } };
  }

  if (!isRealDate(digitsAt(eighteen, 6, 4), digitsAt(eighteen, 10, 2), digitsAt(eighteen, 12, 2)))
    return { ok: false, problem: { code: 'birth-date', why: 'not-a-date' } };
  const birth = `${eighteen.slice(6, 10)}-${eighteen.slice(10, 12)}-${eighteen.slice(12, 14)}` as IsoDate;
  if (birth < EARLIEST_BIRTH) return { ok: false, problem: { code: 'birth-date', why: 'before-1900' } };
  if (birth > today) return { ok: false, problem: { code: 'birth-date', why: 'future' } };

  const expected = checkCharacter(eighteen);
  if (!upgradedFrom15 && raw[17] !== expected) {
    return { ok: false, problem: { code: 'check-character', found: raw[17]!, expected } };
  }
  const number = upgradedFrom15 ? eighteen + expected : raw;
  return {
    ok: true,
    id: {
      number,
      kind: kindOf(number),
      regionCode: number.slice(0, 6),
      birthDate: birth,
      // The 17th digit's parity (its character code's: '0' is 48).
      sex: (number.charCodeAt(16) & 1) === 1 ? 'male' : 'female',
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
  // Read by their digits (an import asks once per hire: slices and Number() were garbage per row, issue 31).
  const years = digitsAt(on, 0, 4) - digitsAt(birthDate, 0, 4);
  // One subtraction on every call (not only before the birthday): see daysInMonth.
  return years - (digitsAt(on, 5, 2) * 100 + digitsAt(on, 8, 2) >= digitsAt(birthDate, 5, 2) * 100 + digitsAt(birthDate, 8, 2) ? 0 : 1);
}
