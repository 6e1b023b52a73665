// sscard ecard claim: the holder claimed (申领) the electronic social
// security card online (WeChat, Alipay, 掌上12333, a bank app, the national
// platform, UnionPay, a local app): SPEC 1.4.
import * as z from 'zod/mini';
import { cardsAsOf, currentCard, isInForce } from '../../core/card.js';
import { decideEcardClaim, ECARD_CHANNELS, ecardState, hasActivatedEcard, parseEcardChannel } from '../../core/ecard.js';
import { NotFound } from '../../core/errors.js';
import type { Context } from '../context.js';
import { citizenIdField, type Ctx, fail, isoDateField, parseInput, required } from './shared/input.js';
import { shownId, writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { judging } from './shared/policies-data.js';
import { refuse } from './shared/refusals.js';
import { cardStateText, channelText } from '../text/words.js';

export interface EcardClaimArgs {
  id?: string;
  channel?: string;
  on?: string;
}

/** A channel by its id or its Chinese name (微信, 支付宝, 掌上12333, 银行APP, 云闪付, 国家政务服务平台, 随申办, ...), any case. */
const channelField = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    const channel = parseEcardChannel(text);
    if (channel !== null) return channel;
    return fail(ctx as Ctx, text, 'ecardChannel');
  }),
);

export async function run(ctx: Context, args: EcardClaimArgs): Promise<void> {
  const raw = { ...args, id: await required(ctx, args.id, '--id', ctx.m.ask.holderId, 'id') };
  if (raw.channel === undefined && ctx.stdinIsTTY) {
    const { choose } = await import('./shared/prompt.js');
    raw.channel = await choose(
      ctx,
      ctx.m.ask.ecardChannel,
      ECARD_CHANNELS.map((value) => ({ value, name: ctx.m.values.ecardChannel[value] })),
    );
  }
  const input = parseInput(ctx.m, z.object({ id: citizenIdField(ctx.today), channel: z.optional(channelField), on: z.optional(isoDateField) }), raw, {
    id: '--id',
    channel: '--channel',
    on: '--on',
  });
  const holderId = input.id.number;
  const claimedOn = input.on ?? ctx.today;

  const j = judging(ctx);
  const store = await ctx.openStore({ write: true });
  const result = await store.write(async (tx) => {
    const person = await personState(tx, holderId);
    if (!person.exists) {
      throw new NotFound('person-not-found', ctx.m.ecardClaim.notFound(shownId(ctx, holderId)));
    }
    // A third-generation card applied for: its e-card exists from the application (SPEC 1.4 v3).
    const application = person.application ?? null;
    const decision = decideEcardClaim(person.ecard, person.cards, { channel: input.channel ?? null, claimedOn }, j, application);
    if (!decision.ok) refuse(ctx, decision.refusal, { card: currentCard(person.cards)?.number ?? '' });
    await tx.record(holderId, decision.value.facts, ctx.command);
    // As they stand today: the e-card follows the card in force (SPEC 1.4).
    const cards = cardsAsOf(person.cards, ctx.today, j);
    return { changed: decision.value.facts.length > 0, claim: decision.value.claim, card: decision.value.card, cards, application };
  });

  const state = ecardState(result.claim, result.cards, result.cards.some(isInForce) ? null : result.application);
  const activated = hasActivatedEcard(result.claim, result.cards);
  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.today,
      changed: result.changed,
      ecard: { claimed: true, state, channel: result.claim.channel, claimedOn: result.claim.claimedOn },
      activatedEcard: activated,
    });
    return;
  }
  const m = ctx.m.ecardClaim;
  const { claim } = result;
  const head = result.changed ? m.claimed(claim.claimedOn, claim.channel ? channelText(ctx, claim.channel) : null) : m.unchanged(claim.claimedOn);
  // No card yet: a third-generation card applied for, whose e-card came with the application.
  const tail = activated ? m.activated : result.card ? m.notActivated(result.card.number, cardStateText(ctx, result.card.state)) : m.cardBeingMade;
  ctx.out.write(`${head}\n${tail}\n`);
}
