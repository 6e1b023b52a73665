// sscard purge <id>: the individual's right to deletion (PIPL Art. 47):
// the person and every record and event about them, in one transaction,
// after confirmation. Nothing about them is kept, not even a purge event;
// a number that is only someone's guardian is erased the same way.
import * as z from 'zod/mini';
import { NotFound } from '../../core/errors.js';
import type { Context } from '../context.js';
import { citizenIdField, confirmed, parseInput, required } from './shared/input.js';
import { noLedger, shownId, writeJson } from './shared/output.js';

export async function run(ctx: Context, args: { id?: string; yes?: boolean }): Promise<void> {
  const raw = { id: await required(ctx, args.id, '<id>', ctx.m.ask.id, 'id') };
  const { id } = parseInput(ctx.m, z.object({ id: citizenIdField(ctx.today) }), raw, { id: '<id>' });
  const notFound = () => new NotFound('person-not-found', ctx.m.errors['purge-not-found']({ id: shownId(ctx, id.number) }));
  const existing = await ctx.openStore({ write: false });
  if (existing === null) throw noLedger(ctx);
  if ((await existing.personEvents(id.number)).length === 0 && !(await existing.mentions(id.number))) throw notFound();
  await confirmed(ctx, args.yes, ctx.m.ask.confirmPurge(shownId(ctx, id.number)));

  const store = await ctx.openStore({ write: true });
  const events = await store.write(async (tx) => {
    if ((await tx.personEvents(id.number)).length === 0 && !(await tx.mentions(id.number))) throw notFound();
    return tx.erasePerson(id.number);
  });
  if (ctx.json) writeJson(ctx, { purged: shownId(ctx, id.number), events });
  else ctx.out.write(`${ctx.m.ledger.purged(shownId(ctx, id.number), events)}\n`);
}
