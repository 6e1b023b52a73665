// sscard purge <id>: the individual's right to deletion (PIPL Art. 47):
// the person and every record and event about them, in one transaction,
// after confirmation. Nothing about them is kept, not even a purge event;
// a number that is only someone's guardian is erased the same way.
import * as z from 'zod/mini';
import { NotFound } from '../../core/errors.js';
import type { LedgerReader } from '../../store/store.js';
import type { Context } from '../context.js';
import { citizenIdField, confirmed, parseInput, required } from './shared/input.js';
import { noLedger, shownId, writeJson } from './shared/output.js';

export async function run(ctx: Context, args: { id?: string; yes?: boolean }): Promise<void> {
  const raw = { id: await required(ctx, args.id, '<id>', ctx.m.ask.id, 'id') };
  const { id } = parseInput(ctx.m, z.object({ id: citizenIdField(ctx.today) }), raw, { id: '<id>' });
  const notFound = () => new NotFound('person-not-found', ctx.m.errors['purge-not-found']({ id: shownId(ctx, id.number) }));
  const existing = await ctx.openStore({ write: false });
  if (existing === null) throw noLedger(ctx);
  const recorded = async (reader: LedgerReader) => (await reader.personEvents(id.number)).length > 0 || (await reader.mentions(id.number));
  // Issue 29 item 5: a purge killed after its commit, or stopped by a reader before its checkpoint, left no
  // rows but copies in unused pages or the WAL; purging again finishes the rewrite, so it can always be completed.
  const stale = !(await recorded(existing)) && (await existing.staleCopies?.(id.number)) === true;
  if (!stale && !(await recorded(existing))) throw notFound();
  await confirmed(ctx, args.yes, ctx.m.ask.confirmPurge(shownId(ctx, id.number)));

  const store = await ctx.openStore({ write: true });
  const events = await store.write(async (tx) => {
    if (!stale && !(await recorded(tx))) throw notFound();
    return tx.erasePerson(id.number);
  });
  if (ctx.json) writeJson(ctx, { purged: shownId(ctx, id.number), events, ...(stale ? { staleCopiesErased: true } : {}) });
  else ctx.out.write(`${stale && events === 0 ? ctx.m.ledger.purgedStale(shownId(ctx, id.number)) : ctx.m.ledger.purged(shownId(ctx, id.number), events)}\n`);
}
