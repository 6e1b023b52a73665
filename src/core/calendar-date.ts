// A calendar date with no time and no zone: the unit every legal period is
// counted in. Kept as an ISO `YYYY-MM-DD` string so that it is what the
// ledger stores and the JSON prints, with no conversion in between.
import { addDays as addDaysFns } from 'date-fns/addDays';
import { addMonths as addMonthsFns } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date, or null when `text` is not a real `YYYY-MM-DD` calendar date. */
export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return text as IsoDate;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// date-fns works on local-time Date objects. Noon local time keeps every
// operation on the intended calendar day whatever the machine's time zone,
// since no zone shifts a clock by twelve hours at a DST change.
function toLocalNoon(date: IsoDate): Date {
  const d = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
  d.setFullYear(Number(date.slice(0, 4))); // years 0-99 would otherwise map to 1900-1999
  return d;
}

function fromLocal(d: Date): IsoDate {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromLocal(addDaysFns(toLocalNoon(date), days));
}

/** Same day `months` later; the month's last day where it has no such day (2025-08-31 + 6 -> 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromLocal(addMonthsFns(toLocalNoon(date), months));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocalNoon(to), toLocalNoon(from));
}

/** 0 = Sunday .. 6 = Saturday (a pure function of the date, no zone involved). */
export function weekday(date: IsoDate): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Today's date in China (Asia/Shanghai), whatever the machine's zone. China
 * has kept UTC+8 with no daylight saving since 1991, so a fixed offset is exact.
 */
export function chinaDate(instant: Date): IsoDate {
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** ISO strings of one format compare as dates. */
export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return a < b;
}
