// What `status` tells the person to do, in words. Which steps apply is
// decided in src/core/status.ts.
import type { NextStep } from '../core/status.js';
import type { Context } from './context.js';
import { policyName, policyWindowText } from './policy-words.js';

/** Art. 58 and Art. 84 of the Social Insurance Law, for late and overdue registrations. */
export function lateRegistrationWarning(ctx: Context): string {
  return ctx.lang === 'zh'
    ? '社会保险经办机构将自用工之日起核定应缴纳的社会保险费（《社会保险法》第五十八条）；经责令限期改正逾期仍不登记的，处应缴社会保险费数额一倍以上三倍以下罚款，对直接负责的主管人员和其他直接责任人员处五百元以上三千元以下罚款（第八十四条）。'
    : 'The social insurance agency will assess the premiums owed from the hire date (Social Insurance Law Art. 58); an employer that still fails to register after being ordered to may be fined one to three times the premiums owed, and its responsible managers 500 to 3,000 yuan (Art. 84).';
}

export function nextStepText(ctx: Context, step: NextStep): string {
  const zh = ctx.lang === 'zh';
  switch (step.kind) {
    case 'get-card':
      return zh
        ? '尚无社会保障卡记录：向参保地社保经办机构或合作银行申领；发卡后用 `sscard card issue` 记录。'
        : 'No card is recorded: apply for a social security card at the social insurance agency or a partner bank, then record it with `sscard card issue`.';
    case 'collect-card':
      return zh
        ? `领取社会保障卡 ${step.card}，领卡后用 \`sscard card receive\` 记录（${policyWindowText(ctx, step.policy)}）。`
        : `Collect card ${step.card} and record it with \`sscard card receive\` (${policyWindowText(ctx, step.policy)}).`;
    case 'activate-card': {
      const bank = step.bank ?? (zh ? '发卡银行' : 'the issuing bank');
      const by = step.deadline ? (zh ? `（期限 ${step.deadline.date}）` : ` by ${step.deadline.date}`) : '';
      const window = zh ? `卡政策：${policyName(ctx, step.policy)}` : `card policy: ${policyName(ctx, step.policy)}`;
      if (zh) {
        const missing = step.socialEnabled ? '金融功能未激活' : '社保功能和金融功能均未开通，激活时一并启用社保功能';
        const overdue = step.overdue
          ? `已超过激活期限${step.policy.consequence === 'medical-insurance-restricted' ? '，医保卡受限' : '，社保功能暂停'}：请尽快`
          : '请';
        return `${missing}：${overdue}携带社会保障卡和身份证原件到${bank}柜台激活${step.overdue ? '' : by}；不能在线激活（${window}）。见 \`sscard guide activate\`。`;
      }
      const missing = step.socialEnabled
        ? 'The financial function is not activated'
        : 'Neither function is on yet (activation switches on the social-security function too)';
      const restricted =
        step.policy.consequence === 'medical-insurance-restricted' ? 'your medical insurance card is restricted' : 'the social-security function is suspended';
      const lead = step.overdue ? `The activation deadline has passed and ${restricted}: as soon as you can, bring` : 'Bring';
      return `${missing}. ${lead} the card and your ORIGINAL identity document to a counter of ${bank} to activate it${step.overdue ? '' : by}; a new card cannot be activated online (${window}). See \`sscard guide activate\`.`;
    }
    case 'enable-card': {
      const by = step.deadline ? (zh ? `，期限 ${step.deadline.date}` : ` by ${step.deadline.date}`) : '';
      const window = zh ? `卡政策：${policyName(ctx, step.policy)}` : `card policy: ${policyName(ctx, step.policy)}`;
      return zh
        ? `社保功能未启用：可在线（电子社保卡、掌上12333、国家政务服务平台、本地App）、到社保服务窗口或首次在定点医院使用时启用${by}${step.overdue ? '（已逾期）' : ''}（${window}）。见 \`sscard guide enable\`。`
        : `The social-security function is not enabled: enable it online (e-card, 掌上12333, the national platform, a local app), at a social security window, or by first use at a designated hospital${by}${step.overdue ? ' (overdue)' : ''} (${window}). See \`sscard guide enable\`.`;
    }
    case 'replace-lost-card':
      return zh
        ? `卡 ${step.card} 已正式挂失：到发卡银行或社保经办机构补换卡，新卡发出后用 \`sscard card replace\` 记录。`
        : `Card ${step.card} is formally reported lost: apply for a replacement (补换卡) at the issuing bank or the social insurance agency and record it with \`sscard card replace\`.`;
    case 'temporary-loss': {
      const then = step.after === 'lift' ? (zh ? '期满自动解挂' : 'after that it lifts by itself') : zh ? '期满卡片注销' : 'after that the card is cancelled';
      return zh
        ? `卡 ${step.card} 临时挂失至 ${step.lapsesOn}（${then}）：找回用 \`sscard card found\` 解挂；补领须先正式挂失（\`sscard card report-loss\` 不加 --temporary）。见 \`sscard guide loss\`。`
        : `Card ${step.card} is temporarily reported lost until ${step.lapsesOn} (${then}): if found, record it with \`sscard card found\`; a replacement needs a formal loss first (\`sscard card report-loss\` without --temporary). See \`sscard guide loss\`.`;
    }
    case 'apply-new-card':
      return zh
        ? `卡 ${step.card} 自 ${step.since} 起逾期封存（卡政策 ${policyName(ctx, step.policy)}）：请向社保经办机构或合作银行重新申领新卡，发卡后用 \`sscard card issue\` 记录。`
        : `Card ${step.card} is sealed since ${step.since} (card policy ${policyName(ctx, step.policy)}): apply for a new card at the social insurance agency or a partner bank, then record it with \`sscard card issue\`.`;
    case 'renew-card':
      return zh
        ? `卡 ${step.card} 有效期至 ${step.expiresOn}${step.expired ? '，已过期' : ''}：请申请换领（有效期满前 60 日起可办理），新卡发出后用 \`sscard card replace --reason expiry\` 记录。`
        : `Card ${step.card} expires on ${step.expiresOn}${step.expired ? ' and has expired' : ''}: apply for renewal (换领, possible from 60 days before expiry) and record the new card with \`sscard card replace --reason expiry\`.`;
    case 'claim-ecard':
      return zh
        ? '申领电子社保卡：微信 我 -> 服务 -> 城市服务 -> 社保 -> 电子社保卡 -> 立即添加（也可用支付宝、掌上12333或银行App）。见 `sscard guide ecard`。'
        : 'Claim your electronic social security card: in WeChat, Me -> Pay (or Services) -> City Services -> Social Security -> Electronic Social Security Card -> Add Now (also Alipay, 掌上12333 or a bank app). See `sscard guide ecard`.';
    case 'transfer-on-leaving': {
      const employer = step.employer ?? (zh ? '用人单位' : 'the employer');
      if (zh) {
        return `${employer} 须在 ${step.deadline.date} 前为离职人员转移档案和社会保险关系（《劳动合同法》第五十条），失业的还须向社会保险经办机构报告（《社会保险法》第五十条）${step.overdue ? '：已逾期，请立即办理' : ''}。`;
      }
      return `${employer} must transfer the leaver's file and social insurance relationship by ${step.deadline.date} (Labour Contract Law Art. 50), and report an unemployed leaver to the social insurance agency (Social Insurance Law Art. 50)${step.overdue ? ': overdue, do it now' : ''}.`;
    }
    case 'register-hire': {
      const employer = step.employer ?? (zh ? '用人单位' : 'the employer');
      if (zh) {
        return step.overdue
          ? `${employer} 已超过参保登记期限（${step.deadline.date}）：请立即办理。${lateRegistrationWarning(ctx)}`
          : `${employer} 须在 ${step.deadline.date} 前办理社会保险登记（自用工之日起 30 日内）。见 \`sscard guide register\`。`;
      }
      return step.overdue
        ? `${employer} missed the registration deadline of ${step.deadline.date}: register now. ${lateRegistrationWarning(ctx)}`
        : `${employer} must apply for social insurance registration by ${step.deadline.date} (30 days from hiring). See \`sscard guide register\`.`;
    }
  }
}
