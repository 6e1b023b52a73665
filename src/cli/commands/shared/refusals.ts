// A core refusal in words (the catalogue's `refusal`): one sentence, never
// revealing whose card it is. The code is the refusal's own (`reason`), on a
// command as on an import row; bad input (refusal.ts, isBadInput) exits 2,
// every other refusal 1 (SPEC 2.2).
import type { CardRefusal } from '../../../core/card.js';
import { isBadInput, type Refusal } from '../../../core/refusal.js';
import { InvalidInput, Refused } from '../../../core/errors.js';
import type { RevocationRefusal } from '../../../core/events.js';
import { REGISTRATION_REFUSALS, type RegistrationRefusal } from '../../../core/registration.js';
import { LEAVE_REFUSALS, type LeaveRefusal } from '../../../core/separation.js';
import type { Context } from '../../context.js';

/** What a refusal's sentence names: the card (its number), and the option or column the refusal is about (e.g. --on, --issued-on, activated_on). */
export interface RefusalSubject {
  readonly card?: string;
  readonly field?: string;
}

const REVOCATION_REFUSALS: ReadonlySet<string> = new Set<RevocationRefusal['reason']>([
  'revocation-not-revocable',
  'already-revoked',
  'person-record',
  'has-dependents',
]);

export function refusalText(ctx: Context, refusal: Refusal, { card = '', field = '--on' }: RefusalSubject = {}): string {
  const m = ctx.m;
  if (REGISTRATION_REFUSALS.has(refusal.reason)) return m.refusal.registration(refusal as RegistrationRefusal, field, ctx.today);
  if (LEAVE_REFUSALS.has(refusal.reason)) return m.refusal.leave(refusal as LeaveRefusal, field, ctx.today);
  if (REVOCATION_REFUSALS.has(refusal.reason)) {
    const r = refusal as RevocationRefusal;
    switch (r.reason) {
      case 'revocation-not-revocable':
        return m.revoke.isRevocation(r.seq);
      case 'already-revoked':
        return m.revoke.alreadyRevoked(r.seq, r.by);
      case 'person-record':
        return m.revoke.personRecord(r.seq);
      case 'has-dependents':
        return m.revoke.dependents(r.dependents);
    }
  }
  return m.refusal.card(refusal as CardRefusal, card, field, ctx.today);
}

/** A command's refusal: thrown with its code and sentence. */
export function refuse(ctx: Context, refusal: Refusal, subject: RefusalSubject = {}): never {
  const text = refusalText(ctx, refusal, subject);
  throw isBadInput(refusal) ? new InvalidInput(refusal.reason, text) : new Refused(refusal.reason, text);
}
