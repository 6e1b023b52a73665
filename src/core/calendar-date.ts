// A calendar date with no time and no zone: the unit every legal period is
// counted in. Kept as an ISO `YYYY-MM-DD` string so that it is what the
// ledger stores and the JSON prints, with no conversion in between.
export type IsoDate = string & { readonly __isoDate: unique symbol };

/**
 * The date, or null when `text` is not a real `YYYY-MM-DD` calendar date
 * (four ASCII digits, a hyphen, two, a hyphen, two). Read character by
 * character: the regular expression's match array and three numbers parsed
 * from strings, for each date of each row, were a tenth of an import's
 * garbage (issue 31; the same answers as /^(\d{4})-(\d{2})-(\d{2})$/ plus the
 * checks below: test/core/calendar-date.test.ts).
 */
export function parseIsoDate(text: string): IsoDate | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  return isRealDate(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2)) ? (text as IsoDate) : null;
}

/** Whether year, month and day (-1: not digits) name a real day of the Gregorian calendar, years from 1: the rule of parseIsoDate, for readers of digits in other layouts (an identity number's birth date). */
export function isRealDate(y: number, mo: number, d: number): boolean {
  // Written as what must hold, so that NaN (no number at all) is no day either.
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The number `length` ASCII digits from `at` write, or -1 when one of them is not a digit. */
export function digitsAt(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48; // NaN past the text's end: not a digit either
    if (!(digit >= 0 && digit <= 9)) return -1;
    n = n * 10 + digit;
  }
  return n;
}

// The forms a person writes a date in (SPEC v3 2.2 and 2.3): ISO, the slash
// and dot forms Chinese Excel shows by default, 2026年9月1日 (or 号), and the
// compact 20260901. One reader for the command line, SSCARD_TODAY, prompts
// and roster cells, so that a date accepted in one place is accepted in all.
const SEPARATED = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
// 年 \u5e74, 月 \u6708, 日 \u65e5, 号 \u53f7: escaped, so that the bundles holding this stay ASCII, which
// bin/sscard reads as a plain copy rather than decoding UTF-8 at every start (issue 31).
const CHINESE = /^(\d{4})\s*\u5e74\s*(\d{1,2})\s*\u6708\s*(\d{1,2})\s*[\u65e5\u53f7]$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The date `text` means in one of the written forms, or null when it is not a real date in one of them. */
export function parseWrittenDate(text: string): IsoDate | null {
  const value = text.trim();
  // The ISO form as it stands (most cells of most files): checked once, not taken apart and put together again.
  if (value.length === 10 && value[4] === '-' && value[7] === '-') {
    const iso = parseIsoDate(value);
    if (iso !== null) return iso;
  }
  const m = SEPARATED.exec(value) ?? CHINESE.exec(value) ?? COMPACT.exec(value);
  if (!m) return null;
  const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  return parseIsoDate(isoDate(Number(y), Number(mo), Number(d)));
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

export function daysInMonth(year: number, month: number): number {
  // February's length is worked out for every month, each operation on every call: V8 has then seen them all
  // before it optimises a caller, and the first February date read does not deoptimise it (issue 31: an
  // import's identity numbers and dates were recompiled when one came late). Gregorian: every 4th year, not
  // every 100th, every 400th.
  const february = 28 + (year % 4 === 0 ? 1 : 0) - (year % 100 === 0 ? 1 : 0) + (year % 400 === 0 ? 1 : 0);
  if (month === 2) return february;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Pure UTC arithmetic on day numbers: no Date in the machine's zone is ever
// built, so the answer cannot depend on it (under TZ=Pacific/Apia local time
// skipped 2011-12-30, and local-time arithmetic then lands a day off).
const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 (negative before), by the proleptic Gregorian
 * calendar's arithmetic (H. Hinnant's days_from_civil: years counted from
 * March, so that the leap day ends one) on the digits as they stand: no Date
 * built per call (issue 31: an agenda or people list asks per row; building
 * one was 2.4% of `people` at 1,000,000). Years 0-99 are the years written.
 */
function dayNumber(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const month = digit(5) * 10 + digit(6);
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digit(8) * 10 + digit(9) - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Same day `months` later; the month's last day where it has no such day (2025-08-31 + 6 -> 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoDate(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday .. 6 = Saturday (a pure function of the date, no zone involved). */
export function weekday(date: IsoDate): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * The instant as Date.prototype.toISOString writes it (`2026-11-24T08:05:09.042Z`),
 * for the years 0 to 9999 its four-digit form covers; other years, and an
 * invalid date, as toISOString itself has them. Read from the UTC fields:
 * V8's toISOString asks ICU for the machine's zone on its first call, though
 * it prints UTC, which cost every command that opens a ledger about 0.2 ms of
 * its start (the stamp its events get; issue 31).
 */
export function isoInstant(instant: Date): string {
  const year = instant.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return instant.toISOString();
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  const ms = instant.getUTCMilliseconds();
  return `${isoDate(year, instant.getUTCMonth() + 1, instant.getUTCDate())}T${two(instant.getUTCHours())}:${two(instant.getUTCMinutes())}:${two(instant.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

/**
 * Today's date in China (Asia/Shanghai), whatever the machine's zone. China
 * has kept UTC+8 with no daylight saving since 1991, so a fixed offset is exact.
 */
export function chinaDate(instant: Date): IsoDate {
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
