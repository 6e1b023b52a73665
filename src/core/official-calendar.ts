// The official schedule of rest days, as published by the `chinese-days`
// package. Kept apart from holidays.ts so that only the code that computes
// deadlines for a command loads the data (once, in process-context).
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { calendarFrom, type RestDayCalendar, type ScheduleData } from './holidays.js';

export const chinaCalendar: RestDayCalendar = calendarFrom(chineseDays as ScheduleData);
