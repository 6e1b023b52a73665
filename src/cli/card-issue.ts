// sscard card issue: a card was made for a person (not yet in their hands).
import * as z from 'zod/mini';
import { cardStatus, decideIssue } from '../core/card.js';
import type { Context } from './context.js';
import { cardNumberField, citizenIdField, isoDateField, optional, parseInput, required, textField } from './input.js';
import { cardJson, shownId, writeJson } from './output.js';
import { refuse } from './refusals.js';
import { personState } from './person.js';
import { personFacts } from '../core/events.js';

export interface CardIssueArgs {
  id?: string;
  card?: string;
  bank?: string;
  issuedOn?: string;
  name?: string;
}

export async function run(ctx: Context, args: CardIssueArgs): Promise<void> {
  const raw = {
    ...args,
    id: await required(ctx, args.id, '--id', ctx.m.ask.holderId, 'id'),
    card: await required(ctx, args.card, '--card', ctx.m.ask.card, 'card'),
  };
  // At a terminal the issue date and bank are asked for, never assumed (SPEC 2.1); the bank may be left empty (unknown).
  if (ctx.stdinIsTTY) {
    raw.issuedOn = await required(ctx, args.issuedOn, '--issued-on', ctx.m.ask.issuedOn, 'date');
    raw.bank = await optional(ctx, args.bank, '--bank', ctx.m.ask.bank);
  }
  const input = parseInput(
    ctx.lang,
    z.object({
      id: citizenIdField(ctx.today, ctx.lang),
      card: cardNumberField,
      bank: z.optional(textField),
      issuedOn: z.optional(isoDateField),
      name: z.optional(textField),
    }),
    raw,
    { id: '--id', card: '--card', bank: '--bank', issuedOn: '--issued-on', name: '--name' },
  );
  const holderId = input.id.number;
  const issuedOn = input.issuedOn ?? ctx.today;

  const store = await ctx.openStore({ write: true });
  const card = await store.write(async (tx) => {
    const person = await personState(tx, holderId);
    const decision = decideIssue(
      person.cards,
      (await tx.cardHolder(input.card)) !== null,
      { number: input.card, holderId, bank: input.bank ?? null, issuedOn, policy: 'seed', generation: 2, expiresOn: null },
      ctx.today,
    );
    if (!decision.ok) refuse(ctx, decision.refusal, input.card, '--issued-on');
    await tx.record(holderId, [...personFacts(person, input.name ?? null), ...decision.value.facts], ctx.command);
    return decision.value.card!;
  });

  if (ctx.json) {
    writeJson(ctx, { asOf: ctx.today, holder: shownId(ctx, holderId), card: cardJson(ctx, card, cardStatus(card, ctx.today, ctx.calendar)) });
    return;
  }
  if (ctx.lang === 'zh') {
    ctx.out.write(`已记录：卡 ${card.number}${card.bank ? `（${card.bank}）` : ''} 于 ${issuedOn} 为 ${shownId(ctx, holderId)} 制卡。\n持卡人领卡后用 \`sscard card receive\` 记录，六个月启用期限自领卡之日起算。\n`);
    return;
  }
  ctx.out.write(
    `Card ${card.number}${card.bank ? ` (${card.bank})` : ''} issued on ${issuedOn} to ${shownId(ctx, holderId)}.\n` +
      'When the holder has it in hand, record that with `sscard card receive`; the six-month activation window starts then.\n',
  );
}
