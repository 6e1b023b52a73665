// sscard card issue: a card was made for a person (not yet in their hands).
import * as z from 'zod/mini';
import { decideIssue, statusOf } from '../../core/card.js';
import type { Context } from '../context.js';
import { cardNumberField, citizenIdField, isoDateField, optional, parseInput, required, textField } from './shared/input.js';
import { cardJson, shownId, writeJson } from './shared/output.js';
import { refuse } from './shared/refusals.js';
import { personState } from './shared/person.js';
import { judging, knownPolicy, regionHint } from './shared/policies-data.js';
import { policyPlace, policyWindowText } from '../text/policy-words.js';
import { policyOf } from '../../core/policy.js';
import { personFacts } from '../../core/events.js';

export interface CardIssueArgs {
  id?: string;
  card?: string;
  bank?: string;
  issuedOn?: string;
  name?: string;
  policy?: string;
  expiresOn?: string;
  generation?: string;
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
    ctx.m,
    z.object({
      id: citizenIdField(ctx.today),
      card: cardNumberField,
      bank: z.optional(textField),
      issuedOn: z.optional(isoDateField),
      name: z.optional(textField),
      expiresOn: z.optional(isoDateField),
      generation: z.optional(z.enum(['2', '3'])),
    }),
    raw,
    { id: '--id', card: '--card', bank: '--bank', issuedOn: '--issued-on', name: '--name', expiresOn: '--expires-on', generation: '--generation' },
  );
  const holderId = input.id.number;
  const issuedOn = input.issuedOn ?? ctx.today;
  const given = args.policy !== undefined ? knownPolicy(ctx, args.policy, '--policy') : null;
  const fallback = knownPolicy(ctx, ctx.defaultPolicy, 'SSCARD_POLICY');
  const expiresOn = input.expiresOn ?? null;

  const j = judging(ctx);
  const store = await ctx.openStore({ write: true });
  const card = await store.write(async (tx) => {
    const person = await personState(tx, holderId);
    // A card made for an open application (card apply) takes that application's policy and generation unless told otherwise.
    const open = person.application && person.application.failedOn === null ? person.application : null;
    const policy = given ?? open?.policy ?? fallback;
    const generation = input.generation !== undefined ? (input.generation === '3' ? 3 : 2) : (open?.generation ?? 2);
    const decision = decideIssue(
      person.cards,
      (await tx.cardHolder(input.card)) !== null,
      { number: input.card, holderId, bank: input.bank ?? null, issuedOn, policy, generation, expiresOn },
      j,
      person.application ?? null,
    );
    if (!decision.ok) {
      const field = decision.refusal.reason === 'expiry-before-issue' ? '--expires-on' : '--issued-on';
      refuse(ctx, decision.refusal, { card: input.card, field });
    }
    await tx.record(holderId, [...personFacts(person, input.name ?? null), ...decision.value.facts], ctx.command);
    return decision.value.card!;
  });

  // SPEC 1.8: no policy given and a shipped one matches the holder's region: say so, never apply it.
  const hint = given === null && ctx.defaultPolicy === 'seed' && card.policy === 'seed' ? regionHint(input.id.regionCode) : null;
  if (ctx.json) {
    writeJson(ctx, { asOf: ctx.today, holder: shownId(ctx, holderId), card: cardJson(ctx, statusOf(card, j)), policyHint: hint?.id ?? null });
    return;
  }
  const window = policyWindowText(ctx, policyOf(j.policies, card.policy));
  ctx.out.write(`${ctx.m.card.issued(card.number, card.bank, issuedOn, shownId(ctx, holderId), window)}\n`);
  if (hint) ctx.out.write(`${ctx.m.card.policyHint(policyPlace(ctx, hint), hint.id)}\n`);
}
