// The `chinese-days` package's official schedules, a year at a time
// (holidays.ts, ScheduleYears). Run from the sources (the tests), the
// package's file is read whole. The build replaces this module with one that
// holds each year's days as text, parsed when first asked for
// (scripts/build.mjs, chineseDaysByYear): same days, fewer objects at start.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { type ScheduleData, scheduleYears } from './holidays.js';

export const chineseDaysSchedule = scheduleYears(chineseDays as ScheduleData);
