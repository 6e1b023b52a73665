// sscard policies [ID]: the card policies (SPEC 1.8), each with its window,
// consequence, loss and renewal rules and the sources they come from.
import { NotFound } from '../core/errors.js';
import type { Policy } from '../core/policy.js';
import type { Context } from './context.js';
import { writeJson } from './output.js';
import { policyBook } from './policies-data.js';
import { lossRuleText, policyName, policyWindowText } from './policy-words.js';

export async function run(ctx: Context, args: { id?: string }): Promise<void> {
  const book = policyBook();
  let policies = [...book.values()];
  if (args.id !== undefined) {
    const policy = book.get(args.id.trim().toLowerCase());
    if (!policy) {
      const known = [...book.keys()].join(', ');
      throw new NotFound(
        'policy-not-found',
        ctx.lang === 'zh'
          ? `没有名为 ${JSON.stringify(args.id.slice(0, 40))} 的卡政策；可选：${known}。`
          : `There is no card policy ${JSON.stringify(args.id.slice(0, 40))}; the known ones are ${known}.`,
      );
    }
    policies = [policy];
  }
  if (ctx.json) writeJson(ctx, { policies });
  else ctx.out.write(policies.map((p) => policyText(ctx, p)).join('\n'));
}

function policyText(ctx: Context, policy: Policy): string {
  const zh = ctx.lang === 'zh';
  const lines = [
    ctx.color.bold(`${policyName(ctx, policy)}${policy.region ? `  ${policy.region}` : ''}`),
    `  ${policyWindowText(ctx, policy)}`,
    `  ${lossRuleText(ctx, policy)}`,
    `  ${zh ? `有效期满前 ${policy.renewalDays} 日起可换领` : `renewal from ${policy.renewalDays} days before expiry`}`,
    `  ${zh ? '来源' : 'Sources'}:`,
    ...policy.sources.map((s) => `    - ${s.title} (${s.url}${s.date ? `, ${s.date}` : ''}; ${zh ? '可信度' : 'confidence'} ${s.confidence})`),
  ];
  return `${lines.join('\n')}\n`;
}
