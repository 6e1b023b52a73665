// What `status` tells the person to do, in words. Which steps apply is
// decided in src/core/status.ts.
import type { NextStep } from '../../core/status.js';
import type { Context } from '../context.js';
import { policyName, policyWindowText } from './policy-words.js';

/** Art. 58 and Art. 84 of the Social Insurance Law, for late and overdue registrations. */
export function lateRegistrationWarning(ctx: Context): string {
  return ctx.m.hire.lateRegistration;
}

export function nextStepText(ctx: Context, step: NextStep): string {
  return ctx.m.nextStep(
    step,
    (policy) => policyName(ctx, policy),
    (policy) => policyWindowText(ctx, policy),
  );
}
