// Social insurance registration of a new employee by the employer
// (参保登记, Social Insurance Law Art. 58): within 30 days from the date of
// employment. Flexible workers (灵活就业人员) register themselves,
// voluntarily and without a deadline.
import type { IsoDate } from './calendar-date.js';
import { ageOn } from './citizen-id.js';
import { HIRE_MONTHS_AHEAD, hireDateProblem } from './date-bounds.js';
import { allow, type Decision, type Judging, refuse } from './decision.js';
import { type Fact, fact } from './events.js';
import type { RestDayCalendar } from './holidays.js';
import { findHire } from './hire-places.js';
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

/** Why a registration is refused; `reason` is the code (decision.ts). */
export type RegistrationRefusal =
  | { readonly reason: 'registered-before-hire' }
  | { readonly reason: 'already-registered'; readonly registeredOn: IsoDate }
  | { readonly reason: 'registration-in-future' }
  | { readonly reason: 'under-age'; readonly age: number }
  /** 灵活就业人员 register themselves: a flexible worker has no employer (SPEC 1.5). */
  | { readonly reason: 'flexible-with-employer' }
  /** A hire date that cannot be right for this person (issue 12): outside the dates sscard accepts, too far ahead, or before birth. */
  | { readonly reason: 'hire-date-out-of-range'; readonly hiredOn: IsoDate }
  | { readonly reason: 'hire-date-too-far-ahead'; readonly hiredOn: IsoDate; readonly months: number }
  | { readonly reason: 'hire-date-before-birth'; readonly hiredOn: IsoDate };

export const REGISTRATION_REFUSALS: ReadonlySet<string> = new Set<RegistrationRefusal['reason']>([
  'registered-before-hire',
  'already-registered',
  'registration-in-future',
  'under-age',
  'flexible-with-employer',
  'hire-date-out-of-range',
  'hire-date-too-far-ahead',
  'hire-date-before-birth',
]);

export interface RegistrationOutcome {
  readonly action: 'create' | 'complete' | 'unchanged';
  readonly hire: Hire;
  readonly facts: readonly Fact[];
}

export interface RegistrationRequest {
  readonly kind: HireKind;
  readonly employer: string | null;
  readonly hiredOn: IsoDate;
  readonly registeredOn: IsoDate | null;
  /** The employee's birth date, from the identity number. */
  readonly birthDate: IsoDate;
}

/** The highest monthly base accepted (fen): 1,000,000 yuan, far above any city's ceiling; a larger figure is a typing error. */
export const MAX_BASE = 100_000_000;

/**
 * The hire's monthly contribution base (缴费基数, fen), recorded when given and
 * different from the one on file (SPEC 1.9): it applies from the hire date.
 */
export function baseFacts(hire: Hire, base: number | null): Fact[] {
  if (base === null || base === hire.base || hire.kind === 'flexible') return [];
  return [fact(hire.hiredOn, { kind: 'hire.based', employer: hire.employer, hiredOn: hire.hiredOn, base })];
}

/**
 * What recording a hire means against the person's hires on file: a hire is
 * one per person, employer and hire date (never two), so the same hire again
 * is either unchanged or completed with its registration date.
 */
export function decideRegistration(hires: readonly Hire[], request: RegistrationRequest, j: Judging): Decision<RegistrationOutcome, RegistrationRefusal> {
  const { today } = j;
  const { employer, hiredOn, registeredOn } = request;
  if (request.kind === 'flexible' && employer !== null) return refuse({ reason: 'flexible-with-employer' });
  const existing = findHire(hires, employer, hiredOn) ?? null;
  if (existing === null) {
    const problem = hireDateProblem(hiredOn, request.birthDate, today);
    if (problem === 'out-of-range') return refuse({ reason: 'hire-date-out-of-range', hiredOn });
    if (problem === 'too-far-ahead') return refuse({ reason: 'hire-date-too-far-ahead', hiredOn, months: HIRE_MONTHS_AHEAD });
    if (problem === 'before-birth') return refuse({ reason: 'hire-date-before-birth', hiredOn });
    const age = ageOn(request.birthDate, hiredOn);
    if (age < MINIMUM_WORKING_AGE) return refuse({ reason: 'under-age', age });
  }
  if (registeredOn !== null && registeredOn < hiredOn && request.kind === 'employee') return refuse({ reason: 'registered-before-hire' });
  if (registeredOn !== null && registeredOn > today) return refuse({ reason: 'registration-in-future' });
  const registered = registeredOn === null ? [] : [fact(registeredOn, { kind: 'hire.registered', employer, hiredOn })];
  if (existing === null) {
    const hire: Hire = { kind: request.kind, employer, hiredOn, registeredOn, leftOn: null, separationDoneOn: null, base: null };
    const recorded = fact(hiredOn, { kind: 'hire.recorded', employer, hiredOn, hireKind: request.kind });
    return allow({ action: 'create', hire, facts: registered.length === 0 ? [recorded] : [recorded, registered[0]!] });
  }
  if (registeredOn === null || existing.registeredOn === registeredOn) return allow({ action: 'unchanged', hire: existing, facts: [] });
  if (existing.registeredOn !== null) return refuse({ reason: 'already-registered', registeredOn: existing.registeredOn });
  return allow({ action: 'complete', hire: { ...existing, registeredOn }, facts: registered });
}
