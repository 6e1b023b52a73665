// Every refusal of every decision (decision.ts), and which of them are bad
// input. Apart from decision.ts, which the deciding modules import, so that
// naming their refusal types here makes no import cycle.
import type { CardRefusal } from './card.js';
import type { RevocationRefusal } from './events.js';
import type { RegistrationRefusal } from './registration.js';
import type { LeaveRefusal } from './separation.js';

/** Every refusal of every decision: `reason` is its stable code (`--json`'s error code, an import row's code), the rest its parameters. */
export type Refusal = CardRefusal | RegistrationRefusal | LeaveRefusal | RevocationRefusal;

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
