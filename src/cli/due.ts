// sscard due: the agenda of every open deadline, overdue first. With
// --check, the exit code says whether anything is overdue (for a daily cron job).
import * as z from 'zod/mini';
import { agenda, anyOverdue } from '../core/agenda.js';
import type { Context } from './context.js';
import { EXIT } from './exit.js';
import { day, deadlineWhy, relative } from './human.js';
import { type Ctx, fail, parseInput } from './input.js';
import { deadlineJson, shownId, writeJson } from './output.js';

export interface DueArgs {
  within?: string;
  check?: boolean;
}

const withinField = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    if (/^\d{1,5}$/.test(text.trim())) return Number(text.trim());
    return fail(ctx as Ctx, text, 'days');
  }),
);

const KIND = {
  en: { registration: 'registration', separation: 'transfer on leaving', activation: 'activation' },
  zh: { registration: '参保登记', separation: '离职转移', activation: '启用' },
} as const;

/** Resolves to the exit code: 3 under --check when something is overdue. */
export async function run(ctx: Context, args: DueArgs): Promise<number> {
  const { within } = parseInput(ctx.lang, z.object({ within: z.optional(withinField) }), args, { within: '--within' });
  const store = await ctx.openStore({ write: false });
  const zh = ctx.lang === 'zh';
  const rows = store ? await store.agendaRows(ctx.viewOn) : { hires: [], cards: [] };
  const items = agenda(rows.hires, rows.cards, ctx.asOf, ctx.calendar, within ?? null);

  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.asOf,
      items: items.map((item) => ({
        kind: item.kind,
        id: shownId(ctx, item.personId),
        name: item.name,
        deadline: deadlineJson(ctx, item.deadline),
        state: item.state,
        daysLeft: item.daysLeft,
        employer: item.employer,
        hiredOn: item.hiredOn,
        card: item.card,
      })),
    });
  } else if (items.length === 0) {
    ctx.out.write(
      zh
        ? `截至 ${ctx.asOf}，${within !== undefined ? `${within} 天内` : ''}没有到期或逾期的事项。\n`
        : `Nothing due${within !== undefined ? ` within ${within} days` : ''} and nothing overdue as of ${ctx.asOf}.\n`,
    );
  } else {
    const c = ctx.color;
    const table = items.map((item) => [
      day(ctx, item.deadline.date),
      relative(ctx, item.daysLeft),
      KIND[ctx.lang][item.kind],
      shownId(ctx, item.personId),
      item.name ?? '',
      item.kind === 'activation' ? `${zh ? '卡' : 'card'} ${item.card}` : (item.employer ?? ''),
      deadlineWhy(ctx, item.deadline) ?? '',
    ]);
    const header = zh ? ['期限', '剩余', '事项', '身份证号', '姓名', '对象', '说明'] : ['DEADLINE', 'WHEN', 'WHAT', 'ID', 'NAME', 'FOR', 'NOTE'];
    // A loop, not Math.max(...spread): the agenda may have millions of rows.
    const widths = header.map((h, i) => table.reduce((w, r) => Math.max(w, width(r[i]!)), width(h)));
    const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell))).join('  ').trimEnd();
    ctx.out.write(`${line(header)}\n`);
    items.forEach((item, i) => {
      const text = line(table[i]!);
      ctx.out.write(`${item.state === 'overdue' ? c.red(text) : item.daysLeft <= 7 ? c.yellow(text) : text}\n`);
    });
    const overdue = items.filter((item) => item.state === 'overdue').length;
    ctx.out.write(zh ? `共 ${items.length} 项未办，${overdue} 项已逾期。\n` : `${items.length} open deadline${items.length === 1 ? '' : 's'}, ${overdue} overdue.\n`);
  }
  return args.check && anyOverdue(items) ? EXIT.overdue : EXIT.ok;
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
