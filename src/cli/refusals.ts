// A core Refusal in words: one sentence, never revealing whose card it is.
import type { CardState, Refusal } from '../core/card.js';
import { Refused } from '../core/errors.js';
import type { RegistrationRefusal } from '../core/registration.js';
import type { LeaveRefusal } from '../core/separation.js';
import type { Context } from './context.js';

const STATE_ZH = { issued: '已制卡', received: '已领卡', activated: '已激活', lost: '已挂失', replaced: '已补换', cancelled: '已注销', sealed: '已逾期封存' };

/** `dateField` names the option that carried the date (e.g. --on, --issued-on). */
export function refusalText(ctx: Context, refusal: Refusal, card: string, dateField = '--on'): string {
  const zh = ctx.lang === 'zh';
  switch (refusal.reason) {
    case 'card-not-in-force':
      return zh ? notInForceZh(card, refusal.state) : notInForceEn(card, refusal.state);
    case 'id-mismatch':
      return zh
        ? '所出示的身份证件号码与该卡持卡人不符：启用被拒绝，未做任何更改。请持卡人本人携带身份证原件办理。'
        : "The identity document shown does not match the card's holder, so activation was refused and nothing changed; the holder must bring their own ORIGINAL identity document.";
    case 'date-before-issue':
      return zh
        ? `${dateField} 早于该卡的制卡日期 ${refusal.issuedOn}：请核对日期。`
        : `${dateField} is before the card was issued (${refusal.issuedOn}); check the date.`;
    case 'date-before-receipt':
      return zh
        ? `${dateField} 早于领卡日期 ${refusal.receivedOn}：请核对日期。`
        : `${dateField} is before the card was received (${refusal.receivedOn}); check the date.`;
    case 'date-before-activation':
      return zh
        ? `${dateField} 早于该卡的启用日期 ${refusal.activatedOn}：请核对日期。`
        : `${dateField} is before the card was activated (${refusal.activatedOn}); check the date.`;
    case 'date-before-loss':
      return zh
        ? `${dateField} 早于该卡的挂失日期 ${refusal.lostOn}：请核对日期。`
        : `${dateField} is before the card was reported lost (${refusal.lostOn}); check the date.`;
    case 'date-in-future':
      return zh
        ? `${dateField} 在未来（今天是 ${ctx.today}）：只能记录已经发生的事。`
        : `${dateField} is in the future (today is ${ctx.today}); record things once they have happened.`;
    case 'guardian-required':
      return zh
        ? `持卡人在启用日为 ${refusal.age} 岁：未满 16 周岁须由监护人代为启用，请用 --guardian-id 提供监护人身份证号码。`
        : `The holder is ${refusal.age} on the activation date; a holder under 16 is activated by a guardian: give the guardian's identity number with --guardian-id.`;
    case 'guardian-too-young':
      return zh ? '--guardian-id 所示监护人未满 18 周岁：监护人须为成年人。' : '--guardian-id belongs to someone under 18; the guardian must be an adult.';
    case 'guardian-is-holder':
      return zh ? '--guardian-id 是持卡人本人：请提供监护人的身份证号码。' : "--guardian-id is the holder's own number; give the guardian's identity number.";
    case 'already-received':
      return zh
        ? `卡 ${card} 已于 ${refusal.receivedOn} 领取：领卡日期不能更改。`
        : `Card ${card} was already received on ${refusal.receivedOn}; the ledger keeps that date.`;
    case 'already-activated':
      return zh ? `卡 ${card} 已于 ${refusal.activatedOn} 启用。` : `Card ${card} was already activated on ${refusal.activatedOn}.`;
    case 'has-card-in-force':
      return zh
        ? `此人已有在用的社会保障卡 ${refusal.card}：一人只能有一张在用卡；如卡遗失请先挂失再用 \`sscard card replace\` 补换。`
        : `This person already holds card ${refusal.card} in force and may hold only one; if it is lost, report it with \`sscard card report-loss\` and record the new one with \`sscard card replace\`.`;
    case 'card-number-taken':
      return zh ? `卡号 ${card} 已在台账中：请核对卡号。` : `Card number ${card} is already in the ledger; check the number.`;
    case 'temporary-loss':
      return temporaryLossText(ctx, card);
    case 'loss-not-reported':
      return zh
        ? `卡 ${card} 未挂失：因遗失补领须先正式挂失（\`sscard card report-loss --card ${card}\`）；卡面损坏、到期或信息变更请用对应的 --reason。`
        : `Card ${card} is not reported lost; a replacement for loss needs a formal loss first (\`sscard card report-loss --card ${card}\`), or give the real --reason (damage, expiry, change).`;
    case 'replacement-recorded':
      return zh
        ? `卡 ${card} 已补换为新卡 ${refusal.newCard}，不能再解挂：请使用新卡。`
        : `Card ${card} cannot be un-reported (解挂): a replacement, ${refusal.newCard}, was already recorded for it; use the new card.`;
    case 'not-lost':
      return zh
        ? `卡 ${card} 未挂失（${STATE_ZH[refusal.state]}），无需解挂。`
        : `Card ${card} is not reported lost (it is ${refusal.state}), so there is no loss to lift.`;
    case 'card-not-received':
      return zh
        ? `卡 ${card} 尚未领取：电子社保卡须在领取实体卡后申领（第三代社保卡除外）；领卡后用 \`sscard card receive\` 记录，再申领。`
        : `Card ${card} has not been received yet; the electronic card can be claimed only once the card is in the holder's hands (third-generation cards excepted): record the receipt with \`sscard card receive\` first.`;
    case 'no-card':
      return zh
        ? '此人尚无社会保障卡记录：电子社保卡须对应一张在用的实体卡，请先用 `sscard card issue` 记录。'
        : 'No card is recorded for this person; an electronic card maps to a card in force, so record the card first with `sscard card issue`.';
  }
}

/** Why a card out of force cannot be used, activated or changed: the reason, by state. */
function notInForceEn(card: string, state: CardState): string {
  switch (state) {
    case 'lost':
      return `Card ${card} is reported lost (挂失), so it can no longer be used or activated; once a new card is issued, record it with \`sscard card replace\`.`;
    case 'replaced':
      return `Card ${card} was replaced by a new card (补换卡), so it can no longer be used or activated; use the new card.`;
    case 'cancelled':
      return `Card ${card} is cancelled (注销), so it can no longer be used or activated.`;
    case 'sealed':
      return `Card ${card} is sealed (逾期封存): its policy's window passed without it being activated, so it is void and can no longer be used, enabled or activated; apply for a new card and record it with \`sscard card issue\`.`;
    default:
      return `Card ${card} is ${state}, so this cannot be done with it.`;
  }
}

function notInForceZh(card: string, state: CardState): string {
  switch (state) {
    case 'lost':
      return `卡 ${card} 已挂失，不能再使用或启用；新卡发出后用 \`sscard card replace\` 记录补换。`;
    case 'replaced':
      return `卡 ${card} 已补换为新卡，不能再使用或启用；请使用新卡。`;
    case 'cancelled':
      return `卡 ${card} 已注销，不能再使用或启用。`;
    case 'sealed':
      return `卡 ${card} 已逾期封存：未在卡政策规定的期限内激活，该卡已作废，不能再使用、启用或激活；请重新申领新卡，并用 \`sscard card issue\` 记录。`;
    default:
      return `卡 ${card} ${STATE_ZH[state]}，不能办理此业务。`;
  }
}

/** 补领 needs 正式挂失. */
function temporaryLossText(ctx: Context, card: string): string {
  return ctx.lang === 'zh'
    ? `卡 ${card} 仅为临时挂失：补领须先正式挂失（\`sscard card report-loss --card ${card}\`，不加 --temporary），找回的卡可用 \`sscard card found\` 解挂。`
    : `Card ${card} is only temporarily reported lost; a replacement (补领) needs a formal loss (正式挂失) first: \`sscard card report-loss --card ${card}\` without --temporary (or, if it was found, \`sscard card found\`).`;
}

export function refuse(ctx: Context, refusal: Refusal, card: string, dateField?: string): never {
  throw new Refused(refusal.reason, refusalText(ctx, refusal, card, dateField));
}

export function registrationRefusalText(reason: RegistrationRefusal, field: string, lang: 'en' | 'zh', age = 0): string {
  const zh = lang === 'zh';
  switch (reason) {
    case 'under-age':
      return zh
        ? `${field}：此人在入职日仅 ${age} 周岁；《劳动法》第十五条禁止招用未满 16 周岁的未成年人，未做任何记录。请核对身份证号码和入职日期。`
        : `${field}: the person was ${age} on the hire date; employing anyone under 16 is forbidden (Labour Law Art. 15), so nothing was recorded. Check the identity number and the hire date.`;
    case 'registered-before-hire':
      return zh
        ? `${field} 早于入职日期：职工应在入职当日或之后登记。`
        : `${field} is before the hire date; an employee is registered on or after the hire date.`;
    case 'registration-in-future':
      return zh ? `${field} 在未来：请在实际办理后再记录。` : `${field} is in the future; record a registration once it has been filed.`;
    case 'already-registered':
      return zh
        ? '此次录用已记录了另一个登记日期：台账保留首次登记日期。'
        : 'This hire is already recorded as registered on another date; the ledger keeps the first filing date.';
  }
}

/** Why `leave` (or an import row's left_on) was refused; `field` names the date option or column. */
export function leaveRefusalText(ctx: Context, refusal: LeaveRefusal, field: string): string {
  const zh = ctx.lang === 'zh';
  switch (refusal.reason) {
    case 'no-open-hire':
      return zh
        ? '台账中没有此人在该用人单位的在职记录：请核对 --employer（须与入职记录一致）或先用 `sscard register-employee` 记录入职。'
        : 'The ledger has no open hire of this person by that employer; check --employer (as recorded with the hire) or record the hire first with `sscard register-employee`.';
    case 'several-open-hires':
      return zh
        ? `此人在该用人单位有多条在职记录（入职日期 ${refusal.hiredOn.join('、')}）：请用 --hired-on 指明是哪一条。`
        : `This person has several open hires by that employer (hired on ${refusal.hiredOn.join(', ')}); say which with --hired-on.`;
    case 'left-before-hire':
      return zh ? `${field} 早于入职日期 ${refusal.hiredOn}：请核对日期。` : `${field} is before the hire date ${refusal.hiredOn}; check the date.`;
    case 'already-left':
      return zh
        ? `此次录用已记录于 ${refusal.leftOn} 离职：如日期有误，请先用 \`sscard revoke\` 撤销该记录再重新记录。`
        : `This hire is already recorded as ended on ${refusal.leftOn}; if that date is wrong, revoke it with \`sscard revoke\` and record the right one.`;
    case 'done-before-leaving':
      return zh
        ? `${field} 早于离职日期 ${refusal.leftOn}：转移手续在离职时或之后办理。`
        : `${field} is before the last day ${refusal.leftOn}; the transfer is done on or after leaving.`;
    case 'done-in-future':
      return zh
        ? `${field} 在未来（今天是 ${ctx.today}）：办理后再记录。`
        : `${field} is in the future (today is ${ctx.today}); record the transfer once it is done.`;
    case 'already-done':
      return zh
        ? `此次离职的转移手续已记录于 ${refusal.doneOn} 办理：台账保留该日期（如有误请用 \`sscard revoke\` 撤销）。`
        : `The transfer for this leaver is already recorded as done on ${refusal.doneOn}; revoke it with \`sscard revoke\` if that is wrong.`;
  }
}
