// The statutory holiday days (法定节假日) of a year whose official schedule is
// not yet published, by 全国年节及纪念日放假办法 (2024 revision), Art. 2:
// New Year's Day (1 day), Spring Festival (4 days: the eve 除夕 and lunar
// 1/1-1/3), Qingming (the day of the 清明 solar term), Labour Day (1-2 May),
// Dragon Boat (lunar 5/5), Mid-Autumn (lunar 8/15), National Day (1-3 Oct):
// 13 days. The bridging days and the adjusted working days that pay for them
// are only known once the State Council publishes the schedule, so none is
// assumed here.
import { addDays, type IsoDate, isoDate, weekday } from './calendar-date.js';

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
  const festival = (monthStart: IsoDate, day: number, name: HolidayName) => {
    const date = addDays(monthStart, day - 1);
    found.push([date, name]);
    return date;
  };
  // One look-up per lunar month (the package's look-up is slow, ~40 µs): from
  // any day of a month, its first day is `day - 1` days back, and 30 days after
  // the first day lies in the next month, whether this one has 29 or 30 days.
  // Lunar 1/1 falls between 21 January and 20 February, so the walk from
  // 1 January meets months 1, 5 and 8 of the lunar year that begins in `year`.
  const checks: [IsoDate, number, number][] = [];
  for (let date = isoDate(year, 1, 1); date <= isoDate(year, 12, 31); ) {
    const { month, day, leap } = lunar.lunarDate(date);
    const monthStart = addDays(date, 1 - day);
    // A leap month repeats the month's number but holds no festival.
    if (!leap && month === 1) {
      // 除夕 is the last day of the twelfth month, whether it has 29 or 30 days: the day before 1/1.
      found.push([addDays(monthStart, -1), HOLIDAY.springFestival]);
      checks.push([festival(monthStart, 1, HOLIDAY.springFestival), 1, 1]);
      festival(monthStart, 2, HOLIDAY.springFestival);
      festival(monthStart, 3, HOLIDAY.springFestival);
    }
    if (!leap && month === 5) checks.push([festival(monthStart, 5, HOLIDAY.dragonBoat), 5, 5]);
    if (!leap && month === 8) checks.push([festival(monthStart, 15, HOLIDAY.midAutumn), 8, 15]);
    date = addDays(monthStart, 30);
  }
  for (const [date, month, day] of checks) {
    const back = lunar.lunarDate(date);
    if (back.month !== month || back.day !== day || back.leap) throw new Error(`lunar ${month}/${day} of ${year} not found (${date})`);
  }
  if (checks.length !== 3) throw new Error(`found ${checks.length} of the 3 lunar festivals of ${year}`);
  return found;
}

/**
 * Every statutory holiday day of `year`, by date. Without a lunar calendar
 * only the fixed-date holidays are known.
 */
export function statutoryHolidays(year: number, lunar: LunarCalendar | null): ReadonlyMap<IsoDate, HolidayName> {
  const days = [...fixedDateHolidays(year)];
  if (lunar) days.push(...lunarHolidays(year, lunar), [lunar.qingming(year), HOLIDAY.qingming]);
  const byDate = new Map<IsoDate, HolidayName>();
  for (const [date, name] of days.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Mid-Autumn can fall on 1-3 October (2020-10-01): one day, both names, as the notices write "中秋节、国庆节".
    const other = byDate.get(date);
    byDate.set(date, other ? { en: `${other.en} and ${name.en}`, zh: `${other.zh}、${name.zh}` } : name);
  }
  return byDate;
}

/**
 * The make-up rest days (补休) of a year without an official schedule:
 * 全国年节及纪念日放假办法 Art. 6: a holiday of all citizens (Art. 2) that falls
 * on a Saturday or Sunday is made up on a working day. The law does not say
 * which day; sscard places them on the first working days after that
 * holiday's days (the usual practice of the State Council's notices), which
 * is an assumption: the derivation of a deadline it moves says so.
 *
 * 2027: Spring Festival 02-05..08 (Fri-Mon) has two weekend days, made up on
 * 02-09 and 02-10; Labour Day 05-01..02 (Sat-Sun) on 05-03 and 05-04;
 * National Day 10-01..03 (Fri-Sun) on 10-04 and 10-05.
 */
export function makeUpDays(holidays: ReadonlyMap<IsoDate, HolidayName>): ReadonlyMap<IsoDate, HolidayName> {
  const weekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;
  const made = new Map<IsoDate, HolidayName>();
  const taken = (date: IsoDate) => weekend(date) || holidays.has(date) || made.has(date);
  const dates = [...holidays.keys()].sort();
  // One run of consecutive holiday days is one holiday (Mid-Autumn on 1 October joins National Day).
  for (let i = 0; i < dates.length; ) {
    let j = i;
    while (j + 1 < dates.length && dates[j + 1] === addDays(dates[j]!, 1)) j++;
    const run = dates.slice(i, j + 1);
    let owed = run.filter(weekend).length;
    const name = holidays.get(run[run.length - 1]!)!;
    for (let day = addDays(run[run.length - 1]!, 1); owed > 0; day = addDays(day, 1)) {
      if (taken(day)) continue;
      made.set(day, name);
      owed--;
    }
    i = j + 1;
  }
  return made;
}
