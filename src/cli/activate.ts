// sscard activate: records the in-person activation (启用) at an outlet of
// the issuing bank, with the card and the holder's ORIGINAL identity document.
import * as z from 'zod/mini';
import { activationDaysLate, activationDeadline, type Card, decideActivation } from '../core/card.js';
import { policyOf } from '../core/policy.js';
import { parseCitizenId } from '../core/citizen-id.js';
import { ecardState, hasActivatedEcard } from '../core/ecard.js';
import type { Context } from './context.js';
import { notFound } from './card-change.js';
import { day } from './human.js';
import { cardNumberField, citizenIdField, isoDateField, parseInput, required, textField } from './input.js';
import { cardJson, shownId, writeJson } from './output.js';
import { personState } from './person.js';
import { cardsToday, policyBook, statusToday } from './policies-data.js';
import { refuse } from './refusals.js';

export interface ActivateArgs {
  card?: string;
  idDoc?: string;
  on?: string;
  outlet?: string;
  guardianId?: string;
}

export async function run(ctx: Context, args: ActivateArgs): Promise<void> {
  const raw = {
    ...args,
    card: await required(ctx, args.card, '--card', ctx.m.ask.card, 'card'),
    idDoc: await required(ctx, args.idDoc, '--id-doc', ctx.m.ask.idDoc, 'id'),
  };
  const idField = citizenIdField(ctx.today, ctx.lang);
  const input = parseInput(
    ctx.lang,
    z.object({ card: cardNumberField, idDoc: idField, on: z.optional(isoDateField), outlet: z.optional(textField), guardianId: z.optional(idField) }),
    raw,
    { card: '--card', idDoc: '--id-doc', on: '--on', outlet: '--outlet', guardianId: '--guardian-id' },
  );
  const on = input.on ?? ctx.today;

  const store = await ctx.openStore({ write: true });
  const outcome = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(input.card);
    if (holderId === null) throw notFound(ctx, input.card);
    const person = await personState(tx, holderId);
    const cards = cardsToday(ctx, person.cards);
    const card = cards.find((c) => c.number === input.card)!;
    // The holder's number was validated when recorded; re-read it without a "today" limit.
    const holder = parseCitizenId(holderId, '9999-12-31' as typeof on);
    if (!holder.ok) throw new Error('ledger holds an invalid identity number');
    const decision = decideActivation(
      card,
      { holder: holder.id, idDocument: input.idDoc, on, outlet: input.outlet ?? null, guardian: input.guardianId ?? null },
      ctx.today,
    );
    if (!decision.ok) refuse(ctx, decision.refusal, input.card);
    if (decision.value.kind === 'activated') await tx.record(holderId, decision.value.facts, ctx.command);
    const after = decision.value.card;
    return { ...decision.value, ecard: person.ecard, cards: cards.map((c) => (c.number === after.number ? after : c)) };
  });

  const card = outcome.card;
  const activatedEcard = hasActivatedEcard(outcome.ecard, outcome.cards);
  if (ctx.json) {
    const status = statusToday(ctx, card);
    writeJson(ctx, {
      asOf: ctx.today,
      action: outcome.kind,
      card: cardJson(ctx, status),
      medicalInsurance: status.medicalInsurance,
      ecard: { claimed: outcome.ecard !== null, state: ecardState(outcome.ecard, outcome.cards) },
      activatedEcard,
      guardian: card.guardianId === null ? null : shownId(ctx, card.guardianId),
    });
    return;
  }
  ctx.out.write(`${describe(ctx, outcome.kind, card, activatedEcard, outcome.ecard !== null)}\n`);
}

/** What activating late ended, by the policy's consequence (a sealed card cannot be activated, so it is not among them). */
function lateText(ctx: Context, late: number, deadline: string, consequence: string): string {
  const zh = ctx.lang === 'zh';
  const ended =
    consequence === 'social-function-suspended'
      ? zh
        ? '自激活之日起社保功能恢复'
        : 'the social-security function is back from the day of activation'
      : zh
        ? '自激活之日起医保卡恢复正常'
        : 'the medical insurance card is normal again from the day of activation';
  return zh
    ? `晚于激活期限 ${deadline} ${late} 天；${ended}。`
    : `That was ${late} day${late === 1 ? '' : 's'} after the activation deadline ${deadline}; ${ended}.`;
}

function describe(ctx: Context, kind: 'activated' | 'already-activated', card: Card, activatedEcard: boolean, claimed: boolean): string {
  const c = ctx.color;
  const zh = ctx.lang === 'zh';
  const on = day(ctx, card.activatedOn!);
  const lines: string[] = [];
  if (kind === 'already-activated') {
    lines.push(zh ? `卡 ${card.number} 已于 ${on} 启用，未做更改。` : `Card ${card.number} was already activated on ${on}; nothing changed.`);
  } else {
    const at = card.outlet ? (zh ? `（${card.outlet}）` : ` at ${card.outlet}`) : '';
    lines.push(c.green(zh ? `卡 ${card.number} 已于 ${on} 启用${at}。` : `Card ${card.number} activated on ${on}${at}.`));
    if (card.guardianId !== null) {
      const guardian = shownId(ctx, card.guardianId);
      lines.push(zh ? `由监护人 ${guardian} 代为办理，已记录。` : `Activated by the guardian ${guardian}, as recorded.`);
    }
    const policy = policyOf(policyBook(), card.policy);
    const late = activationDaysLate(card, policy, ctx.calendar);
    const deadline = activationDeadline(card, policy, ctx.calendar);
    if (late !== null && deadline !== null) lines.push(lateText(ctx, late, deadline.date, policy.consequence));
  }
  if (activatedEcard) lines.push(c.green(zh ? '现已有启用的电子社保卡。' : 'There is now an activated electronic social security card.'));
  else if (claimed) lines.push(zh ? '已申领电子社保卡，但当前无效。' : 'The electronic card is claimed but not active.');
  else {
    lines.push(
      c.yellow(
        zh
          ? '尚未申领电子社保卡：启用实体卡不会自动生成电子社保卡。微信申领：我 -> 服务 -> 城市服务 -> 社保 -> 电子社保卡 -> 立即添加。'
          : 'No electronic social security card is claimed yet: activation of the physical card does not create one. Claim it in WeChat: Me -> Pay (or Services) -> City Services -> Social Security -> Electronic Social Security Card -> Add Now.',
      ),
    );
  }
  return lines.join('\n');
}
