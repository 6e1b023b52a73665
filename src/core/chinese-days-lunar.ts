// The lunar calendar and the 清明 solar term, from the `chinese-days`
// package's own functions (no date list of ours). The library is passed in so
// that the caller decides when it is loaded (official-calendar.ts loads it
// only for a year without an official schedule).
import type { getLunarDate, getSolarTermDate } from 'chinese-days';
import { addDays, type IsoDate, parseIsoDate } from './calendar-date.js';
import type { LunarCalendar } from './statutory-holidays.js';

export interface ChineseDaysLunarFunctions {
  readonly getLunarDate: typeof getLunarDate;
  readonly getSolarTermDate: typeof getSolarTermDate;
}

export function chineseDaysLunar(lib: ChineseDaysLunarFunctions): LunarCalendar {
  return {
    // getLunarDate counts whole days from a UTC instant: its lunar fields do
    // not depend on the machine's zone (only its echoed `date` does, unused).
    lunarDate(date) {
      const { lunarMon, lunarDay, isLeap } = lib.getLunarDate(date);
      return { month: lunarMon, day: lunarDay, leap: isLeap };
    },
    qingming(year) {
      return fromPackageDate(lib.getSolarTermDate(year, 4, 'pure_brightness'));
    },
  };
}

/**
 * chinese-days 1.5.7 builds the term's day at UTC midnight and prints it with
 * local-time getters, so west of UTC (the test suite runs in
 * America/St_Johns) it prints the day before. The true day is the one whose
 * UTC midnight prints, in this process's zone, as the package's answer.
 */
function fromPackageDate(printed: string): IsoDate {
  const date = parseIsoDate(printed);
  if (date === null) throw new Error(`chinese-days returned a solar-term date that is not a date: ${printed}`);
  const next = addDays(date, 1);
  const nextAtUtcMidnight = new Date(`${next}T00:00:00Z`);
  const localDay = nextAtUtcMidnight.getDate();
  return localDay === Number(date.slice(8, 10)) ? next : date;
}
