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
import type { RestDayCalendar } from './holidays.js';
import type { PolicyBook } from './policy.js';

/** What every decision judges by. `today`: the day the command runs on (`--as-of`, SSCARD_TODAY, else today in China). */
export interface Judging {
  readonly today: IsoDate;
  readonly calendar: RestDayCalendar;
  /** The card policies (SPEC 1.8): a card is judged under its own. */
  readonly policies: PolicyBook;
}

/**
 * The one result of every decision. `value.facts` is what to record (empty:
 * nothing changes, e.g. the same fact recorded again); the rest of `value`
 * is what the facts leave, for the caller to show.
 */
/**
 * A refusal's shape: `reason` its stable code, the rest its parameters. The
 * union of every decision's refusals is `Refusal` (refusal.ts); this module
 * names none of them, so that the deciding modules it serves (card.ts,
 * events.ts, registration.ts, separation.ts) do not import each other
 * through it (test/architecture.test.ts: no cycle).
 */
interface Refused {
  readonly reason: string;
}

/** What a decision allows: the facts to record (events.ts's Fact in every decision; left open here for the same reason). */
interface Allowed {
  readonly facts: readonly object[];
}

export type Decision<T extends Allowed, R extends Refused> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: R };

export const allow = <T extends Allowed>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const refuse = <R extends Refused>(refusal: R): { readonly ok: false; readonly refusal: R } => ({ ok: false, refusal });
