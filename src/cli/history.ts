// sscard history <id>: every recorded event about a person, oldest first.
import * as z from 'zod/mini';
import { NotFound } from '../core/errors.js';
import type { Context } from './context.js';
import { citizenIdField, parseInput } from './input.js';
import { shownId, writeJson } from './output.js';

export async function run(ctx: Context, args: { id: string }): Promise<void> {
  const { id } = parseInput(ctx.lang, z.object({ id: citizenIdField(ctx.today, ctx.lang) }), args, { id: '<id>' });
  const store = ctx.openStore({ write: false });
  const events = store?.events(id.number) ?? [];
  if (events.length === 0) {
    throw new NotFound('person-not-found', ctx.lang === 'zh' ? `台账中没有 ${shownId(ctx, id.number)} 的任何记录。` : `Nothing is recorded for ${shownId(ctx, id.number)} in the ledger.`);
  }

  if (ctx.json) {
    writeJson(ctx, {
      id: shownId(ctx, id.number),
      events: events.map((e) => ({ seq: e.seq, kind: e.kind, concernsOn: e.concernsOn, recordedAt: e.recordedAt, data: e.data })),
    });
    return;
  }
  ctx.out.write(ctx.lang === 'zh' ? `${shownId(ctx, id.number)} 的全部记录（按时间先后）\n` : `History of ${shownId(ctx, id.number)} (oldest first)\n`);
  for (const e of events) {
    const details = Object.entries(e.data)
      .filter(([, v]) => v !== null && v !== false)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    ctx.out.write(`${e.recordedAt.slice(0, 19).replace('T', ' ')}Z  ${(e.concernsOn ?? '').padEnd(10)}  ${e.kind.padEnd(16)} ${details}\n`);
  }
}
