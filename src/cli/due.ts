// sscard due: the agenda of every open deadline, overdue first; for one
// employer or one kind; as text, JSON, or an iCalendar file for the calendars
// HR staff live in. With --check, the exit code says whether anything is
// overdue (for a daily cron job).
import * as z from 'zod/mini';
import { type AgendaItem, agenda, anyOverdue } from '../core/agenda.js';
import type { Context } from './context.js';
import { EXIT } from './exit.js';
import { day, deadlineWhy, relative, width } from './human.js';
import { type Ctx, fail, parseInput } from './input.js';
import { batched, deadlineJson, noLedger, send, shownId } from './output.js';
import { policyBook } from './policies-data.js';

export interface DueArgs {
  within?: string;
  check?: boolean;
  employer?: string;
  kind?: AgendaItem['kind'];
  format?: 'text' | 'json' | 'ics';
}

const withinField = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    if (/^\d{1,5}$/.test(text.trim())) return Number(text.trim());
    return fail(ctx as Ctx, text, 'days');
  }),
);

const KIND = {
  en: { registration: 'registration', separation: 'transfer on leaving', activation: 'activation', renewal: 'renewal' },
  zh: { registration: '参保登记', separation: '离职转移', activation: '激活', renewal: '换领' },
} as const;

/** The rule behind each kind of deadline, for the calendar's description. */
const LAW = {
  en: {
    registration: 'Social Insurance Law Art. 58: register within 30 days of the hire date',
    separation: "Labour Contract Law Art. 50: transfer the leaver's file and social insurance within 15 days",
    activation: "the card policy's activation window",
    renewal: 'card renewal (换领) may be applied for from 60 days before expiry',
  },
  zh: {
    registration: '《社会保险法》第五十八条：自用工之日起三十日内办理社会保险登记',
    separation: '《劳动合同法》第五十条：十五日内办理档案和社会保险关系转移',
    activation: '卡政策规定的激活期限',
    renewal: '社会保障卡有效期届满前 60 日起可申请换领',
  },
} as const;

/** Resolves to the exit code: 3 under --check when something is overdue. */
export async function run(ctx: Context, args: DueArgs): Promise<number> {
  const { within } = parseInput(ctx.m, z.object({ within: z.optional(withinField) }), args, { within: '--within' });
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const rows = await store.agendaRows(ctx.viewOn);
  // The policies only matter when there are cards to judge: an agenda of hires alone does not read them.
  const policies = rows.cards.length > 0 ? policyBook() : new Map();
  const items = agenda(rows.hires, rows.cards, ctx.asOf, ctx.calendar, within ?? null, policies).filter(
    (item) => (args.employer === undefined || item.employer === args.employer.trim()) && (args.kind === undefined || item.kind === args.kind),
  );
  const format = ctx.json ? 'json' : (args.format ?? 'text');
  if (format === 'json') await json(ctx, items);
  else if (format === 'ics') await ics(ctx, items);
  else await text(ctx, items, within);
  return args.check && anyOverdue(items) ? EXIT.overdue : EXIT.ok;
}

/** Written item by item: the agenda of a large ledger is long. */
async function json(ctx: Context, items: readonly AgendaItem[]): Promise<void> {
  // The same bytes as JSON.stringify(document, null, 2) of the whole, without holding it.
  await send(ctx, `{\n  "asOf": ${JSON.stringify(ctx.asOf)},\n  "items": [`);
  const batch = batched(ctx);
  for (const [i, item] of items.entries()) {
    const document = {
      kind: item.kind,
      id: shownId(ctx, item.personId),
      name: item.name,
      deadline: deadlineJson(ctx, item.deadline),
      state: item.state,
      daysLeft: item.daysLeft,
      employer: item.employer,
      hiredOn: item.hiredOn,
      card: item.card,
    };
    await batch.add(`${i === 0 ? '' : ','}\n    ${JSON.stringify(document, null, 2).replaceAll('\n', '\n    ')}`);
  }
  await batch.flush();
  await send(ctx, `${items.length === 0 ? '' : '\n  '}]\n}\n`);
}

async function ics(ctx: Context, items: readonly AgendaItem[]): Promise<void> {
  const { icsCalendar } = await import('./ics.js');
  const calendar = icsCalendar(
    items.map((item) => ({
      kind: item.kind,
      personShown: shownId(ctx, item.personId),
      name: item.name,
      employer: item.employer,
      deadline: item.deadline.date,
      derivation: [LAW[ctx.lang][item.kind], deadlineWhy(ctx, item.deadline)].filter(Boolean).join(ctx.lang === 'zh' ? '；' : '; '),
      // Stable across runs, so that a newer file updates the calendar's events instead of adding them again.
      identity: [item.personId, item.employer ?? '', item.hiredOn ?? '', item.card ?? ''].join('|'),
    })),
    { stampedAt: new Date(`${ctx.today}T00:00:00+08:00`), m: ctx.m },
  );
  await send(ctx, calendar);
}

async function text(ctx: Context, items: readonly AgendaItem[], within: number | undefined): Promise<void> {
  const zh = ctx.lang === 'zh';
  if (items.length === 0) {
    await send(
      ctx,
      zh
        ? `截至 ${ctx.asOf}，${within !== undefined ? `${within} 天内` : ''}没有到期或逾期的事项。\n`
        : `Nothing due${within !== undefined ? ` within ${within} days` : ''} and nothing overdue as of ${ctx.asOf}.\n`,
    );
    return;
  }
  const c = ctx.color;
  const table = items.map((item) => [
    day(ctx, item.deadline.date),
    relative(ctx, item.daysLeft),
    KIND[ctx.lang][item.kind],
    shownId(ctx, item.personId),
    item.name ?? '',
    item.kind === 'activation' || item.kind === 'renewal' ? `${zh ? '卡' : 'card'} ${item.card}` : (item.employer ?? ''),
    deadlineWhy(ctx, item.deadline) ?? '',
  ]);
  const header = zh ? ['期限', '剩余', '事项', '身份证号', '姓名', '对象', '说明'] : ['DEADLINE', 'WHEN', 'WHAT', 'ID', 'NAME', 'FOR', 'NOTE'];
  // A loop, not Math.max(...spread): the agenda may have millions of rows.
  const widths = header.map((h, i) => table.reduce((w, r) => Math.max(w, width(r[i]!)), width(h)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell)))
      .join('  ')
      .trimEnd();
  await send(ctx, `${line(header)}\n`);
  const batch = batched(ctx);
  for (const [i, item] of items.entries()) {
    const row = line(table[i]!);
    await batch.add(`${item.state === 'overdue' ? c.red(row) : item.daysLeft <= 7 ? c.yellow(row) : row}\n`);
  }
  await batch.flush();
  const overdue = items.filter((item) => item.state === 'overdue').length;
  await send(
    ctx,
    zh ? `共 ${items.length} 项未办，${overdue} 项已逾期。\n` : `${items.length} open deadline${items.length === 1 ? '' : 's'}, ${overdue} overdue.\n`,
  );
}
