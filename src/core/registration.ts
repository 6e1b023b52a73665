// Social insurance registration of a new employee by the employer
// (参保登记, Social Insurance Law Art. 58): within 30 days from the date of
// employment. Flexible workers (灵活就业人员) register themselves,
// voluntarily and without a deadline.
import { daysBetween, type IsoDate } from './calendar-date.js';
import type { RestDayCalendar } from './holidays.js';
import { type Deadline, deadlineOf, hasPassed } from './period.js';

export type HireKind = 'employee' | 'flexible';

export interface Hire {
  readonly kind: HireKind;
  readonly employer: string | null;
  readonly hiredOn: IsoDate;
  readonly registeredOn: IsoDate | null;
}

export type RegistrationState = 'pending' | 'overdue' | 'on-time' | 'late';

export interface RegistrationStatus {
  readonly deadline: Deadline | null;
  readonly state: RegistrationState;
  /** From today to the deadline: 0 on the deadline day, negative once passed; null once filed or with no deadline. */
  readonly daysLeft: number | null;
  /** Days past the deadline, for late and overdue registrations. */
  readonly daysLate: number | null;
}

export const REGISTRATION_PERIOD = { days: 30 } as const;

export function registrationDeadline(hiredOn: IsoDate, calendar: RestDayCalendar): Deadline {
  return deadlineOf(hiredOn, REGISTRATION_PERIOD, calendar);
}

export function registrationStatus(hire: Hire, today: IsoDate, calendar: RestDayCalendar): RegistrationStatus {
  if (hire.kind === 'flexible') {
    // Voluntary: never late, never overdue.
    return { deadline: null, state: hire.registeredOn ? 'on-time' : 'pending', daysLeft: null, daysLate: null };
  }
  const deadline = registrationDeadline(hire.hiredOn, calendar);
  if (hire.registeredOn !== null) {
    const late = daysBetween(deadline.date, hire.registeredOn);
    return late > 0
      ? { deadline, state: 'late', daysLeft: null, daysLate: late }
      : { deadline, state: 'on-time', daysLeft: null, daysLate: null };
  }
  const daysLeft = daysBetween(today, deadline.date);
  return hasPassed(deadline, today)
    ? { deadline, state: 'overdue', daysLeft, daysLate: -daysLeft }
    : { deadline, state: 'pending', daysLeft, daysLate: null };
}

export type RegistrationDecision =
  | { readonly action: 'create'; readonly hire: Hire }
  | { readonly action: 'complete'; readonly hire: Hire }
  | { readonly action: 'unchanged'; readonly hire: Hire }
  | { readonly action: 'refuse'; readonly reason: 'registered-before-hire' | 'already-registered' | 'registration-in-future' };

/**
 * What recording a hire means against the hire already on file for the same
 * person, employer and hire date (one hire, never two).
 */
export function decideRegistration(
  existing: Hire | null,
  request: { kind: HireKind; employer: string | null; hiredOn: IsoDate; registeredOn: IsoDate | null },
  today: IsoDate,
): RegistrationDecision {
  if (request.registeredOn !== null && request.registeredOn < request.hiredOn && request.kind === 'employee') {
    return { action: 'refuse', reason: 'registered-before-hire' };
  }
  if (request.registeredOn !== null && request.registeredOn > today) {
    return { action: 'refuse', reason: 'registration-in-future' };
  }
  if (existing === null) return { action: 'create', hire: { ...request } };
  if (request.registeredOn === null || existing.registeredOn === request.registeredOn) {
    return { action: 'unchanged', hire: existing };
  }
  if (existing.registeredOn !== null) return { action: 'refuse', reason: 'already-registered' };
  return { action: 'complete', hire: { ...existing, registeredOn: request.registeredOn } };
}
