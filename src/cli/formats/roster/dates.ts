// Dates as HR rosters write them (SPEC 2.3): ISO, the slash and dot forms
// Chinese Excel shows by default, 2026年9月1日, the compact 20260901, and
// Excel's own date cells (a serial day number).
import { type IsoDate, isoDate, parseIsoDate } from '../../../core/calendar-date.js';

const SEPARATED = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The date a roster cell means, or null when it is not a real date in one of the accepted forms. */
export function parseRosterDate(text: string): IsoDate | null {
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
