// Periods and deadlines as the PRC Civil Code counts them (Art. 200-204).
// Every deadline in sscard is computed here, by `deadlineOf`, and carries its
// own derivation so that it can be explained to the user.
import { addDays, addMonths, daysBetween, type IsoDate, weekday } from './calendar-date.js';
import { type DayInfo, isRestDay, type RestDayCalendar } from './holidays.js';

export type Period = { readonly days: number } | { readonly months: number };

/** Why a nominal last day was not the deadline. */
export interface DeadlineMove {
  readonly from: IsoDate;
  /** What made the nominal last day a rest day. */
  readonly restDay: DayInfo;
}

export interface Deadline {
  /** The last day on which the act is still in time (the END of that day, China time). */
  readonly date: IsoDate;
  /** The last day of the period before rest days are considered. */
  readonly nominal: IsoDate;
  /** True when some day involved lies in a year without an official holiday schedule yet. */
  readonly provisional: boolean;
  readonly moved: DeadlineMove | null;
  /**
   * Set when the deadline falls on a weekend that is an adjusted working day
   * (调休上班日): a working day, so the deadline stands there, which a reader
   * looking at a Saturday would not expect. Names the holiday it pays for.
   */
  readonly adjustedWorkday: { readonly holiday: { readonly en: string; readonly zh: string } | null } | null;
  /** The make-up rest days (补休) of a provisional year the deadline moved over: placed by assumption (SPEC 1.2 v3). */
  readonly makeUp: { readonly days: readonly IsoDate[]; readonly holiday: { readonly en: string; readonly zh: string } | null } | null;
}

/**
 * The last day of a period that starts on `start`.
 *
 * - Art. 201: the starting day is not counted, so the period runs from the
 *   next day; N days after `start` is the nominal last day.
 * - Art. 202/203 (and the Supreme People's Court's reading of month periods):
 *   a period in months ends on the corresponding day of the last month, or
 *   that month's last day where it has no such day.
 * - Art. 203: when the last day is a statutory rest day, the period ends on
 *   the first working day after it. A weekend that is an adjusted working
 *   day (调休上班日) is a working day.
 */
export function deadlineOf(start: IsoDate, period: Period, calendar: RestDayCalendar): Deadline {
  // Remembered per calendar: an agenda of a million hires has a few hundred distinct start days.
  let known = memo.get(calendar);
  if (known === undefined) memo.set(calendar, (known = new Map()));
  const key = 'days' in period ? `${start}+${period.days}d` : `${start}+${period.months}m`;
  let deadline = known.get(key);
  if (deadline === undefined) known.set(key, (deadline = computeDeadline(start, period, calendar)));
  return deadline;
}

const memo = new WeakMap<RestDayCalendar, Map<string, Deadline>>();

function computeDeadline(start: IsoDate, period: Period, calendar: RestDayCalendar): Deadline {
  const nominal = 'days' in period ? addDays(start, period.days) : addMonths(start, period.months);
  const nominalInfo = calendar.dayInfo(nominal);
  let provisional = !nominalInfo.official;
  let date = nominal;
  let info = nominalInfo;
  const makeUp: IsoDate[] = [];
  let makeUpHoliday: DayInfo['holiday'] = null;
  while (isRestDay(info)) {
    if (info.makeUp) {
      makeUp.push(date);
      makeUpHoliday ??= info.holiday;
    }
    date = addDays(date, 1);
    info = calendar.dayInfo(date);
    if (!info.official) provisional = true;
  }
  return {
    date,
    nominal,
    provisional,
    moved: date === nominal ? null : { from: nominal, restDay: nominalInfo },
    adjustedWorkday: info.kind === 'adjusted-workday' ? { holiday: info.holiday } : null,
    makeUp: makeUp.length > 0 ? { days: makeUp, holiday: makeUpHoliday } : null,
  };
}

/** A deadline has passed only from the day after its date (Art. 203: it ends at the END of that day). */
export function hasPassed(deadline: Deadline, today: IsoDate): boolean {
  return today > deadline.date;
}

/** Where a duty with a deadline stands: not done yet (pending, then overdue), or done (on time, or late). */
export type DutyState = 'pending' | 'overdue' | 'on-time' | 'late';

export interface DutyStatus {
  readonly deadline: Deadline;
  readonly state: DutyState;
  /** From today to the deadline: 0 on the deadline day, negative once passed; null once done. */
  readonly daysLeft: number | null;
  /** Days past the deadline, for late and overdue duties. */
  readonly daysLate: number | null;
}

/**
 * The one reading of a deadline against the day the duty was done (or
 * today, while it is not): registration (Art. 58) and the transfer on
 * leaving (劳动合同法 Art. 50) alike.
 */
export function dutyStatus(deadline: Deadline, doneOn: IsoDate | null, today: IsoDate): DutyStatus {
  if (doneOn !== null) {
    const late = daysBetween(deadline.date, doneOn);
    return late > 0 ? { deadline, state: 'late', daysLeft: null, daysLate: late } : { deadline, state: 'on-time', daysLeft: null, daysLate: null };
  }
  // Deadlines are shared (deadlineOf remembers them), and so is their open status on a day: an agenda asks it per hire.
  let open = openStatus.get(deadline);
  if (open === undefined || open.today !== today) {
    const daysLeft = daysBetween(today, deadline.date);
    const status: DutyStatus = hasPassed(deadline, today)
      ? { deadline, state: 'overdue', daysLeft, daysLate: -daysLeft }
      : { deadline, state: 'pending', daysLeft, daysLate: null };
    openStatus.set(deadline, (open = { today, status }));
  }
  return open.status;
}

const openStatus = new WeakMap<Deadline, { today: IsoDate; status: DutyStatus }>();

/**
 * Why a deadline is not simply its nominal day, as data (the catalogue in
 * src/cli/text/messages/ words it): moved off a rest day (Art. 203), and/or
 * provisional because the year's official schedule is not published yet
 * (SPEC 1.2). Empty when the nominal day stood.
 */
export type DeadlineNote =
  | {
      readonly kind: 'moved';
      readonly from: IsoDate;
      readonly to: IsoDate;
      /** The holiday's names when the nominal day was in one, else the weekday (0 = Sunday). */
      readonly holiday: { readonly en: string; readonly zh: string } | null;
      readonly weekday: number;
    }
  | { readonly kind: 'provisional'; readonly year: number }
  /** Make-up rest days (补休) the deadline moved over in a provisional year: an assumption, said as one. */
  | { readonly kind: 'make-up'; readonly days: readonly IsoDate[]; readonly holiday: { readonly en: string; readonly zh: string } | null }
  /** The deadline day is a weekend made a working day (调休上班日); `holiday` is the one it pays for. */
  | {
      readonly kind: 'adjusted-workday';
      readonly date: IsoDate;
      readonly weekday: number;
      readonly holiday: { readonly en: string; readonly zh: string } | null;
    };

export function explainDeadline(deadline: Deadline): DeadlineNote[] {
  const notes: DeadlineNote[] = [];
  if (deadline.moved) {
    const { from, restDay } = deadline.moved;
    const holiday = restDay.kind === 'holiday' && restDay.holiday ? restDay.holiday : null;
    notes.push({ kind: 'moved', from, to: deadline.date, holiday, weekday: weekday(from) });
  }
  if (deadline.adjustedWorkday)
    notes.push({ kind: 'adjusted-workday', date: deadline.date, weekday: weekday(deadline.date), holiday: deadline.adjustedWorkday.holiday });
  if (deadline.makeUp) notes.push({ kind: 'make-up', days: deadline.makeUp.days, holiday: deadline.makeUp.holiday });
  if (deadline.provisional) notes.push({ kind: 'provisional', year: Number(deadline.date.slice(0, 4)) });
  return notes;
}
