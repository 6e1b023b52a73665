// sscard purge <id>: the individual's right to deletion (PIPL Art. 47):
// the person and every record and event about them, in one transaction,
// after confirmation. Nothing about them is kept, not even a purge event.
import * as z from 'zod/mini';
import { NotFound } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { citizenIdField, confirmed, parseInput, required } from './input.js';
import { shownId, writeJson } from './output.js';

export async function run(ctx: Context, args: { id?: string; yes?: boolean }): Promise<void> {
  const raw = { id: await required(ctx, args.id, '<id>', ctx.m.ask.id, 'id') };
  const { id } = parseInput(ctx.lang, z.object({ id: citizenIdField(ctx.today, ctx.lang) }), raw, { id: '<id>' });
  const notFound = () => new NotFound('person-not-found', ctx.m.errors['purge-not-found']({ id: shownId(ctx, id.number) }));
  const existing = await ctx.openStore({ write: false });
  if (existing === null || (await existing.personEvents(id.number)).length === 0 && !(await isGuardian(existing, id.number))) throw notFound();
  await confirmed(ctx, args.yes, ctx.m.ask.confirmPurge(shownId(ctx, id.number)));

  const store = await ctx.openStore({ write: true });
  const events = await store.write((tx) => tx.erasePerson(id.number));
  if (ctx.json) writeJson(ctx, { purged: shownId(ctx, id.number), events });
  else if (ctx.lang === 'zh') ctx.out.write(`已删除 ${shownId(ctx, id.number)} 及其全部记录（${events} 条）。\n`);
  else ctx.out.write(`Deleted ${shownId(ctx, id.number)} and every record about them (${events} events).\n`);
}

/** A number recorded only as someone's guardian is personal data too, and purgeable (SPEC 3.1). */
async function isGuardian(store: Store, id: string): Promise<boolean> {
  for await (const person of store.everyone(null)) if (person.cards.some((c) => c.guardianId === id)) return true;
  return false;
}
