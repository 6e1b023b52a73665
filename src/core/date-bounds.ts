// How far a date given by a user may lie from today before it is a typo
// rather than a fact (issue 12: `--hired-on 9999-12-31` was accepted and
// shown "overdue 374,737 days").
import { addMonths, type IsoDate } from './calendar-date.js';

/**
 * The range of any date sscard accepts. Before 1900 no social insurance
 * record exists (the PRC system dates from 1951, resident ID numbers from
 * 1984); after 2099 no card, contract or deadline reaches.
 */
export const EARLIEST_DATE = '1900-01-01' as IsoDate;
export const LATEST_DATE = '2099-12-31' as IsoDate;

export function inRange(date: IsoDate): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}

/**
 * How far ahead a hire may be recorded: a contract signed now may start
 * months later (new graduates sign in autumn and start the next summer), so
 * twelve months ahead are allowed; later than that is a typo.
 */
export const HIRE_MONTHS_AHEAD = 12;

export type HireDateProblem = 'out-of-range' | 'too-far-ahead' | 'before-birth';

/** The last hire date accepted on the day last asked about: an import asks once per row, always about the same day. */
let latestHire: { readonly today: IsoDate; readonly latest: IsoDate } | null = null;

/** Why a hire date cannot be right for a holder born on `birthDate`, or null. */
export function hireDateProblem(hiredOn: IsoDate, birthDate: IsoDate, today: IsoDate): HireDateProblem | null {
  if (!inRange(hiredOn)) return 'out-of-range';
  if (latestHire?.today !== today) latestHire = { today, latest: addMonths(today, HIRE_MONTHS_AHEAD) };
  if (hiredOn > latestHire.latest) return 'too-far-ahead';
  if (hiredOn < birthDate) return 'before-birth';
  return null;
}
