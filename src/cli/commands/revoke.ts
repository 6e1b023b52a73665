// sscard revoke <seq>... --reason: withdraws recorded facts that were wrong
// (SPEC 1.6). The revocation is an event of its own, the originals stay in
// the history; refused, with nothing changed, while a later fact still
// standing depends on a revoked one.
import { type LedgerEvent, decideRevocation } from '../../core/events.js';
import { InvalidInput, NotFound } from '../../core/errors.js';
import type { Context } from '../context.js';
import { confirmed, required } from './shared/input.js';
import { shownId, writeJson } from './shared/output.js';
import { refuse } from './shared/refusals.js';

export interface RevokeArgs {
  seqs: string[];
  reason?: string;
  yes?: boolean;
}

export async function run(ctx: Context, args: RevokeArgs): Promise<void> {
  const m = ctx.m.revoke;
  const seqs = [...new Set(args.seqs.map((text) => seqOf(ctx, text)))];
  if (seqs.length === 0) throw new InvalidInput('missing-seq', m.missingSeq);
  const reason = (await required(ctx, args.reason, '--reason', ctx.m.ask.revokeReason)).trim();
  if (reason === '' || reason.length > 500) throw new InvalidInput('invalid-reason', m.invalidReason);

  const reader = await ctx.openStore({ write: false });
  const preview = reader ? await reader.eventsBySeq(seqs) : [];
  missing(ctx, seqs, preview);
  await confirmed(ctx, args.yes, ctx.m.ask.confirmRevoke(preview.map(describeIn(ctx))));

  const store = await ctx.openStore({ write: true });
  const revoked = await store.write(async (tx) => {
    const events = await tx.eventsBySeq(seqs);
    missing(ctx, seqs, events);
    for (const personId of new Set(events.map((e) => e.personId))) {
      const own = events.filter((e) => e.personId === personId).map((e) => e.seq);
      const decision = decideRevocation(await tx.personEvents(personId), own, reason);
      if (!decision.ok) refuse(ctx, decision.refusal);
      await tx.record(personId, decision.value.facts, ctx.command);
    }
    return events;
  });

  if (ctx.json) {
    writeJson(ctx, { reason, revoked: revoked.map((e) => ({ seq: e.seq, kind: e.body.kind, on: e.on, id: shownId(ctx, e.personId) })) });
    return;
  }
  for (const e of revoked) ctx.out.write(`${m.revoked(describeIn(ctx)(e), shownId(ctx, e.personId))}\n`);
  ctx.out.write(`${m.reason(reason)}\n`);
}

/** `#3 registration filed 2026-11-25`: the event's kind in words, as history shows it. */
const describeIn = (ctx: Context) => (e: LedgerEvent) => `#${e.seq} ${ctx.m.history.kinds[e.body.kind] ?? e.body.kind}${e.on ? ` ${e.on}` : ''}`;

function seqOf(ctx: Context, text: string): number {
  const t = text.trim().replace(/^#/, '');
  if (/^[1-9]\d{0,14}$/.test(t)) return Number(t);
  throw new InvalidInput('invalid-seq', ctx.m.revoke.invalidSeq(text.slice(0, 20)));
}

function missing(ctx: Context, seqs: readonly number[], found: readonly LedgerEvent[]): void {
  const absent = seqs.filter((seq) => !found.some((e) => e.seq === seq));
  if (absent.length === 0) return;
  throw new NotFound('event-not-found', ctx.m.revoke.notFound(absent));
}
