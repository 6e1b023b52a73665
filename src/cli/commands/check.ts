// sscard check: is the ledger sound? The engine's integrity check, the
// cached state against the replay of the events (SPEC 1.6), the schema
// version, and how many rows each table holds.
import { Refused } from '../../core/errors.js';
import type { Context } from '../context.js';
import { noLedger, shownId, writeJson } from './shared/output.js';
import { padded, width } from '../text/human.js';
import { printable } from '../text/safe-text.js';

export async function run(ctx: Context): Promise<void> {
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const result = await store.check();
  // SQLite's findings may span lines ("*** in database main ***\nPage 5: ..."): one line each here.
  const problems = result.problems.map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
  const differences = result.cacheDifferences.map((d) => ({ ...d, personId: shownId(ctx, d.personId) }));
  if (ctx.json) writeJson(ctx, { ...result, problems, cacheDifferences: differences, ...(result.ok ? {} : { restore: ctx.m.ledger.check.restore }) });
  else {
    const m = ctx.m.ledger.check;
    const integrity = result.problems.length === 0;
    ctx.out.write(
      `${m.integrity(integrity ? ctx.color.green(m.ok) : ctx.color.red(m.damaged))}\n` +
        `${m.replay(differences.length === 0 ? ctx.color.green(m.agree) : ctx.color.red(m.differ(differences.length)))}\n` +
        `${m.schemaVersion(result.schemaVersion)}\n`,
    );
    const tables = Object.entries(result.rows).map(([table, n]) => [m.tables[table] ?? table, String(n)] as const);
    const column = Math.max(...tables.map(([name]) => width(name)));
    for (const [name, n] of tables) ctx.out.write(`  ${padded(name, column)} ${n}\n`);
    for (const problem of problems.slice(0, 20)) ctx.out.write(`  ${printable(problem)}\n`);
    for (const d of differences.slice(0, 20)) {
      ctx.out.write(`  ${m.difference(d.personId, m.tables[d.table] ?? d.table, d.cached ?? '-', d.replayed ?? '-')}\n`);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 2).join('; ');
    throw new Refused('ledger-damaged', ctx.m.errors.integrityFailed({ count: problems.length, shown: `${shown}${problems.length > 2 ? '; ...' : ''}` }));
  }
  if (differences.length > 0) {
    throw new Refused(
      'cache-differs',
      ctx.m.errors['cache-differs']({ count: differences.length, first: `${differences[0]!.personId}, ${differences[0]!.table}` }),
    );
  }
}
