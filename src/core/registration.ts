// Social insurance registration of a new employee by the employer
// (参保登记, Social Insurance Law Art. 58): within 30 days from the date of
// employment. Flexible workers (灵活就业人员) register themselves,
// voluntarily and without a deadline.
import type { IsoDate } from './calendar-date.js';
import { ageOn } from './citizen-id.js';
import { type Fact, fact } from './events.js';
import type { RestDayCalendar } from './holidays.js';
import { type Deadline, deadlineOf, type DutyState, dutyStatus } from './period.js';

export type { Hire, HireKind } from './state.js';
import type { Hire, HireKind } from './state.js';

export type RegistrationState = DutyState;

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
  return dutyStatus(registrationDeadline(hire.hiredOn, calendar), hire.registeredOn, today);
}

/**
 * 劳动法 Art. 15 forbids employing minors under 16 (禁止使用童工规定); age
 * counts as reached on the birthday (SPEC 1.5).
 */
export const MINIMUM_WORKING_AGE = 16;

export type RegistrationRefusal = 'registered-before-hire' | 'already-registered' | 'registration-in-future' | 'under-age';

export type RegistrationDecision =
  | { readonly action: 'create' | 'complete' | 'unchanged'; readonly hire: Hire; readonly facts: readonly Fact[] }
  | { readonly action: 'refuse'; readonly reason: RegistrationRefusal; readonly age?: number };

export interface RegistrationRequest {
  readonly kind: HireKind;
  readonly employer: string | null;
  readonly hiredOn: IsoDate;
  readonly registeredOn: IsoDate | null;
  /** The employee's birth date, from the identity number. */
  readonly birthDate: IsoDate;
}

/**
 * What recording a hire means against the hire already on file for the same
 * person, employer and hire date (one hire, never two).
 */
export function decideRegistration(existing: Hire | null, request: RegistrationRequest, today: IsoDate): RegistrationDecision {
  const age = ageOn(request.birthDate, request.hiredOn);
  if (existing === null && age < MINIMUM_WORKING_AGE) return { action: 'refuse', reason: 'under-age', age: Math.max(age, 0) };
  if (request.registeredOn !== null && request.registeredOn < request.hiredOn && request.kind === 'employee') {
    return { action: 'refuse', reason: 'registered-before-hire' };
  }
  if (request.registeredOn !== null && request.registeredOn > today) {
    return { action: 'refuse', reason: 'registration-in-future' };
  }
  const { employer, hiredOn, registeredOn } = request;
  const registered = registeredOn === null ? [] : [fact(registeredOn, { kind: 'hire.registered', employer, hiredOn })];
  if (existing === null) {
    const hire: Hire = { kind: request.kind, employer, hiredOn, registeredOn, leftOn: null, separationDoneOn: null };
    return { action: 'create', hire, facts: [fact(hiredOn, { kind: 'hire.recorded', employer, hiredOn, hireKind: request.kind }), ...registered] };
  }
  if (registeredOn === null || existing.registeredOn === registeredOn) return { action: 'unchanged', hire: existing, facts: [] };
  if (existing.registeredOn !== null) return { action: 'refuse', reason: 'already-registered' };
  return { action: 'complete', hire: { ...existing, registeredOn }, facts: registered };
}
