// sscard backup <file>: a consistent copy of the ledger, taken with SQLite's
// online backup API, so other sscard processes may keep writing meanwhile.
import fs from 'node:fs';
import { InvalidInput, NotFound, Refused } from '../core/errors.js';
import type { Context } from './context.js';
import { required } from './input.js';
import { writeJson } from './output.js';

export async function run(ctx: Context, args: { file?: string; force?: boolean }): Promise<void> {
  const file = await required(ctx, args.file, '<file>', ctx.m.ask.backupFile);
  if (fs.existsSync(file) && !args.force) {
    throw new InvalidInput('backup-exists', ctx.m.errors['backup-exists']({ file }));
  }
  const store = await ctx.openStore({ write: false });
  if (store === null) throw new NotFound('no-ledger', ctx.m.errors['no-ledger']({ action: 'backup' }));
  try {
    // The copy holds the same personal information: private from its first byte.
    fs.closeSync(fs.openSync(file, 'w', 0o600));
    fs.chmodSync(file, 0o600);
    await store.backupTo(file);
  } catch (error) {
    throw new Refused('backup-failed', ctx.m.errors['backup-failed']({ file, why: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  const bytes = fs.statSync(file).size;
  if (ctx.json) writeJson(ctx, { backup: file, bytes });
  else if (ctx.lang === 'zh') ctx.out.write(`已将台账备份到 ${file}（${bytes} 字节）。恢复：停止 sscard，将备份复制到台账文件，再运行 \`sscard check\`。\n`);
  else ctx.out.write(`Backed up the ledger to ${file} (${bytes} bytes). Restore: stop sscard, copy it over the ledger file, run \`sscard check\`.\n`);
}
