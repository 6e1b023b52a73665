// sscard template: a blank roster to fill in (issue 28 item 14), the header
// row of the columns import reads (formats/ledger-columns.ts, in export's
// order) and nothing else, so that what a clerk fills in imports as it is. In
// xlsx the ID and code columns are formatted as text before anything is typed
// (an ID typed into a number cell is already damaged), the date columns as
// dates. No ledger is read or made.
import type { Writable } from 'node:stream';
import { InvalidInput } from '../../core/errors.js';
import type { Context } from '../context.js';
import { COLUMNS } from '../formats/ledger-columns.js';
import { ROSTER_SHEET } from '../formats/roster/columns.js';
import { send } from './shared/output.js';

export interface TemplateArgs {
  format?: 'csv' | 'xlsx';
  headers?: 'en' | 'zh';
}

export async function run(ctx: Context, args: TemplateArgs): Promise<void> {
  const headers = args.headers ?? 'en';
  if (args.format === 'xlsx') {
    if (ctx.stdoutIsTTY) throw new InvalidInput('xlsx-to-terminal', ctx.m.template.xlsxToTerminal);
    const { createXlsxWriter } = await import('../formats/roster/write-xlsx.js');
    const writer = await createXlsxWriter(ctx.out as unknown as Writable, COLUMNS, {
      headers,
      sheetName: ROSTER_SHEET[headers],
      createdAt: new Date(`${ctx.today}T00:00:00+08:00`),
    });
    await writer.finish();
    return;
  }
  const { csvHeader } = await import('../formats/roster/write-csv.js');
  await send(ctx, csvHeader(COLUMNS, headers));
}
