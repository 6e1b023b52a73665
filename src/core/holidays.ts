// Which days are rest days (法定休假日) in mainland China. The official
// schedule of each year (holidays and the adjusted working days 调休上班日
// that pay for them) comes from the `chinese-days` package's published data,
// or from a schedule the user loaded (official-schedule.ts). A year neither
// covers is provisional: its statutory holidays are computed
// (statutory-holidays.ts), with no adjusted working days.
import { type IsoDate, weekday, yearOf } from './calendar-date.js';
import { type OfficialSchedule, type ScheduleDay, scheduleDayName } from './official-schedule.js';
import { type HolidayName, type LunarCalendar, makeUpDays, statutoryHolidays } from './statutory-holidays.js';

export type DayKind = 'workday' | 'adjusted-workday' | 'weekend' | 'holiday';

export interface DayInfo {
  readonly kind: DayKind;
  /** The holiday's name in English and Chinese, for holidays and adjusted working days. */
  readonly holiday: { readonly en: string; readonly zh: string } | null;
  /** False when the year has no official schedule yet and the provisional calendar answered. */
  readonly official: boolean;
  /** A provisional year's make-up rest day (补休, 全国年节及纪念日放假办法 Art. 6), placed by assumption (statutory-holidays.ts). */
  readonly makeUp?: boolean;
}

export interface RestDayCalendar {
  dayInfo(date: IsoDate): DayInfo;
}

export const isRestDay = (info: DayInfo): boolean => info.kind === 'weekend' || info.kind === 'holiday';

/** The shape of `chinese-days/dist/chinese-days.json`: date -> "English,中文,days". */
export interface ScheduleData {
  readonly holidays: Record<string, string>;
  readonly workdays: Record<string, string>;
}

/**
 * An official schedule a year at a time: the years it covers (those with
 * holidays), and a covered year's days. A command asks for a year or two (its
 * deadlines'): parsing all of the package's years at every start made most of
 * the young objects for which `status` collected garbage once (issue 31), so
 * the build hands each year over as text, parsed when first asked for
 * (scheduleFromYearTexts; scripts/build.mjs).
 */
export interface ScheduleYears {
  readonly years: ReadonlySet<number>;
  days(year: number): ScheduleData;
}

/** The days of a year the schedule does not cover: none (the calendar then works out a provisional year). */
const UNCOVERED: ScheduleData = Object.freeze({ holidays: Object.freeze({}), workdays: Object.freeze({}) });

/**
 * A whole schedule's days, by year. A year is covered when it has holidays;
 * the adjusted working days of a year that is not are left out, as the
 * calendar never reads them (its days are empty).
 */
export function scheduleYears(data: ScheduleData): ScheduleYears {
  const byYear = new Map<number, { holidays: Record<string, string>; workdays: Record<string, string> }>();
  for (const [date, name] of Object.entries(data.holidays)) {
    const year = yearOf(date as IsoDate);
    let days = byYear.get(year);
    if (days === undefined) byYear.set(year, (days = { holidays: {}, workdays: {} }));
    days.holidays[date] = name;
  }
  for (const [date, name] of Object.entries(data.workdays)) {
    const days = byYear.get(yearOf(date as IsoDate));
    if (days !== undefined) days.workdays[date] = name;
  }
  return { years: new Set(byYear.keys()), days: (year) => byYear.get(year) ?? UNCOVERED };
}

/** Each covered year's days as JSON text, keyed by the year: what the build puts into the bundles. */
export function scheduleYearTexts(data: ScheduleData): Record<string, string> {
  const schedule = scheduleYears(data);
  return Object.fromEntries([...schedule.years].sort((a, b) => a - b).map((year) => [String(year), JSON.stringify(schedule.days(year))]));
}

/** The schedule of scheduleYearTexts' texts, each year parsed when first asked for. */
export function scheduleFromYearTexts(texts: Readonly<Record<string, string>>): ScheduleYears {
  const parsed = new Map<number, ScheduleData>();
  return {
    years: new Set(Object.keys(texts).map(Number)),
    days(year) {
      let days = parsed.get(year);
      if (days === undefined) {
        const text = texts[String(year)];
        days = text === undefined ? UNCOVERED : (JSON.parse(text) as ScheduleData);
        parsed.set(year, days);
      }
      return days;
    },
  };
}

function holidayName(entry: string): { en: string; zh: string } {
  // The package writes "National Day,国庆节,3": English, Chinese, length in days.
  const [en = entry, zh = entry] = entry.split(',');
  return { en, zh };
}

/** Where a year's rest days come from (SPEC 1.2; `sscard calendar` lists it). */
export type YearSource = 'package' | 'loaded' | 'provisional';

export interface CalendarSources {
  /**
   * The lunar calendar, for the statutory lunar holidays of a year without an
   * official schedule. Called at most once, on the first such day asked for;
   * without it only the fixed-date holidays of such a year are known.
   */
  readonly lunar?: () => LunarCalendar;
  /** Official schedules loaded by the user; each overrides the package for its year. */
  readonly loaded?: readonly OfficialSchedule[];
}

export interface SourcedCalendar extends RestDayCalendar {
  yearSource(year: number): YearSource;
}

export function calendarFrom(data: ScheduleYears, sources: CalendarSources = {}): SourcedCalendar {
  const covered = data.years;
  const loaded = new Map<number, ReadonlyMap<string, ScheduleDay>>();
  for (const schedule of sources.loaded ?? []) loaded.set(schedule.year, new Map(schedule.days.map((day) => [day.date, day])));
  let lunar: LunarCalendar | null | undefined;
  const provisional = new Map<number, { holidays: ReadonlyMap<IsoDate, HolidayName>; makeUp: ReadonlyMap<IsoDate, HolidayName> }>();
  const provisionalYear = (year: number) => {
    let days = provisional.get(year);
    if (days === undefined) {
      lunar ??= sources.lunar ? sources.lunar() : null;
      const holidays = statutoryHolidays(year, lunar);
      days = { holidays, makeUp: makeUpDays(holidays) };
      provisional.set(year, days);
    }
    return days;
  };
  const yearSource = (year: number): YearSource => (loaded.has(year) ? 'loaded' : covered.has(year) ? 'package' : 'provisional');

  return {
    yearSource,
    dayInfo(date) {
      const weekend = weekday(date) === 0 || weekday(date) === 6;
      const week = (official: boolean): DayInfo => ({ kind: weekend ? 'weekend' : 'workday', holiday: null, official });
      const year = yearOf(date);
      switch (yearSource(year)) {
        case 'loaded': {
          const day = loaded.get(year)!.get(date);
          if (day === undefined) return week(true);
          return { kind: day.isOffDay ? 'holiday' : 'adjusted-workday', holiday: scheduleDayName(day.name), official: true };
        }
        case 'package': {
          const days = data.days(year);
          const holiday = days.holidays[date];
          if (holiday !== undefined) return { kind: 'holiday', holiday: holidayName(holiday), official: true };
          const workday = days.workdays[date];
          if (workday !== undefined) return { kind: 'adjusted-workday', holiday: holidayName(workday), official: true };
          return week(true);
        }
        case 'provisional': {
          const { holidays, makeUp } = provisionalYear(year);
          const holiday = holidays.get(date);
          if (holiday) return { kind: 'holiday', holiday, official: false };
          const madeUp = makeUp.get(date);
          return madeUp ? { kind: 'holiday', holiday: madeUp, official: false, makeUp: true } : week(false);
        }
      }
    },
  };
}
