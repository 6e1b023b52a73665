// sscard check: is the ledger sound? SQLite's integrity check, the schema
// version, and how many rows each table holds.
import { NotFound, Refused } from '../core/errors.js';
import type { Context } from './context.js';
import { printable } from './safe-text.js';
import { writeJson } from './output.js';

/** The README section the restore steps are in (kept in one place for the messages). */
const RESTORE = 'stop every sscard process, copy your latest backup over the ledger file (delete the -wal and -shm beside it first), then run `sscard check` (README: "Backups and restore")';

export async function run(ctx: Context): Promise<void> {
  const store = ctx.openStore({ write: false });
  if (store === null) throw new NotFound('no-ledger', 'There is no ledger at this path yet; nothing to check.');
  const result = store.check();
  // SQLite's findings may span lines ("*** in database main ***\nPage 5: ..."): one line each here.
  const problems = result.problems.map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
  if (ctx.json) writeJson(ctx, { ...result, problems, ...(result.ok ? {} : { restore: RESTORE }) });
  else {
    const zh = ctx.lang === 'zh';
    ctx.out.write(
      `${zh ? '完整性' : 'Integrity'}: ${result.ok ? ctx.color.green(zh ? '正常' : 'ok') : ctx.color.red(zh ? '已损坏' : 'DAMAGED')}\n${zh ? '结构版本' : 'Schema version'}: ${result.schemaVersion}\n`,
    );
    for (const [table, n] of Object.entries(result.rows)) ctx.out.write(`  ${table.padEnd(7)} ${n}\n`);
    for (const problem of problems.slice(0, 20)) ctx.out.write(`  ${printable(problem)}\n`);
  }
  if (!result.ok) {
    const shown = problems.slice(0, 2).join('; ');
    throw new Refused('ledger-damaged', `The ledger failed SQLite's integrity check with ${problems.length} finding${problems.length === 1 ? '' : 's'} (${shown}${problems.length > 2 ? '; ...' : ''}); to restore it, ${RESTORE}.`);
  }
}
