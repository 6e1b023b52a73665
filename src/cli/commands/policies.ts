// sscard policies [ID]: the card policies (SPEC 1.8), each with its window,
// consequence, loss and renewal rules and the sources they come from.
import { NotFound } from '../../core/errors.js';
import type { Policy } from '../../core/policy.js';
import type { Context } from '../context.js';
import { writeJson } from './shared/output.js';
import { policyBook } from './shared/policies-data.js';
import { lossRuleText, policyName, policyWindowText } from '../text/policy-words.js';

export async function run(ctx: Context, args: { id?: string }): Promise<void> {
  const book = policyBook();
  let policies = [...book.values()];
  if (args.id !== undefined) {
    const policy = book.get(args.id.trim().toLowerCase());
    if (!policy) {
      const known = [...book.keys()].join(', ');
      throw new NotFound('policy-not-found', ctx.m.policy.notFound(JSON.stringify(args.id.slice(0, 40)), known));
    }
    policies = [policy];
  }
  if (ctx.json) writeJson(ctx, { policies });
  else ctx.out.write(policies.map((p) => policyText(ctx, p)).join('\n'));
}

function policyText(ctx: Context, policy: Policy): string {
  const m = ctx.m.policy;
  const lines = [
    ctx.color.bold(`${policyName(ctx, policy)}${policy.region ? `  ${policy.region}` : ''}`),
    `  ${policyWindowText(ctx, policy)}`,
    `  ${lossRuleText(ctx, policy)}`,
    `  ${m.renewal(policy.renewalDays)}`,
    `  ${m.sources}:`,
    ...policy.sources.map((s) => `    - ${m.source(s.title, s.url, s.date, s.confidence)}`),
  ];
  return `${lines.join('\n')}\n`;
}
