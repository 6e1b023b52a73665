// sscard check: is the ledger sound? SQLite's integrity check, the schema
// version, and how many rows each table holds.
import { NotFound, Refused } from '../core/errors.js';
import type { Context } from './context.js';
import { writeJson } from './output.js';

export async function run(ctx: Context): Promise<void> {
  const store = ctx.openStore({ write: false });
  if (store === null) throw new NotFound('no-ledger', 'There is no ledger at this path yet; nothing to check.');
  const result = store.check();
  if (ctx.json) writeJson(ctx, result);
  else {
    const zh = ctx.lang === 'zh';
    ctx.out.write(
      `${zh ? '完整性' : 'Integrity'}: ${result.ok ? ctx.color.green(zh ? '正常' : 'ok') : ctx.color.red(zh ? '已损坏' : 'DAMAGED')}\n${zh ? '结构版本' : 'Schema version'}: ${result.schemaVersion}\n`,
    );
    for (const [table, n] of Object.entries(result.rows)) ctx.out.write(`  ${table.padEnd(7)} ${n}\n`);
  }
  if (!result.ok) {
    throw new Refused('ledger-damaged', `The ledger failed SQLite's integrity check (${result.problems.slice(0, 3).join('; ')}); restore it from a backup.`);
  }
}
