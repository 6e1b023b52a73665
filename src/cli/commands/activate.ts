// sscard activate: records the in-person activation (激活) at an outlet of
// the issuing bank, with the card and the holder's ORIGINAL identity document.
import * as z from 'zod/mini';
import { activationDaysLate, activationDeadline, type Card, cardsAsOf, decideActivation, statusOf } from '../../core/card.js';
import type { Judging } from '../../core/decision.js';
import { policyOf } from '../../core/policy.js';
import { parseCitizenId } from '../../core/citizen-id.js';
import { ecardState, hasActivatedEcard } from '../../core/ecard.js';
import type { Context } from '../context.js';
import { notFound } from './shared/card-change.js';
import { day } from '../text/human.js';
import { cardNumberField, citizenIdField, isoDateField, parseInput, required, textField } from './shared/input.js';
import { cardJson, shownId, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';

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
  const idField = citizenIdField(ctx.today);
  const input = parseInput(
    ctx.m,
    z.object({ card: cardNumberField, idDoc: idField, on: z.optional(isoDateField), outlet: z.optional(textField), guardianId: z.optional(idField) }),
    raw,
    { card: '--card', idDoc: '--id-doc', on: '--on', outlet: '--outlet', guardianId: '--guardian-id' },
  );
  const on = input.on ?? ctx.today;

  const j = judging(ctx);
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
      j,
    );
    if (!decision.ok) refuse(ctx, decision.refusal, { card: input.card });
    await tx.record(holderId, decision.value.facts, ctx.command);
    const after = decision.value.card;
    // The holder's cards as they stand today, with this one as the decision leaves it: the e-card follows the card in force.
    const cards = cardsAsOf(person.cards, ctx.today, j).map((c) => (c.number === after.number ? after : c));
    return { ...decision.value, ecard: person.ecard, cards };
  });

  const card = outcome.card;
  const activatedEcard = hasActivatedEcard(outcome.ecard, outcome.cards);
  if (ctx.json) {
    const status = statusOf(card, j);
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
  ctx.out.write(`${describe(ctx, j, outcome.kind, card, activatedEcard, outcome.ecard !== null)}\n`);
}

function describe(ctx: Context, j: Judging, kind: 'activated' | 'already-activated', card: Card, activatedEcard: boolean, claimed: boolean): string {
  const c = ctx.color;
  const m = ctx.m.activate;
  const on = day(ctx, card.activatedOn!);
  const lines: string[] = [];
  if (kind === 'already-activated') {
    lines.push(m.unchanged(card.number, on));
  } else {
    lines.push(c.green(m.activated(card.number, on, card.outlet)));
    if (card.guardianId !== null) lines.push(m.byGuardian(shownId(ctx, card.guardianId)));
    const policy = policyOf(j.policies, card.policy);
    const late = activationDaysLate(card, policy, ctx.calendar);
    const deadline = activationDeadline(card, policy, ctx.calendar);
    if (late !== null && deadline !== null) lines.push(m.late(late, deadline.date, policy.consequence));
  }
  if (activatedEcard) lines.push(c.green(m.activatedEcard));
  else if (claimed) lines.push(m.claimedInactive);
  else lines.push(c.yellow(m.noEcard));
  return lines.join('\n');
}
