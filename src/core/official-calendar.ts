// The official schedule of rest days, as published by the `chinese-days`
// package. Kept apart from holidays.ts so that only the code that computes
// deadlines for a command loads the data (once, in process-context).
import { chineseDaysLunar, type ChineseDaysLunarFunctions } from './chinese-days-lunar.js';
import { chineseDaysSchedule } from './chinese-days-schedule.js';
import { calendarFrom, type SourcedCalendar } from './holidays.js';
import type { OfficialSchedule } from './official-schedule.js';

// A plain require() inside the function: esbuild bundles the package but runs
// its code only when called, i.e. only when a deadline falls in a year without
// an official schedule (the lunar tables are not needed otherwise).
const lunar = () => chineseDaysLunar(require('chinese-days') as ChineseDaysLunarFunctions);

/** The package's schedules, and the user's loaded ones (each overriding the package for its year). */
export function officialCalendar(loaded: readonly OfficialSchedule[] = []): SourcedCalendar {
  return calendarFrom(chineseDaysSchedule, { lunar, loaded });
}

export const chinaCalendar: SourcedCalendar = officialCalendar();
