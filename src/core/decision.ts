// One path for every decision (issue 24). A command (`sscard activate`) and a
// roster row (`sscard import`, ledger-row.ts) that ask the same thing get the
// same answer from the same function, because each decision:
//
// - takes the person's state as the ledger holds it (replayed events, never
//   pre-processed by the caller), the request, and `Judging`: what it needs
//   to judge that day (the day, the rest-day calendar, the card policies);
// - applies "the card as it stands" itself (card.ts, cardAsOf: sealed under
//   its policy once the window passed, a temporary loss lapsed), so no
//   caller can forget to;
// - returns one shape, `Decision<T>`: the facts to record (and what they
//   leave), or a refusal with its code (`reason`) and parameters.
//
// The CLI words a refusal from its catalogue by code; a command throws it
// (exit 1, or 2 for the reasons of BAD_INPUT), an import row reports it with
// the same code.
import type { IsoDate } from './calendar-date.js';
import type { CardRefusal } from './card.js';
import type { Fact, RevocationRefusal } from './events.js';
import type { RestDayCalendar } from './holidays.js';
import type { PolicyBook } from './policy.js';
import type { RegistrationRefusal } from './registration.js';
import type { LeaveRefusal } from './separation.js';

/** What every decision judges by. `today`: the day the command runs on (`--as-of`, SSCARD_TODAY, else today in China). */
export interface Judging {
  readonly today: IsoDate;
  readonly calendar: RestDayCalendar;
  /** The card policies (SPEC 1.8): a card is judged under its own. */
  readonly policies: PolicyBook;
}

/** Every refusal of every decision: `reason` is its stable code (`--json`'s error code, an import row's code), the rest its parameters. */
export type Refusal = CardRefusal | RegistrationRefusal | LeaveRefusal | RevocationRefusal;

/**
 * The one result of every decision. `value.facts` is what to record (empty:
 * nothing changes, e.g. the same fact recorded again); the rest of `value`
 * is what the facts leave, for the caller to show.
 */
export type Decision<T extends { readonly facts: readonly Fact[] }, R extends Refusal = Refusal> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: R };

export const allow = <T extends { readonly facts: readonly Fact[] }>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const refuse = <R extends Refusal>(refusal: R): { readonly ok: false; readonly refusal: R } => ({ ok: false, refusal });

/**
 * Refusals that say the input itself cannot be right (a mistyped date, an
 * option that contradicts another): SPEC 2.2's "bad input", exit 2, on
 * either path. Every other refusal is "refused by a rule", exit 1.
 */
const BAD_INPUT: ReadonlySet<Refusal['reason']> = new Set<Refusal['reason']>([
  'expiry-before-issue',
  'flexible-with-employer',
  'hire-date-out-of-range',
  'hire-date-too-far-ahead',
  'hire-date-before-birth',
]);

export const isBadInput = (refusal: Refusal): boolean => BAD_INPUT.has(refusal.reason);
