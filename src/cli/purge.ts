// sscard purge <id>: the individual's right to deletion (PIPL Art. 47):
// the person and every record and event about them, in one transaction,
// after confirmation. Nothing about them is kept, not even a purge event;
// a number that is only someone's guardian is erased the same way.
import * as z from 'zod/mini';
import { NotFound } from '../core/errors.js';
import type { Context } from './context.js';
import { citizenIdField, confirmed, parseInput } from './input.js';
import { shownId, writeJson } from './output.js';

export async function run(ctx: Context, args: { id: string; yes?: boolean }): Promise<void> {
  const { id } = parseInput(ctx.lang, z.object({ id: citizenIdField(ctx.today, ctx.lang) }), args, { id: '<id>' });
  const notFound = () => new NotFound('person-not-found', `No record for ${shownId(ctx, id.number)} in the ledger; nothing to delete.`);
  const existing = ctx.openStore({ write: false });
  if (existing === null || (existing.person(id.number) === null && !existing.mentions(id.number))) throw notFound();
  await confirmed(ctx, args.yes, ctx.lang === 'zh' ? `删除 ${shownId(ctx, id.number)} 及其全部记录？此操作不可撤销。` : `Delete ${shownId(ctx, id.number)} and every record and event about them? This cannot be undone.`);

  const store = ctx.openStore({ write: true });
  const events = store.write((tx) => {
    if (store.person(id.number) === null && !store.mentions(id.number)) throw notFound();
    const count = store.events(id.number).length;
    tx.erasePerson(id.number);
    return count;
  });
  if (ctx.json) writeJson(ctx, { purged: shownId(ctx, id.number), events });
  else if (ctx.lang === 'zh') ctx.out.write(`已删除 ${shownId(ctx, id.number)} 及其全部记录（${events} 条）。\n`);
  else ctx.out.write(`Deleted ${shownId(ctx, id.number)} and every record about them (${events} events).\n`);
}
