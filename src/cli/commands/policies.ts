// sscard policies [ID]: the card policies (SPEC 1.8), each with its window,
// consequence, loss and renewal rules and the sources they come from.
import { NotFound } from '../../core/errors.js';
import { findPolicy, type Policy } from '../../core/policy.js';
import type { Context } from '../context.js';
import { lossRuleText, policyName, policyWindowText } from '../text/policy-words.js';
import { writeJson } from './shared/output.js';
import { nationalRules, policyBook } from './shared/policies-data.js';

export async function run(ctx: Context, args: { id?: string }): Promise<void> {
  const book = policyBook();
  let policies = [...book.values()];
  if (args.id !== undefined) {
    const policy = findPolicy(book, args.id);
    if (!policy) {
      const known = [...book.keys()].join(', ');
      throw new NotFound('policy-not-found', ctx.m.policy.notFound(JSON.stringify(args.id.slice(0, 40)), known));
    }
    policies = [policy];
  }
  if (ctx.json) writeJson(ctx, { national: nationalRules(), policies: policies.map(({ unknownRules: _, ...data }) => data) });
  else ctx.out.write([...policies.map((p) => policyText(ctx, p)), ...(args.id === undefined ? [nationalText(ctx)] : [])].join('\n'));
}

function policyText(ctx: Context, policy: Policy): string {
  const m = ctx.m.policy;
  const lines = [
    ctx.color.bold(`${policyName(ctx, policy)}${policy.region ? `  ${policy.region}` : ''}`),
    `  ${policyWindowText(ctx, policy)}`,
    `  ${lossRuleText(ctx, policy)}`,
    `  ${m.formalLoss(policy.formalLossLiftable)}`,
    `  ${m.validity(policy.validity)}`,
    `  ${m.renewal(policy.renewalDays, policy.renewalRequired)}`,
    ...(policy.unknownRules.length > 0 ? [`  ${m.unknownRules(policy.unknownRules)}`] : []),
    `  ${m.sources}${ctx.m.rates.sep.trim()}`,
    ...policy.sources.map((s) => `    - ${m.source(s.title, s.url, s.date, s.confidence, s.supports)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function nationalText(ctx: Context): string {
  const m = ctx.m.policy;
  const national = nationalRules();
  return `${ctx.color.bold(m.national)}\n  ${m.renewal(national.renewalDays, true)}\n  ${m.sources}${ctx.m.rates.sep.trim()}\n${national.sources
    .map((s) => `    - ${m.source(s.title, s.url, s.date, s.confidence, s.supports)}\n`)
    .join('')}`;
}
