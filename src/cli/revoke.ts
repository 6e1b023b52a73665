// sscard revoke <seq>... --reason: withdraws recorded facts that were wrong
// (SPEC 1.6). The revocation is an event of its own, the originals stay in
// the history; refused, with nothing changed, while a later fact still
// standing depends on a revoked one.
import { type LedgerEvent, decideRevocation } from '../core/events.js';
import { InvalidInput, NotFound, Refused } from '../core/errors.js';
import type { Context } from './context.js';
import { confirmed, required } from './input.js';
import { shownId, writeJson } from './output.js';

export interface RevokeArgs {
  seqs: string[];
  reason?: string;
  yes?: boolean;
}

export async function run(ctx: Context, args: RevokeArgs): Promise<void> {
  const zh = ctx.lang === 'zh';
  const seqs = [...new Set(args.seqs.map((text) => seqOf(ctx, text)))];
  if (seqs.length === 0)
    throw new InvalidInput(
      'missing-seq',
      zh ? '缺少事件序号：用 `sscard history <身份证号>` 查看序号。' : 'Give the number of each event to revoke; `sscard history <id>` shows them.',
    );
  const reason = (await required(ctx, args.reason, '--reason', ctx.m.ask.revokeReason)).trim();
  if (reason === '' || reason.length > 500)
    throw new InvalidInput(
      'invalid-reason',
      zh ? '--reason 须为 1 至 500 个字符的说明。' : '--reason must say in 1 to 500 characters why the records are wrong.',
    );

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
      if (!decision.ok) throw refusal(ctx, decision.refusal);
      await tx.record(personId, decision.facts, ctx.command);
    }
    return events;
  });

  if (ctx.json) {
    writeJson(ctx, { reason, revoked: revoked.map((e) => ({ seq: e.seq, kind: e.body.kind, on: e.on, id: shownId(ctx, e.personId) })) });
    return;
  }
  for (const e of revoked) ctx.out.write(`${zh ? '已撤销' : 'Revoked'} ${describeIn(ctx)(e)} (${shownId(ctx, e.personId)})\n`);
  ctx.out.write(
    zh
      ? `原因：${reason}。原记录保留在历史中；如需更正，请用相应命令记录正确的事实。\n`
      : `Reason: ${reason}. The records stay in the history, marked revoked; record the right facts with the usual commands.\n`,
  );
}

/** `#3 registration filed 2026-11-25`: the event's kind in words, as history shows it. */
const describeIn = (ctx: Context) => (e: LedgerEvent) => `#${e.seq} ${ctx.m.history.kinds[e.body.kind] ?? e.body.kind}${e.on ? ` ${e.on}` : ''}`;

function seqOf(ctx: Context, text: string): number {
  const t = text.trim().replace(/^#/, '');
  if (/^[1-9]\d{0,14}$/.test(t)) return Number(t);
  throw new InvalidInput(
    'invalid-seq',
    ctx.lang === 'zh'
      ? `事件序号 '${text.slice(0, 20)}' 无效：须为正整数，见 \`sscard history\`。`
      : `'${text.slice(0, 20)}' is not an event number: give the whole numbers shown by \`sscard history\`.`,
  );
}

function missing(ctx: Context, seqs: readonly number[], found: readonly LedgerEvent[]): void {
  const absent = seqs.filter((seq) => !found.some((e) => e.seq === seq));
  if (absent.length === 0) return;
  throw new NotFound(
    'event-not-found',
    ctx.lang === 'zh'
      ? `台账中没有序号为 ${absent.join('、')} 的事件：请用 \`sscard history\` 查看。`
      : `The ledger has no event ${absent.map((s) => `#${s}`).join(', ')}; \`sscard history <id>\` lists the numbers.`,
  );
}

function refusal(ctx: Context, r: Exclude<ReturnType<typeof decideRevocation>, { ok: true }>['refusal']): Refused {
  const zh = ctx.lang === 'zh';
  switch (r.reason) {
    case 'is-revocation':
      return new Refused(
        'revocation-not-revocable',
        zh
          ? `#${r.seq} 本身是撤销记录，不能撤销：请重新记录正确的事实。`
          : `#${r.seq} is itself a revocation and cannot be revoked; record the right fact again instead.`,
      );
    case 'already-revoked':
      return new Refused('already-revoked', zh ? `#${r.seq} 已由 #${r.by} 撤销。` : `#${r.seq} was already revoked by #${r.by}.`);
    case 'person-record':
      return new Refused(
        'person-record',
        zh
          ? `#${r.seq} 是此人的首条记录，不能撤销：更正姓名请用 --name，删除此人请用 \`sscard purge\`。`
          : `#${r.seq} records the person and cannot be revoked; correct a name with --name, or erase the person with \`sscard purge\`.`,
      );
    case 'dependents': {
      const list = r.dependents.map((s) => `#${s}`).join(zh ? '、' : ', ');
      return new Refused(
        'has-dependents',
        zh
          ? `仍有记录依赖于要撤销的事件：${list}；如确需撤销，请在同一命令中一并撤销它们。未做任何更改。`
          : `Later records still depend on what you revoke: ${list}; revoke them in the same command if they are wrong too. Nothing changed.`,
      );
    }
  }
}
