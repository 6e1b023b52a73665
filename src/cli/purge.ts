// sscard purge <id>: the individual's right to deletion (PIPL Art. 47):
// the person and every record and event about them, in one transaction,
// after confirmation. Nothing about them is kept, not even a purge event;
// a number that is only someone's guardian is erased the same way.
import * as z from 'zod/mini';
import { NotFound } from '../core/errors.js';
import type { Context } from './context.js';
import { citizenIdField, confirmed, parseInput } from './input.js';
import { noLedger, shownId, writeJson } from './output.js';

export async function run(ctx: Context, args: { id: string; yes?: boolean }): Promise<void> {
  const { id } = parseInput(ctx.lang, z.object({ id: citizenIdField(ctx.today, ctx.lang) }), args, { id: '<id>' });
  const notFound = () => new NotFound('person-not-found', `No record for ${shownId(ctx, id.number)} in the ledger; nothing to delete.`);
  const existing = await ctx.openStore({ write: false });
  if (existing === null) throw noLedger(ctx);
  if ((await existing.personEvents(id.number)).length === 0 && !(await existing.mentions(id.number))) throw notFound();
  await confirmed(ctx, args.yes, ctx.lang === 'zh' ? `删除 ${shownId(ctx, id.number)} 及其全部记录？此操作不可撤销。` : `Delete ${shownId(ctx, id.number)} and every record and event about them? This cannot be undone.`);

  const store = await ctx.openStore({ write: true });
  const events = await store.write(async (tx) => {
    if ((await tx.personEvents(id.number)).length === 0 && !(await tx.mentions(id.number))) throw notFound();
    return tx.erasePerson(id.number);
  });
  if (ctx.json) writeJson(ctx, { purged: shownId(ctx, id.number), events });
  else if (ctx.lang === 'zh') ctx.out.write(`已删除 ${shownId(ctx, id.number)} 及其全部记录（${events} 条）。\n`);
  else ctx.out.write(`Deleted ${shownId(ctx, id.number)} and every record about them (${events} events).\n`);
}
