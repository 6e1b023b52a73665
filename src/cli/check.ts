// sscard check: is the ledger sound? The engine's integrity check, the
// cached state against the replay of the events (SPEC 1.6), the schema
// version, and how many rows each table holds.
import { NotFound, Refused } from '../core/errors.js';
import type { Context } from './context.js';
import { shownId, writeJson } from './output.js';

export async function run(ctx: Context): Promise<void> {
  const store = await ctx.openStore({ write: false });
  if (store === null) throw new NotFound('no-ledger', ctx.m.errors['no-ledger']({ action: 'check' }));
  const result = await store.check();
  const differences = result.cacheDifferences.map((d) => ({ ...d, personId: shownId(ctx, d.personId) }));
  if (ctx.json) writeJson(ctx, { ...result, cacheDifferences: differences });
  else {
    const zh = ctx.lang === 'zh';
    const integrity = result.problems.length === 0;
    ctx.out.write(
      `${zh ? '完整性' : 'Integrity'}: ${integrity ? ctx.color.green(zh ? '正常' : 'ok') : ctx.color.red(zh ? '已损坏' : 'DAMAGED')}\n` +
        `${zh ? '状态表与事件重放' : 'Tables = replay of events'}: ${differences.length === 0 ? ctx.color.green(zh ? '一致' : 'yes') : ctx.color.red(zh ? `${differences.length} 处不一致` : `NO, ${differences.length} differences`)}\n` +
        `${zh ? '结构版本' : 'Schema version'}: ${result.schemaVersion}\n`,
    );
    for (const [table, n] of Object.entries(result.rows)) ctx.out.write(`  ${table.padEnd(7)} ${n}\n`);
    for (const d of differences.slice(0, 20)) {
      ctx.out.write(`  ${d.personId} ${d.table}: ${zh ? '表中' : 'table'} ${d.cached ?? '-'}; ${zh ? '事件' : 'events'} ${d.replayed ?? '-'}\n`);
    }
  }
  if (result.problems.length > 0) {
    throw new Refused('ledger-damaged', ctx.m.errors['ledger-damaged']({ problems: result.problems.slice(0, 3).join('; ') }));
  }
  if (differences.length > 0) {
    throw new Refused('cache-differs', ctx.m.errors['cache-differs']({ count: differences.length, first: `${differences[0]!.personId}, ${differences[0]!.table}` }));
  }
}
