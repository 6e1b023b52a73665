// A year's official holiday schedule loaded by the user (SPEC 1.2: "a newly
// published schedule can be loaded without a new release"), in the JSON
// format of holiday-cn (github.com/NateScarlet/holiday-cn), which transcribes
// each State Council notice:
//   {"year": 2027, "days": [{"name": "春节", "date": "2027-02-05", "isOffDay": true}, ...]}
// A day with isOffDay true is a holiday; false is an adjusted working day (调休上班日).
// Days not listed follow the week. Other keys ($schema, papers) are ignored.
import { type IsoDate, parseIsoDate, yearOf } from './calendar-date.js';
import type { HolidayName } from './statutory-holidays.js';

export interface ScheduleDay {
  readonly name: string;
  readonly date: IsoDate;
  readonly isOffDay: boolean;
}

export interface OfficialSchedule {
  readonly year: number;
  /** In date order. */
  readonly days: readonly ScheduleDay[];
}

/** What is wrong with a schedule file; `index` is the position in `days` (from 0). The CLI words it. */
export type ScheduleProblem =
  | { readonly kind: 'not-an-object' }
  | { readonly kind: 'year-invalid' }
  | { readonly kind: 'days-not-a-list' }
  | { readonly kind: 'days-empty'; readonly year: number }
  | { readonly kind: 'day-not-an-object'; readonly index: number }
  | { readonly kind: 'name-invalid'; readonly index: number }
  | { readonly kind: 'date-invalid'; readonly index: number; readonly date: string | null }
  | { readonly kind: 'date-outside-year'; readonly index: number; readonly date: IsoDate; readonly year: number }
  | { readonly kind: 'off-day-invalid'; readonly index: number }
  | { readonly kind: 'date-repeated'; readonly index: number; readonly date: IsoDate; readonly firstIndex: number };

export type ScheduleParse = { readonly ok: true; readonly schedule: OfficialSchedule } | { readonly ok: false; readonly problem: ScheduleProblem };

// The lunar tables that name provisional years cover 1900-2099; holiday-cn starts in 2007.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseHolidayCnSchedule(json: unknown): ScheduleParse {
  const fail = (problem: ScheduleProblem): ScheduleParse => ({ ok: false, problem });
  if (!isRecord(json)) return fail({ kind: 'not-an-object' });
  const { year, days } = json;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    return fail({ kind: 'year-invalid' });
  }
  if (!Array.isArray(days)) return fail({ kind: 'days-not-a-list' });
  // holiday-cn publishes an empty file for a year before its notice is out: not a schedule.
  if (days.length === 0) return fail({ kind: 'days-empty', year });
  const parsed: ScheduleDay[] = [];
  const seen = new Map<IsoDate, number>();
  for (const [index, day] of days.entries()) {
    if (!isRecord(day)) return fail({ kind: 'day-not-an-object', index });
    if (typeof day.name !== 'string' || day.name.trim() === '') return fail({ kind: 'name-invalid', index });
    const date = typeof day.date === 'string' ? parseIsoDate(day.date) : null;
    if (date === null) return fail({ kind: 'date-invalid', index, date: typeof day.date === 'string' ? day.date : null });
    if (yearOf(date) !== year) return fail({ kind: 'date-outside-year', index, date, year });
    if (typeof day.isOffDay !== 'boolean') return fail({ kind: 'off-day-invalid', index });
    const firstIndex = seen.get(date);
    if (firstIndex !== undefined) return fail({ kind: 'date-repeated', index, date, firstIndex });
    seen.set(date, index);
    parsed.push({ name: day.name.trim(), date, isOffDay: day.isOffDay });
  }
  parsed.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, schedule: { year, days: parsed } };
}

/** True when two schedules say the same thing (loading the same file twice changes nothing). */
export function sameSchedule(a: OfficialSchedule, b: OfficialSchedule): boolean {
  return (
    a.year === b.year &&
    a.days.length === b.days.length &&
    a.days.every((day, i) => {
      const other = b.days[i]!;
      return day.date === other.date && day.name === other.name && day.isOffDay === other.isOffDay;
    })
  );
}

// holiday-cn names days in Chinese only, as the notices do; some years join
// two holidays ("中秋节、国庆节") or use the notice's quoted short names.
const ENGLISH: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  '“五一”': 'Labour Day',
  '“五一”国际劳动节': 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-autumn Festival',
  国庆节: 'National Day',
  '“十一”': 'National Day',
  '中秋节、国庆节': 'Mid-autumn Festival and National Day',
  '国庆节、中秋节': 'National Day and Mid-autumn Festival',
  抗日战争暨世界反法西斯战争胜利70周年纪念日: 'Anti-Fascist 70th Day',
};

/** A holiday-cn day name in both languages; an unknown name stays as written in English too. */
export function scheduleDayName(name: string): HolidayName {
  return { en: ENGLISH[name] ?? name, zh: name };
}
