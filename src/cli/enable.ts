// sscard enable: the social-security function (启用) was switched on: online,
// at a social security window, at a service bank, or by first use at a
// designated hospital or pharmacy (SPEC 1.3). The financial function is
// activated separately, in person at the bank (`activate`).
import * as z from 'zod/mini';
import { type Card, decideEnable, ENABLE_CHANNELS, type EnableChannel } from '../core/card.js';
import type { Context } from './context.js';
import { notFound } from './card-change.js';
import { cardNumberField, isoDateField, parseInput, required } from './input.js';
import { cardJson, writeJson } from './output.js';
import { personState } from './person.js';
import { cardsToday, statusToday } from './policies-data.js';
import { refuse } from './refusals.js';

export interface EnableArgs {
  card?: string;
  on?: string;
  channel?: string;
}

const CHANNEL_WORDS = {
  en: { window: 'at a social security window', bank: 'at a service bank', online: 'online', hospital: 'by first use at a designated hospital or pharmacy' },
  zh: { window: '在社保服务窗口', bank: '在服务银行网点', online: '在线', hospital: '在定点医院或药店首次使用时' },
} as const;

export async function run(ctx: Context, args: EnableArgs): Promise<void> {
  const raw = { ...args, card: await required(ctx, args.card, '--card', ctx.m.ask.card, 'card') };
  const input = parseInput(
    ctx.lang,
    z.object({ card: cardNumberField, on: z.optional(isoDateField), channel: z.optional(z.enum(ENABLE_CHANNELS)) }),
    { ...raw, channel: raw.channel?.trim().toLowerCase() },
    { card: '--card', on: '--on', channel: '--channel' },
  );
  const on = input.on ?? ctx.today;

  const store = await ctx.openStore({ write: true });
  const { card, changed } = await store.write(async (tx) => {
    const holderId = await tx.cardHolder(input.card);
    if (holderId === null) throw notFound(ctx, input.card);
    const current = cardsToday(ctx, (await personState(tx, holderId)).cards).find((c) => c.number === input.card)!;
    const decision = decideEnable(current, on, input.channel ?? null, ctx.today);
    if (!decision.ok) refuse(ctx, decision.refusal, input.card);
    if (decision.value.card === null) return { card: current, changed: false };
    await tx.record(holderId, decision.value.facts, ctx.command);
    return { card: decision.value.card, changed: true };
  });
  if (ctx.json) writeJson(ctx, { asOf: ctx.today, changed, card: cardJson(ctx, statusToday(ctx, card)) });
  else ctx.out.write(`${enabledText(ctx, card, changed, input.channel ?? null)}\n`);
}

function enabledText(ctx: Context, card: Card, changed: boolean, channel: EnableChannel | null): string {
  const zh = ctx.lang === 'zh';
  if (!changed)
    return zh
      ? `卡 ${card.number} 的社保功能已于 ${card.enabledOn} 启用，未做更改。`
      : `The social-security function of card ${card.number} was already enabled on ${card.enabledOn}; nothing changed.`;
  const how = channel ? CHANNEL_WORDS[ctx.lang][channel] : '';
  const head = zh
    ? `卡 ${card.number} 的社保功能已于 ${card.enabledOn}${how ? ` ${how}` : ''}启用。`
    : `The social-security function of card ${card.number} enabled on ${card.enabledOn}${how ? ` ${how}` : ''}.`;
  if (card.activatedOn !== null) return head;
  return zh
    ? `${head}\n金融功能尚未激活：须本人携带社会保障卡和身份证原件到${card.bank ?? '发卡银行'}网点激活（不能在线激活）；见 \`sscard guide activate\`。`
    : `${head}\nThe financial function is not activated yet: the holder activates it in person at an outlet of ${card.bank ?? 'the issuing bank'} with the card and the ORIGINAL identity document (never online); see \`sscard guide activate\`.`;
}
