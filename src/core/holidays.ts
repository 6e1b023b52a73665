// Which days are rest days (法定休假日) in mainland China. The official
// schedule of each year (holidays and the adjusted working days 调休上班日
// that pay for them) comes from the `chinese-days` package's published data;
// nothing here is a hand-written list except the fallback for years the
// package does not cover yet.
import { type IsoDate, weekday, yearOf } from './calendar-date.js';

export type DayKind = 'workday' | 'adjusted-workday' | 'weekend' | 'holiday';

export interface DayInfo {
  readonly kind: DayKind;
  /** The holiday's name in English and Chinese, for holidays and adjusted working days. */
  readonly holiday: { readonly en: string; readonly zh: string } | null;
  /** False when the year has no official schedule yet and the fallback answered. */
  readonly official: boolean;
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

// The statutory holidays whose dates never move (全国年节及纪念日放假办法,
// Art. 2): New Year's Day, Labour Day (1-2 May), National Day (1-3 Oct). The
// lunar holidays and the bridging days are only known once the State Council
// publishes the year's schedule.
const FIXED_HOLIDAYS: Record<string, { en: string; zh: string }> = {
  '01-01': { en: "New Year's Day", zh: '元旦' },
  '05-01': { en: 'Labour Day', zh: '劳动节' },
  '05-02': { en: 'Labour Day', zh: '劳动节' },
  '10-01': { en: 'National Day', zh: '国庆节' },
  '10-02': { en: 'National Day', zh: '国庆节' },
  '10-03': { en: 'National Day', zh: '国庆节' },
};

function holidayName(entry: string): { en: string; zh: string } {
  // The package writes "National Day,国庆节,3": English, Chinese, length in days.
  const [en = entry, zh = entry] = entry.split(',');
  return { en, zh };
}

export function calendarFrom(data: ScheduleData): RestDayCalendar {
  const covered = new Set<number>();
  for (const date of Object.keys(data.holidays)) covered.add(Number(date.slice(0, 4)));
  return {
    dayInfo(date) {
      const weekend = weekday(date) === 0 || weekday(date) === 6;
      if (!covered.has(yearOf(date))) {
        const fixed = FIXED_HOLIDAYS[date.slice(5)];
        if (fixed) return { kind: 'holiday', holiday: fixed, official: false };
        return { kind: weekend ? 'weekend' : 'workday', holiday: null, official: false };
      }
      const holiday = data.holidays[date];
      if (holiday !== undefined) return { kind: 'holiday', holiday: holidayName(holiday), official: true };
      const workday = data.workdays[date];
      if (workday !== undefined) return { kind: 'adjusted-workday', holiday: holidayName(workday), official: true };
      return { kind: weekend ? 'weekend' : 'workday', holiday: null, official: true };
    },
  };
}
