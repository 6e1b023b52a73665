// The statutory holiday days (法定节假日) of a year whose official schedule is
// not yet published, by 全国年节及纪念日放假办法 (2024 revision), Art. 2:
// New Year's Day (1 day), Spring Festival (4 days: the eve 除夕 and lunar
// 1/1-1/3), Qingming (the day of the 清明 solar term), Labour Day (1-2 May),
// Dragon Boat (lunar 5/5), Mid-Autumn (lunar 8/15), National Day (1-3 Oct):
// 13 days. The bridging days and the adjusted working days that pay for them
// are only known once the State Council publishes the schedule, so none is
// assumed here.
import { addDays, type IsoDate, isoDate } from './calendar-date.js';

export interface HolidayName {
  readonly en: string;
  readonly zh: string;
}

/** What the lunar calendar must answer; `chinese-days` provides it (chinese-days-lunar.ts). */
export interface LunarCalendar {
  /** The lunar month and day of a Gregorian date; `leap` for a day in a leap month (闰月). */
  lunarDate(date: IsoDate): { readonly month: number; readonly day: number; readonly leap: boolean };
  /** The Gregorian day of the 清明 solar term in `year`. */
  qingming(year: number): IsoDate;
}

// The same names as the package's official schedules, so that a deadline
// reads alike whether its year is official or provisional.
export const HOLIDAY = {
  newYear: { en: "New Year's Day", zh: '元旦' },
  springFestival: { en: 'Spring Festival', zh: '春节' },
  qingming: { en: 'Tomb-sweeping Day', zh: '清明' },
  labourDay: { en: 'Labour Day', zh: '劳动节' },
  dragonBoat: { en: 'Dragon Boat Festival', zh: '端午' },
  midAutumn: { en: 'Mid-autumn Festival', zh: '中秋' },
  nationalDay: { en: 'National Day', zh: '国庆节' },
} as const satisfies Record<string, HolidayName>;

/** The holidays whose Gregorian dates are fixed by the law itself (Art. 2, items 1, 4 and 7). */
function fixedDateHolidays(year: number): [IsoDate, HolidayName][] {
  return [
    [isoDate(year, 1, 1), HOLIDAY.newYear],
    [isoDate(year, 5, 1), HOLIDAY.labourDay],
    [isoDate(year, 5, 2), HOLIDAY.labourDay],
    [isoDate(year, 10, 1), HOLIDAY.nationalDay],
    [isoDate(year, 10, 2), HOLIDAY.nationalDay],
    [isoDate(year, 10, 3), HOLIDAY.nationalDay],
  ];
}

/** The lunar holidays of the lunar year that begins in Gregorian `year` (Art. 2, items 2, 5 and 6). */
function lunarHolidays(year: number, lunar: LunarCalendar): [IsoDate, HolidayName][] {
  const found: [IsoDate, HolidayName][] = [];
  // Lunar 1/1 falls between 21 January and 20 February, lunar 8/15 by mid-October:
  // walking the Gregorian year day by day meets each exactly once.
  for (let date = isoDate(year, 1, 1); date <= isoDate(year, 12, 31); date = addDays(date, 1)) {
    const { month, day, leap } = lunar.lunarDate(date);
    if (leap) continue; // a leap month repeats the month's number but holds no festival
    if (month === 1 && day === 1) {
      // 除夕 is the last day of the twelfth month, whether it has 29 or 30 days: the day before 1/1.
      found.push([addDays(date, -1), HOLIDAY.springFestival]);
      for (let i = 0; i < 3; i++) found.push([addDays(date, i), HOLIDAY.springFestival]);
    }
    if (month === 5 && day === 5) found.push([date, HOLIDAY.dragonBoat]);
    if (month === 8 && day === 15) found.push([date, HOLIDAY.midAutumn]);
  }
  return found;
}

/**
 * Every statutory holiday day of `year`, by date. Without a lunar calendar
 * only the fixed-date holidays are known.
 */
export function statutoryHolidays(year: number, lunar: LunarCalendar | null): ReadonlyMap<IsoDate, HolidayName> {
  const days = [...fixedDateHolidays(year)];
  if (lunar) days.push(...lunarHolidays(year, lunar), [lunar.qingming(year), HOLIDAY.qingming]);
  return new Map(days.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
