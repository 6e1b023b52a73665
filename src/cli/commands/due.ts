// sscard due: the agenda of every open deadline, overdue first; for one
// employer or one kind; as text, JSON, or an iCalendar file for the calendars
// HR staff live in. With --check, the exit code says whether anything is
// overdue (for a daily cron job).
import * as z from 'zod/mini';
import { type AgendaItem, agendaOrder, agendaStream, byOpenWork } from '../../core/agenda.js';
import type { Deadline } from '../../core/period.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit.js';
import { day, deadlineWhy, padded, relative, width } from '../text/human.js';
import { alignedTable } from './shared/aligned-table.js';
import { didYouMean, employerFilter } from './shared/employer-filter.js';
import { type Ctx, fail, parseInput } from './shared/input.js';
import { batched, deadlineJson, noLedger, send, shownId } from './shared/output.js';
import { contributionTable } from './shared/contributions-data.js';
import { type CostBook, cityOfEmployer, costJson, costOf, openCutoff } from './shared/cost.js';
import { daysBetween, type IsoDate } from '../../core/calendar-date.js';
import type { Store } from '../../store/store.js';
import { policyBook } from './shared/policies-data.js';

export interface DueArgs {
  within?: string;
  check?: boolean;
  employer?: string;
  kind?: AgendaItem['kind'];
  format?: 'text' | 'json' | 'ics';
  byEmployer?: boolean;
}

const withinField = z.pipe(
  z.string(),
  z.transform((text: string, ctx) => {
    if (/^\d{1,5}$/.test(text.trim())) return Number(text.trim());
    return fail(ctx as Ctx, text, 'days');
  }),
);

/** Resolves to the exit code: 3 under --check when something is overdue. */
export async function run(ctx: Context, args: DueArgs): Promise<number> {
  const { within } = parseInput(ctx.m, z.object({ within: z.optional(withinField) }), args, { within: '--within' });
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const employer = employerFilter(args.employer);
  // The employer is asked in the store's query: only its hires are read and sorted (issue 31).
  const sources = await store.agendaRows(
    ctx.viewOn,
    agendaOrder(ctx.calendar, policyBook),
    employer === null ? undefined : { employerMatches: (name) => employer.matches(name) },
  );
  // The HR month (SPEC 1.9): each open registration's and separation's 增员/减员 cut-off where its employer's
  // city has one known; --within counts an item whose cut-off falls in the window, even if its deadline does not.
  const book = await hrMonth(ctx, store);
  // biome-ignore lint/complexity/useOptionalChain: `book !== null` is what narrows book for the lines using anyCutoff
  const anyCutoff = book !== null && book.table.years.some((y) => y.cutoff !== null && [...book.employers.values()].some((e) => e.city === y.city));
  // Asked twice for an item (--within, then the line): remembered while the item lives, not after. A Map held
  // every item of the agenda (1,000,000 hires, 400,000 open: 246 MiB peak against 129 before employers were recorded).
  const cutoffs = new WeakMap<AgendaItem, Cutoff>();
  const cutoffOfItem = (item: AgendaItem): Cutoff => {
    // No employer's city has a cut-off loaded: openCutoff would say null for every item.
    if (!anyCutoff || (item.kind !== 'registration' && item.kind !== 'separation')) return null;
    let found = cutoffs.get(item);
    if (found === undefined) {
      const starts = item.kind === 'registration' ? item.hiredOn : (item.leftOn ?? null);
      found = openCutoff(book, item.employer, starts, item.state, ctx.today);
      cutoffs.set(item, found);
    }
    return found;
  };
  const inWindow = (item: AgendaItem) => {
    if (within === undefined || item.daysLeft <= within) return true;
    const cutoff = cutoffOfItem(item);
    return cutoff !== null && daysBetween(ctx.today, cutoff.date) <= within;
  };
  const wanted = (item: AgendaItem) =>
    (employer === null || employer.matches(item.employer)) && (args.kind === undefined || item.kind === args.kind) && inWindow(item);
  /** The agenda, a page at a time. */
  const open: Agenda = {
    async *[Symbol.asyncIterator]() {
      // With cut-offs known, the stream cannot stop at the window's last deadline: an item's cut-off may come first.
      for await (const page of agendaStream(sources, ctx.today, ctx.calendar, anyCutoff ? null : (within ?? null), policyBook)) {
        const shown = page.filter(wanted);
        if (shown.length > 0) yield shown;
      }
    },
  };
  const format = ctx.json ? 'json' : (args.format ?? 'text');
  if (args.byEmployer) {
    const overdue = await byEmployer(ctx, open, format === 'json');
    didYouMean(ctx, args.employer, employer);
    return args.check && overdue > 0 ? EXIT.overdue : EXIT.ok;
  }
  const overdue =
    format === 'json' ? await json(ctx, open, book, cutoffOfItem) : format === 'ics' ? await ics(ctx, open) : await text(ctx, open, within, cutoffOfItem);
  didYouMean(ctx, args.employer, employer);
  return args.check && overdue > 0 ? EXIT.overdue : EXIT.ok;
}

/**
 * `due --by-employer`: the open registrations and separations counted per employer, most overdue first (the web
 * agenda's side table, at the command line). Card deadlines belong to no employer and are not counted. The
 * employers are few beside the items: the counts are held, the items streamed.
 */
async function byEmployer(ctx: Context, agenda: Agenda, json: boolean): Promise<number> {
  const counts = new Map<string | null, { open: number; overdue: number }>();
  let overdue = 0;
  for await (const page of agenda) {
    for (const item of page) {
      if (item.state === 'overdue') overdue++;
      if (item.kind !== 'registration' && item.kind !== 'separation') continue;
      const c = counts.get(item.employer) ?? { open: 0, overdue: 0 };
      c.open++;
      if (item.state === 'overdue') c.overdue++;
      counts.set(item.employer, c);
    }
  }
  const rows = [...counts].sort(byOpenWork);
  if (json) {
    await send(ctx, `${JSON.stringify({ asOf: ctx.today, employers: rows.map(([employer, c]) => ({ employer, ...c })) }, null, 2)}\n`);
    return overdue;
  }
  const words = ctx.m.due.byEmployer;
  if (rows.length === 0) {
    await send(ctx, `${words.nothing}\n`);
    return overdue;
  }
  const table = [[...words.header], ...rows.map(([employer, c]) => [employer ?? words.none, String(c.open), String(c.overdue)])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => width(r[i]!))));
  await send(
    ctx,
    table
      .map(
        (r) =>
          `${r
            .map((cell, i) => padded(cell, widths[i]!))
            .join('  ')
            .trimEnd()}\n`,
      )
      .join(''),
  );
  return overdue;
}

/** Open deadlines, most urgent first, a page at a time. */
type Agenda = AsyncIterable<readonly AgendaItem[]>;

/**
 * Written item by item: the agenda of a large ledger is long. The same bytes
 * as JSON.stringify(document, null, 2) of the whole (a test compares them),
 * each item built from its parts: a million items through the generic
 * indenting serializer cost a third of the command.
 */
type Cutoff = { readonly date: IsoDate; readonly month: string } | null;

/** Employers and contribution data, when any employer is recorded (else nothing about cut-offs or costs is known). */
async function hrMonth(ctx: Context, store: Store): Promise<CostBook | null> {
  const employers = await store.employers();
  if (employers.length === 0) return null;
  return { table: await contributionTable(ctx, store), employers: new Map(employers.map((e) => [e.name, e])) };
}

async function json(ctx: Context, agenda: Agenda, book: CostBook | null, cutoffOfItem: (item: AgendaItem) => Cutoff): Promise<number> {
  await send(ctx, `{\n  "asOf": ${JSON.stringify(ctx.today)},\n  "items": [`);
  const batch = batched(ctx);
  const deadlines = new Map<Deadline, string>();
  const deadlineText = (deadline: Deadline) => {
    let text = deadlines.get(deadline);
    if (text === undefined) deadlines.set(deadline, (text = JSON.stringify(deadlineJson(ctx, deadline), null, 2).replaceAll('\n', '\n      ')));
    return text;
  };
  const q = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
  // Each item is 7 strings joined, most of them made once and shared: the kind's lines, the deadline's with the state
  // and days left, the employer's, the hire's (hireTail). A template literal of each member (about 25 parts) made
  // every item a tree of cons strings that the batch then flattened: at 100,000 hires, 49 MB of them allocated and
  // the batch's join 36 ms of the 390 of due --json (issue 31, --cpu-prof).
  const heads = new Map<AgendaItem['kind'], string>();
  const headOf = (kind: AgendaItem['kind']) => {
    let text = heads.get(kind);
    if (text === undefined) heads.set(kind, (text = flat(`,\n    {\n      "kind": "${kind}",\n      "id": "`)));
    return text;
  };
  // By deadline, for the state and days left it had at its last item (an item's state and days left follow from its
  // deadline on the day, except a renewal's, whose deadline is its own): emptied past 4,096 deadlines, renewals' included.
  const middles = new Map<Deadline, { readonly state: string; readonly daysLeft: number; readonly text: string }>();
  const middleOf = (item: AgendaItem) => {
    let middle = middles.get(item.deadline);
    if (middle === undefined || middle.state !== item.state || middle.daysLeft !== item.daysLeft) {
      if (middles.size >= 4096) middles.clear();
      const text = `,\n      "deadline": ${deadlineText(item.deadline)},\n      "state": "${item.state}",\n      "daysLeft": ${item.daysLeft},\n      "employer": `;
      middles.set(item.deadline, (middle = { state: item.state, daysLeft: item.daysLeft, text: flat(text) }));
    }
    return middle.text;
  };
  // Employers repeat (a few hundred among 100,000 hires): each one's JSON text and city found once, emptied past 4,096.
  // The city with the text, for hireTail: a second lookup by the employer per item cost 4-5 ms of CPU (issue 31).
  const employers = new Map<string | null, { readonly text: string; readonly city: string | null }>();
  const employerOf = (employer: string | null) => {
    let found = employers.get(employer);
    if (found === undefined) {
      if (employers.size >= 4096) employers.clear();
      const text = flat(`${q(employer)},\n      "hiredOn": `);
      employers.set(employer, (found = { text, city: book ? cityOfEmployer(book, employer) : null }));
    }
    return found;
  };
  const extras = new HireTexts();
  let count = 0;
  let overdue = 0;
  for await (const page of agenda) {
    for (const item of page) {
      const head = headOf(item.kind);
      const employer = employerOf(item.employer);
      const wait = batch.add(
        // Kinds, states, identity numbers and dates need no escaping; names, employers and card numbers may.
        `${count === 0 ? head.slice(1) : head}${shownId(ctx, item.personId)}",\n      "name": ${q(item.name)}${middleOf(item)}${employer.text}${
          item.kind === 'registration' || item.kind === 'separation'
            ? hireTail(ctx, item, employer.city, book, cutoffOfItem, extras)
            : `${item.hiredOn === null ? 'null' : `"${item.hiredOn}"`},\n      "card": ${q(item.card)}\n    }`
        }`,
      );
      count++;
      if (item.state === 'overdue') overdue++;
      if (wait) await wait;
    }
  }
  await batch.flush();
  await send(ctx, `${count === 0 ? '' : '\n  '}]\n}\n`);
  return overdue;
}

/** Written event by event, as the agenda streams (issue 31: the whole file was 1.77 GiB at a million deadlines). */
async function ics(ctx: Context, agenda: Agenda): Promise<number> {
  const { icsWriter } = await import('../formats/ics.js');
  const writer = icsWriter({ stampedAt: new Date(`${ctx.today}T00:00:00+08:00`), words: ctx.m.ics });
  await send(ctx, writer.head);
  const batch = batched(ctx);
  let overdue = 0;
  for await (const page of agenda) {
    for (const item of page) {
      const wait = batch.add(
        writer.event({
          kind: item.kind,
          personShown: shownId(ctx, item.personId),
          name: item.name,
          employer: item.employer,
          deadline: item.deadline.date,
          derivation: [ctx.m.ics.law[item.kind], deadlineWhy(ctx, item.deadline)].filter(Boolean).join(ctx.m.ics.separator),
          // Stable across runs, so that a newer file updates the calendar's events instead of adding them again.
          identity: [item.personId, item.employer ?? '', item.hiredOn ?? '', item.card ?? ''].join('|'),
          ...(item.state === 'overdue' ? { daysOverdue: -item.daysLeft } : {}),
        }),
      );
      if (item.state === 'overdue') overdue++;
      if (wait) await wait;
    }
  }
  await batch.flush();
  await send(ctx, writer.tail);
  return overdue;
}

/**
 * A registration's or separation's item from its hire day on, as JSON members: the hire day, no card (a hire's
 * item has none: core/agenda.ts, hireItem), the cut-off (SPEC 1.9) and an overdue registration's cost, then the
 * item's end. The text depends on the employer's city (`city`, as employerOf found it), the hire's kind, state,
 * days and base only (the cut-off is found from the city and the hire's start or leaving day, the cost from the
 * city, days and base): made once per such key (`made`, emptied past 4,096 texts so that bases all different
 * cannot grow it), not indented again for each item (issue 31: 13% of due --json).
 */
function hireTail(
  ctx: Context,
  item: AgendaItem,
  city: string | null,
  book: CostBook | null,
  cutoffOfItem: (item: AgendaItem) => Cutoff,
  made: HireTexts,
): string {
  // The key's parts looked up a level at a time, in nested Maps: a key string of them made per item (7 parts, then
  // hashed) was 15 ms of the 390 of due --json at 100,000 hires (issue 31, --cpu-prof).
  const byBase = made.at(city, item.kind, item.state, item.hiredOn, item.leftOn ?? null);
  let text = byBase.get(item.base ?? null);
  if (text !== undefined) return text;
  const cutoff = cutoffOfItem(item);
  const cost =
    item.kind === 'registration' && item.state === 'overdue'
      ? costJson(
          costOf(
            book ?? { table: { cities: [], years: [] }, employers: new Map() },
            { employer: item.employer, hiredOn: item.hiredOn!, registeredOn: null, leftOn: item.leftOn ?? null, base: item.base ?? null },
            'overdue',
            ctx.today,
          ),
          city,
        )
      : null;
  const indent = (value: unknown) => JSON.stringify(value, null, 2).replaceAll('\n', '\n      ');
  text = `${item.hiredOn === null ? 'null' : `"${item.hiredOn}"`},\n      "card": null,\n      "cutoff": ${cutoff === null ? 'null' : indent(cutoff)},\n      "cost": ${cost === null ? 'null' : indent(cost)}\n    }`;
  text = flat(text);
  made.add(byBase, item.base ?? null, text);
  return text;
}

/**
 * The text flattened, for a text made once and copied into many items: a template literal's result is a tree of its
 * parts (a V8 cons string), walked again at every copy; reading a character of it makes V8 flatten it, in place.
 * With the shared texts left as trees, joining and encoding the batches of 40,000 items took 57 ms instead of 30
 * (issue 31, a script building due --json's items the same way).
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** hireTail's texts: by city, kind, state, hire day and leaving day, one Map a level, then by base. */
class HireTexts {
  private root = new Map<unknown, unknown>();
  private count = 0;

  /** The Map of texts by base under these keys (made when missing). */
  at(...keys: unknown[]): Map<number | null, string> {
    let map = this.root;
    for (const key of keys) {
      let next = map.get(key) as Map<unknown, unknown> | undefined;
      if (next === undefined) map.set(key, (next = new Map()));
      map = next;
    }
    return map as Map<number | null, string>;
  }

  add(byBase: Map<number | null, string>, base: number | null, text: string): void {
    if (this.count >= 4096) {
      this.root = new Map();
      this.count = 0;
    }
    byBase.set(base, text);
    this.count++;
  }
}

async function text(ctx: Context, items: Agenda, within: number | undefined, cutoffOfItem: (item: AgendaItem) => Cutoff): Promise<number> {
  const words = ctx.m.due;
  // One reading of the agenda: each row measured as it comes, the table written once the widest cells are known.
  const table = alignedTable(ctx, words.header);
  // A deadline's day and derivation cells, and each "in N days", made once per run: deadlines are shared (deadlineOf
  // remembers them), and making them per row (a Date for the weekday, the derivation's sentence) was 9% of due's
  // profile at 100,000 hires (issue 31). Emptied past 4,096 deadlines, so that a path giving each item a deadline of
  // its own costs no memory per item.
  const deadlineCells = new Map<Deadline, readonly [string, string]>();
  const relatives = new Map<number, string>();
  let overdue = 0;
  for await (const page of items) {
    for (const item of page) {
      const cutoff = cutoffOfItem(item);
      let cells = deadlineCells.get(item.deadline);
      if (cells === undefined) {
        if (deadlineCells.size >= 4096) deadlineCells.clear();
        deadlineCells.set(item.deadline, (cells = [day(ctx, item.deadline.date), deadlineWhy(ctx, item.deadline) ?? '']));
      }
      let inDays = relatives.get(item.daysLeft);
      if (inDays === undefined) relatives.set(item.daysLeft, (inDays = relative(ctx, item.daysLeft)));
      table.add(
        [
          cells[0],
          inDays,
          words.kinds[item.kind],
          shownId(ctx, item.personId),
          item.name ?? '',
          item.kind === 'activation' || item.kind === 'collection' || item.kind === 'renewal' ? words.card(item.card!) : (item.employer ?? ''),
          cells[1],
        ],
        item.state === 'overdue' ? 'red' : item.daysLeft <= 7 ? 'yellow' : 'plain',
        // Beside the legal deadline, the HR month's: 增员/减员 by the city's cut-off.
        cutoff === null ? null : `    ${words.cutoff(item.kind === 'registration' ? 'registration' : 'separation', cutoff.date, cutoff.month)}`,
      );
      if (item.state === 'overdue') overdue++;
    }
  }
  if (table.count === 0) {
    await send(ctx, `${words.nothing(ctx.today, within ?? null)}\n`);
    return 0;
  }
  await table.write();
  await send(ctx, `${words.total(table.count, overdue)}\n`);
  return overdue;
}
