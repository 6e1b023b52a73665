// sscard backup <file>: a consistent copy of the ledger, taken while other
// sscard processes may keep writing (src/store/sqlite/backup.ts).
import fs from 'node:fs';
import { redactIds } from '../../core/masking.js';
import { InvalidInput, Refused } from '../../core/errors.js';
import type { Context } from '../context.js';
import { writeFailureKind } from '../exit.js';
import { required } from './shared/input.js';
import { noLedger, writeJson } from './shared/output.js';
import { printable } from '../text/safe-text.js';

export async function run(ctx: Context, args: { file?: string; force?: boolean }): Promise<void> {
  const file = await required(ctx, args.file, '<file>', ctx.m.ask.backupFile);
  if (fs.existsSync(file) && !args.force) {
    throw new InvalidInput('backup-exists', ctx.m.errors['backup-exists']({ file }));
  }
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  try {
    await store.backupTo(file);
  } catch (error) {
    if ((error as Error).name === 'Refused') throw error;
    const refused = writeFailureKind((error as NodeJS.ErrnoException).code);
    if (refused) throw new Refused('backup-write-failed', ctx.m.errors['backup-write-failed']({ file, kind: refused }));
    throw new Refused(
      'backup-failed',
      ctx.m.errors['backup-failed']({ file, why: ctx.m.cause((error as NodeJS.ErrnoException).code ?? (error as Error).message) }),
    );
  }
  const bytes = fs.statSync(file).size;
  // The path may hold an identity number (a file named after a person): masked like any echoed input.
  const shown = printable(redactIds(file));
  if (ctx.json) writeJson(ctx, { backup: redactIds(file), bytes });
  else ctx.out.write(`${ctx.m.ledger.backedUp(shown, bytes)}\n`);
}
