// The end of an employment (离职, SPEC 1.7). Within 15 days of the end the
// employer must hand over the employee's file and transfer the social
// insurance relationship (劳动合同法 Art. 50 ¶1), and report an unemployed
// person to the social insurance agency (社会保险法 Art. 50 ¶1). The period is
// counted as every other (Civil Code Art. 201-203, period.ts).
import type { IsoDate } from './calendar-date.js';
import { allow, type Decision, type Judging, refuse } from './decision.js';
import { type Fact, fact } from './events.js';
import { findHire } from './hire-places.js';
import type { RestDayCalendar } from './holidays.js';
import { type Deadline, deadlineOf, type DutyStatus, dutyStatus } from './period.js';
import type { Hire } from './registration.js';

export const SEPARATION_PERIOD = { days: 15 } as const;

export type SeparationStatus = DutyStatus;

export function separationDeadline(leftOn: IsoDate, calendar: RestDayCalendar): Deadline {
  return deadlineOf(leftOn, SEPARATION_PERIOD, calendar);
}

/** Null while the employment has not ended (as of `today`). */
export function separationStatus(hire: Hire, today: IsoDate, calendar: RestDayCalendar): SeparationStatus | null {
  if (hire.leftOn === null) return null;
  return dutyStatus(separationDeadline(hire.leftOn, calendar), hire.separationDoneOn, today);
}

/** Why recording an end is refused; `reason` is the code (decision.ts). */
export type LeaveRefusal =
  | { readonly reason: 'no-open-hire' }
  | { readonly reason: 'several-open-hires'; readonly hiredOn: readonly IsoDate[] }
  | { readonly reason: 'left-before-hire'; readonly hiredOn: IsoDate }
  | { readonly reason: 'already-left'; readonly leftOn: IsoDate }
  | { readonly reason: 'done-before-leaving'; readonly leftOn: IsoDate }
  | { readonly reason: 'done-in-future' }
  | { readonly reason: 'already-done'; readonly doneOn: IsoDate };

export const LEAVE_REFUSALS: ReadonlySet<string> = new Set<LeaveRefusal['reason']>([
  'no-open-hire',
  'several-open-hires',
  'left-before-hire',
  'already-left',
  'done-before-leaving',
  'done-in-future',
  'already-done',
]);

export interface LeaveOutcome {
  /** The hire as the facts leave it. */
  readonly hire: Hire;
  readonly facts: readonly Fact[];
}

export interface LeaveRequest {
  readonly employer: string;
  readonly leftOn: IsoDate;
  /** Picks the hire when the person has several with that employer. */
  readonly hiredOn: IsoDate | null;
  readonly doneOn: IsoDate | null;
}

/**
 * Records the end of a hire (and, with `doneOn`, the transfer). A leaving
 * date may lie ahead (notice given, 劳动合同法 Art. 37); the transfer can only
 * be recorded once done, so not in the future, and not before the last day.
 * Recording the same end again with the transfer date completes it.
 */
export function decideLeave(hires: readonly Hire[], request: LeaveRequest, j: Judging): Decision<LeaveOutcome, LeaveRefusal> {
  const { today } = j;
  // Named by its hire date (every import row), the hire is looked up, not passed over with all others (hire-places.ts).
  const named = request.hiredOn === null ? undefined : findHire(hires, request.employer, request.hiredOn);
  const candidates =
    request.hiredOn === null ? hires.filter((h) => h.kind === 'employee' && h.employer === request.employer) : named?.kind === 'employee' ? [named] : [];
  // The hire that ended on that very day (a second call completing the transfer), else the one still open.
  const hire =
    candidates.find((h) => h.leftOn === request.leftOn) ??
    (() => {
      const open = candidates.filter((h) => h.leftOn === null);
      return open.length === 1 ? open[0] : open.length > 1 ? 'several' : undefined;
    })();
  if (hire === 'several') return refuse({ reason: 'several-open-hires', hiredOn: candidates.filter((h) => h.leftOn === null).map((h) => h.hiredOn) });
  if (hire === undefined) {
    const ended = candidates.find((h) => h.leftOn !== null);
    return refuse(ended ? { reason: 'already-left', leftOn: ended.leftOn! } : { reason: 'no-open-hire' });
  }
  if (request.leftOn < hire.hiredOn) return refuse({ reason: 'left-before-hire', hiredOn: hire.hiredOn });
  const key = { employer: hire.employer, hiredOn: hire.hiredOn };
  const facts: Fact[] = [];
  if (hire.leftOn === null) facts.push(fact(request.leftOn, { kind: 'hire.ended', ...key }));
  if (request.doneOn !== null) {
    if (request.doneOn > today) return refuse({ reason: 'done-in-future' });
    if (request.doneOn < request.leftOn) return refuse({ reason: 'done-before-leaving', leftOn: request.leftOn });
    if (hire.separationDoneOn !== null && hire.separationDoneOn !== request.doneOn) return refuse({ reason: 'already-done', doneOn: hire.separationDoneOn });
    if (hire.separationDoneOn === null) facts.push(fact(request.doneOn, { kind: 'hire.separated', ...key }));
  }
  return allow({ hire: { ...hire, leftOn: request.leftOn, separationDoneOn: request.doneOn ?? hire.separationDoneOn }, facts });
}
