// sscard ecard claim: the holder claimed (申领) the electronic social
// security card online (WeChat, Alipay, 掌上12333, a bank app, the national
// platform, UnionPay, a local app): SPEC 1.4.
import * as z from 'zod/mini';
import { currentCard } from '../core/card.js';
import { decideEcardClaim, ECARD_CHANNELS, ecardState, hasActivatedEcard, parseEcardChannel } from '../core/ecard.js';
import { NotFound } from '../core/errors.js';
import type { Context } from './context.js';
import { citizenIdField, type Ctx, fail, isoDateField, parseInput, required } from './input.js';
import { shownId, writeJson } from './output.js';
import { personState } from './person.js';
import { cardsToday } from './policies-data.js';
import { refuse } from './refusals.js';
import { cardStateText, channelText } from './words.js';

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
    const { choose } = await import('./prompt.js');
    raw.channel = await choose(
      ctx,
      ctx.m.ask.ecardChannel,
      ECARD_CHANNELS.map((value) => ({ value, name: ctx.m.values.ecardChannel[value] })),
    );
  }
  const input = parseInput(
    ctx.lang,
    z.object({ id: citizenIdField(ctx.today, ctx.lang), channel: z.optional(channelField), on: z.optional(isoDateField) }),
    raw,
    { id: '--id', channel: '--channel', on: '--on' },
  );
  const holderId = input.id.number;
  const claimedOn = input.on ?? ctx.today;

  const store = await ctx.openStore({ write: true });
  const result = await store.write(async (tx) => {
    const person = await personState(tx, holderId);
    if (!person.exists) {
      throw new NotFound(
        'person-not-found',
        ctx.lang === 'zh'
          ? `台账中没有 ${shownId(ctx, holderId)} 的记录：请先用 \`sscard card issue\` 记录发卡。`
          : `No record for ${shownId(ctx, holderId)} in the ledger; record the card first with \`sscard card issue\`.`,
      );
    }
    const cards = cardsToday(ctx, person.cards);
    const card = currentCard(cards);
    const decision = decideEcardClaim(person.ecard, card, { channel: input.channel ?? null, claimedOn }, ctx.today);
    if (!decision.ok) refuse(ctx, decision.refusal, card?.number ?? '');
    await tx.record(holderId, decision.value.facts, ctx.command);
    return { changed: decision.value.facts.length > 0, claim: decision.value.claim, card, cards };
  });

  const state = ecardState(result.claim, result.cards);
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
  if (ctx.lang === 'zh') {
    const via = result.claim.channel ? `（${channelText(ctx, result.claim.channel)}）` : '';
    const head = result.changed ? `已记录：电子社保卡于 ${result.claim.claimedOn} 申领${via}。` : `电子社保卡已于 ${result.claim.claimedOn} 申领，未做更改。`;
    const tail = activated
      ? '对应的社会保障卡已启用：已有启用的电子社保卡。'
      : `申领电子社保卡不等于实体卡已启用：卡 ${result.card?.number} ${result.card ? cardStateText(ctx, result.card.state) : ''}。请携带卡和身份证原件到发卡银行网点启用。`;
    ctx.out.write(`${head}\n${tail}\n`);
    return;
  }
  const head = result.changed
    ? `Electronic social security card claimed on ${result.claim.claimedOn}${result.claim.channel ? ` via ${channelText(ctx, result.claim.channel)}` : ''}.`
    : `The electronic social security card was already claimed on ${result.claim.claimedOn}; nothing changed.`;
  const tail = activated
    ? 'The card it maps to is activated: there is an activated electronic social security card.'
    : `Having the e-card does not mean the card is activated: card ${result.card?.number} is ${result.card ? cardStateText(ctx, result.card.state) : ''}. Bring it and your ORIGINAL identity document to an outlet of the issuing bank to activate it.`;
  ctx.out.write(`${head}\n${tail}\n`);
}
