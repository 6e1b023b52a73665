// sscard card ready: the card waits at the outlet (网点签收, 待领卡, SPEC 1.3
// v3); under a policy whose window counts from issue (Guangdong) `due` lists
// its collection.
import * as z from 'zod/mini';
import { decideReady } from '../../core/card.js';
import { policyOf } from '../../core/policy.js';
import type { Context } from '../context.js';
import { policyWindowText } from '../text/policy-words.js';
import { type CardChangeArgs, changeCard } from './shared/card-change.js';
import { parseInput, textField } from './shared/input.js';
import { policyBook } from './shared/policies-data.js';

export async function run(ctx: Context, args: CardChangeArgs & { outlet?: string }): Promise<void> {
  const { outlet } = parseInput(ctx.m, z.object({ outlet: z.optional(textField) }), { outlet: args.outlet }, { outlet: '--outlet' });
  await changeCard(ctx, args, {
    decide: (card, on, j) => decideReady(card, on, outlet ?? null, j),
    done: (ctx, card) => ctx.m.card.ready(card.number, card.readyOn!, card.readyAt, policyWindowText(ctx, policyOf(policyBook(), card.policy))),
  });
}
