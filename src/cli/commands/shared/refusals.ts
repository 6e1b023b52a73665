// A core Refusal in words (the catalogue's `refusal`): one sentence, never
// revealing whose card it is.
import type { Refusal } from '../../../core/card.js';
import { Refused } from '../../../core/errors.js';
import type { RegistrationRefusal } from '../../../core/registration.js';
import type { LeaveRefusal } from '../../../core/separation.js';
import type { Context } from '../../context.js';
import type { Messages } from '../../text/messages/index.js';

/** `dateField` names the option that carried the date (e.g. --on, --issued-on). */
export function refusalText(ctx: Context, refusal: Refusal, card: string, dateField = '--on'): string {
  return ctx.m.refusal.card(refusal, card, dateField, ctx.today);
}

export function refuse(ctx: Context, refusal: Refusal, card: string, dateField?: string): never {
  throw new Refused(refusal.reason, refusalText(ctx, refusal, card, dateField));
}

export function registrationRefusalText(reason: RegistrationRefusal, field: string, m: Messages, age = 0): string {
  return m.refusal.registration(reason, field, age);
}

/** Why `leave` (or an import row's left_on) was refused; `field` names the date option or column. */
export function leaveRefusalText(ctx: Context, refusal: LeaveRefusal, field: string): string {
  return ctx.m.refusal.leave(refusal, field, ctx.today);
}
