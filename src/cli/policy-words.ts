// The card policies in words (SPEC 1.8), both languages: their windows,
// consequences and loss rules, for `policies`, `status` and the card commands.
import type { Consequence, Policy } from '../core/policy.js';
import type { Context } from './context.js';

export const policyName = (ctx: Context, policy: Policy): string => `${policy.name[ctx.lang]} (${policy.id})`;

function periodText(ctx: Context, policy: Policy): string | null {
  const window = policy.activation;
  if (window === null) return null;
  const zh = ctx.lang === 'zh';
  const p = window.period;
  if ('months' in p) {
    if (p.months % 12 === 0) return zh ? `${p.months / 12} 年` : `${p.months / 12} year${p.months === 12 ? '' : 's'}`;
    return zh ? `${p.months} 个月` : `${p.months} month${p.months === 1 ? '' : 's'}`;
  }
  return zh ? `${p.days} 天` : `${p.days} day${p.days === 1 ? '' : 's'}`;
}

export function consequenceText(ctx: Context, kind: Consequence): string {
  const zh = ctx.lang === 'zh';
  switch (kind) {
    case 'medical-insurance-restricted':
      return zh ? '原医保卡受限，直至激活' : 'the medical insurance card is restricted until the card is activated';
    case 'sealed':
      return zh ? '逾期封存（该卡作废，须重新申领）' : 'the card is sealed (逾期封存): void, a new card must be applied for';
    case 'social-function-suspended':
      return zh ? '社保功能暂停，直至激活' : 'the social-security function is suspended until the card is activated';
    case 'none':
      return zh ? '无' : 'none';
  }
}

/** "policy guangdong: 1 year from issue to activate, else sealed". */
export function policyWindowText(ctx: Context, policy: Policy): string {
  const zh = ctx.lang === 'zh';
  const window = policy.activation;
  const name = policyName(ctx, policy);
  if (window === null) return zh ? `卡政策 ${name}：无激活期限` : `card policy ${name}: no activation window`;
  const period = periodText(ctx, policy)!;
  const from = { en: { received: 'receipt', issued: 'issue' }, zh: { received: '领卡', issued: '制卡' } }[ctx.lang][window.from];
  const needs = { en: { activated: 'activate', enabled: 'enable' }, zh: { activated: '激活', enabled: '启用社保功能' } }[ctx.lang][window.needs];
  return zh
    ? `卡政策 ${name}：自${from}之日起 ${period}内${needs}，否则${consequenceText(ctx, policy.consequence)}`
    : `card policy ${name}: ${needs} within ${period} of ${from}, else ${consequenceText(ctx, policy.consequence)}`;
}

export function lossRuleText(ctx: Context, policy: Policy): string {
  const zh = ctx.lang === 'zh';
  const after = policy.afterTemporaryLoss;
  return zh
    ? `临时挂失有效 ${policy.temporaryLossDays} 天，期满${after === 'lift' ? '自动解挂' : '卡片注销'}`
    : `a temporary loss holds ${policy.temporaryLossDays} days, then ${after === 'lift' ? 'lifts by itself' : 'the card is cancelled'}`;
}
