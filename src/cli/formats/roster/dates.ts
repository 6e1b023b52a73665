// Dates as HR rosters write them (SPEC 2.3): the written forms every date
// is read in (core/calendar-date.ts), and Excel's own date cells (a serial
// day number).
import { type IsoDate, isoDate, parseWrittenDate } from '../../../core/calendar-date.js';

/** The date a roster cell means, or null when it is not a real date in one of the accepted forms (the same forms as the command line). */
export const parseRosterDate: (text: string) => IsoDate | null = parseWrittenDate;

/**
 * The calendar day of an Excel serial date. In the 1900 date system day 1 is
 * 1900-01-01 and day 60 is 1900-02-29, a day that never existed (Lotus 1-2-3's
 * leap-year bug, kept by Excel for compatibility), so serials from 61 on are
 * one day ahead of a plain count. In the 1904 system (old Mac workbooks) day 0
 * is 1904-01-01. A time of day (the fraction) is dropped.
 */
export function excelSerialDate(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) return null; // 2958465 = 9999-12-31
  const day = Math.floor(serial);
  if (!date1904 && day === 60) return null; // 1900-02-29 does not exist
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, day < 60 ? 31 : 30);
  const d = new Date(epoch + day * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Excel serial (1900 system) of a date, for writing real date cells. */
export function excelSerialOf(date: IsoDate): number {
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const days = Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days < 61 ? days - 1 : days;
}
