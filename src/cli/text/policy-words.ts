// The card policies in words (SPEC 1.8), from the catalogue (`policy`): their
// windows, consequences and loss rules, for `policies`, `status` and the card
// commands. A policy's name is data that carries both languages.
import type { Consequence, Policy } from '../../core/policy.js';
import type { Context } from '../context.js';

export const policyName = (ctx: Context, policy: Policy): string => ctx.m.policy.named(policy.name[ctx.lang], policy.id);

export function consequenceText(ctx: Context, kind: Consequence): string {
  return ctx.m.policy.consequence[kind];
}

/** "policy guangdong: 1 year from issue to activate, else sealed". */
export function policyWindowText(ctx: Context, policy: Policy): string {
  const window = policy.activation;
  const period = window === null ? '' : ctx.m.policy.period(window.period);
  return ctx.m.policy.window(policyName(ctx, policy), window, period, consequenceText(ctx, policy.consequence));
}

/** The temporary-loss rule, then each function's own period where the policy has one (Yongkang). */
export function lossRuleText(ctx: Context, policy: Policy): string {
  const own = (['social', 'financial'] as const).flatMap((fn) => {
    const rule = policy.functionLoss?.[fn];
    return rule ? [ctx.m.policy.lossRule(rule, fn)] : [];
  });
  return [ctx.m.policy.lossRule(policy.temporaryLoss), ...own].join(ctx.m.policy.ruleSeparator);
}

/** The policy's place in the user's language (its name is data carrying both), for the region hint of SPEC 1.8. */
export const policyPlace = (ctx: Context, policy: Policy): string => policy.name[ctx.lang];
