// sscard activate: records the in-person activation (启用) at an outlet of
// the issuing bank, with the card and the holder's ORIGINAL identity document.
import * as z from 'zod/mini';
import { activationDaysLate, activationDeadline, type Card, cardStatus, decideActivation } from '../core/card.js';
import { parseCitizenId } from '../core/citizen-id.js';
import { ecardState, hasActivatedEcard } from '../core/ecard.js';
import type { Context } from './context.js';
import { notFound } from './card-change.js';
import { day } from './human.js';
import { cardNumberField, citizenIdField, isoDateField, parseInput, required, textField } from './input.js';
import { cardJson, shownId, writeJson } from './output.js';
import { personState } from './person.js';
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
    const card = person.cards.find((c) => c.number === input.card)!;
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
    return { ...decision.value, ecard: person.ecard };
  });

  const card = outcome.card;
  const activatedEcard = hasActivatedEcard(outcome.ecard, card);
  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.today,
      action: outcome.kind,
      card: cardJson(ctx, card, cardStatus(card, ctx.today, ctx.calendar)),
      medicalInsurance: cardStatus(card, ctx.today, ctx.calendar).medicalInsurance,
      ecard: { claimed: outcome.ecard !== null, state: ecardState(outcome.ecard, card) },
      activatedEcard,
      guardian: card.guardianId === null ? null : shownId(ctx, card.guardianId),
    });
    return;
  }
  ctx.out.write(`${describe(ctx, outcome.kind, card, activatedEcard, outcome.ecard !== null)}\n`);
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
    const late = activationDaysLate(card, ctx.calendar);
    const deadline = activationDeadline(card, ctx.calendar);
    if (late !== null && deadline !== null) {
      lines.push(
        zh
          ? `晚于启用期限 ${deadline.date} ${late} 天；自启用之日起医保卡恢复正常。`
          : `That was ${late} day${late === 1 ? '' : 's'} after the activation deadline ${deadline.date}; the medical insurance card is normal again from the day of activation.`,
      );
    }
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
