// The web view's pages (SPEC 2.5), each the web form of a command: the agenda
// is `due`, a person `status`, people `people`, history `history` (with
// revoke), import `import --dry-run` then `import`, policies and calendar
// years their commands. Each reads the same store through the same core and
// words as its command, so a new state or field the commands learn shows here
// too; only the layout is the page's own.
import { type AgendaItem, type AgendaSources, agendaOrder, agendaStream, byOpenWork, cardItems } from '../core/agenda.js';
import { addDays, daysBetween, type IsoDate, parseIsoDate, weekday } from '../core/calendar-date.js';
import { parseCitizenId } from '../core/citizen-id.js';
import { InvalidInput, NotFound } from '../core/errors.js';
import { regionOf } from '../core/regions.js';
import { personStatus } from '../core/status.js';
import type { Context } from '../cli/context.js';
import { chinaTime, valueText } from '../cli/commands/history.js';
import { day, deadlineWhy, relative } from '../cli/text/human.js';
import { shownId } from '../cli/commands/shared/output.js';
import { peopleCells, summary } from '../cli/commands/people.js';
import { personState } from '../cli/commands/shared/person.js';
import { policyBook } from '../cli/commands/shared/policies-data.js';
import { costBook, headline, loadRegionHistory, loadRegions, regionText, statusLines } from '../cli/commands/status.js';
import { sourceText } from '../cli/text/words.js';
import type { OpenHireGroup, Store } from '../store/store.js';
import { esc, type Html, query, table } from './html.js';
import type { Session } from './security.js';

/** What a page is rendered with: the request's command context (language, day, reveal), the session, the ledger. */
export interface View {
  readonly ctx: Context;
  readonly session: Session;
  readonly store: Store | null;
  /** The opaque reference a link to a person carries instead of their identity number. */
  ref(id: string): string;
  /** The identity number a reference stands for; null when this server never gave it out. */
  idOf(ref: string): string | null;
  /** The open hires counted by employer and start day, remembered until the ledger changes. */
  openHireGroups(store: Store): Promise<OpenHireGroup[]>;
}

/** A page's title and body (the frame is the server's). */
export interface Page {
  readonly title: string;
  readonly body: Html;
  readonly active?: 'agenda' | 'people' | 'import' | 'policies' | 'calendar';
}

/** Items a list shows at a time (the store reads about that much, not the whole ledger). */
export const PAGE_SIZE = 50;

const bad = (v: View): never => {
  throw new InvalidInput('bad-request', v.ctx.m.web.errors.badRequest);
};

const csrfField = (v: View): Html => `<input type="hidden" name="csrf" value="${esc(v.session.csrf)}">`;

function noLedgerPage(v: View, title: string): Page {
  return { title, body: `<p class="notice">${esc(v.ctx.m.web.noLedger(v.ctx.ledger))} <a href="/import">${esc(v.ctx.m.web.nav.import)}</a></p>` };
}

// ---------------------------------------------------------------- agenda

interface AgendaFilters {
  readonly employer?: string;
  readonly kind?: AgendaItem['kind'];
  readonly within?: number;
}

function agendaFilters(v: View, params: URLSearchParams): AgendaFilters & { from?: IsoDate; skip: number; month: string } {
  const kinds = Object.keys(v.ctx.m.due.kinds);
  const employer = params.get('employer')?.trim() || undefined;
  const kindText = params.get('kind') || undefined;
  if (kindText !== undefined && !kinds.includes(kindText)) bad(v);
  const withinText = params.get('within')?.trim() || undefined;
  if (withinText !== undefined && !/^\d{1,5}$/.test(withinText)) bad(v);
  const fromText = params.get('from') || undefined;
  const from = fromText === undefined ? undefined : (parseIsoDate(fromText) ?? bad(v));
  const skipText = params.get('skip') ?? '0';
  if (!/^\d{1,7}$/.test(skipText)) bad(v);
  const month = params.get('month') ?? (from ?? v.ctx.today).slice(0, 7);
  if (!/^(19|20)\d\d-(0[1-9]|1[0-2])$/.test(month)) bad(v);
  return {
    employer,
    kind: kindText as AgendaItem['kind'] | undefined,
    within: withinText === undefined ? undefined : Number(withinText),
    from,
    skip: Number(skipText),
    month,
  };
}

const nothing: AsyncIterable<never[]> = { [Symbol.asyncIterator]: async function* () {} };

/** The agenda's first items from `from` on, as `due` orders and words them, without reading past the page. */
async function agendaItems(v: View, store: Store, f: AgendaFilters & { from?: IsoDate; skip: number }): Promise<{ items: AgendaItem[]; more: boolean }> {
  const ctx = v.ctx;
  const all = await store.agendaRows(ctx.viewOn, agendaOrder(ctx.calendar, policyBook), { employer: f.employer, from: f.from });
  // Sources the kind filter leaves out are not read at all.
  const hiresOnly = f.kind === 'registration' || f.kind === 'separation';
  const sources: AgendaSources = {
    registrations: f.kind === undefined || f.kind === 'registration' ? all.registrations : nothing,
    separations: f.kind === undefined || f.kind === 'separation' ? all.separations : nothing,
    cards: (f.kind === undefined && f.employer === undefined) || (!hiresOnly && f.kind !== undefined) ? all.cards : nothing,
  };
  // As `due` filters (src/cli/due.ts): an employer's items are their hires; cards have none.
  const wanted = (item: AgendaItem) =>
    (f.employer === undefined || item.employer === f.employer) &&
    (f.kind === undefined || item.kind === f.kind) &&
    (f.from === undefined || item.deadline.date >= f.from);
  const items: AgendaItem[] = [];
  let skip = f.skip;
  const stream = agendaStream(sources, ctx.today, ctx.calendar, f.within ?? null, policyBook, PAGE_SIZE + 1)[Symbol.asyncIterator]();
  try {
    for (let page = await stream.next(); !page.done; page = await stream.next()) {
      for (const item of page.value) {
        if (!wanted(item)) continue;
        if (skip > 0 && item.deadline.date === f.from) {
          skip--;
          continue;
        }
        if (items.length === PAGE_SIZE) return { items, more: true };
        items.push(item);
      }
    }
  } finally {
    await stream.return?.(undefined);
  }
  return { items, more: false };
}

export async function agendaPage(v: View, params: URLSearchParams): Promise<Page> {
  const { ctx } = v;
  const w = ctx.m.web.agenda;
  const f = agendaFilters(v, params);
  const store = v.store;
  if (store === null) return { ...noLedgerPage(v, w.title), active: 'agenda' };
  const order = agendaOrder(ctx.calendar, policyBook);
  const groups = await v.openHireGroups(store);
  const { items, more } = await agendaItems(v, store, f);

  // Counts per employer, and the month's deadlines per day, from the counted groups: the core gives each start day its deadline.
  const perEmployer = new Map<string | null, { open: number; overdue: number }>();
  const perDay = new Map<string, number>();
  const monthStart = `${f.month}-01` as IsoDate;
  const inMonth = (date: string) => date.startsWith(f.month);
  for (const g of groups) {
    if (f.kind !== undefined && g.kind !== f.kind) continue;
    const deadline = g.kind === 'registration' ? order.registrationDeadline(g.start) : order.separationDeadline(g.start);
    const daysLeft = daysBetween(ctx.today, deadline);
    if (f.within !== undefined && daysLeft > f.within) continue;
    const counts = perEmployer.get(g.employer) ?? { open: 0, overdue: 0 };
    counts.open += g.count;
    if (daysLeft < 0) counts.overdue += g.count;
    perEmployer.set(g.employer, counts);
    if ((f.employer === undefined || g.employer === f.employer) && inMonth(deadline)) perDay.set(deadline, (perDay.get(deadline) ?? 0) + g.count);
  }
  // Every kind but the hires' is a card's (activation, collection, renewal).
  if (f.employer === undefined && f.kind !== 'registration' && f.kind !== 'separation') {
    // Card deadlines (few: the store holds them for `due` too), judged under each card's policy.
    const sources = await store.agendaRows(ctx.viewOn, order, { from: monthStart });
    for await (const page of sources.cards)
      for (const { person, card } of page)
        for (const item of cardItems(person, card, ctx.today, ctx.calendar, policyBook()))
          if ((f.kind === undefined || item.kind === f.kind) && inMonth(item.deadline.date) && (f.within === undefined || item.daysLeft <= f.within))
            perDay.set(item.deadline.date, (perDay.get(item.deadline.date) ?? 0) + 1);
  }

  const filters = { employer: f.employer, kind: f.kind, within: f.within };
  const employers = [...new Set(groups.map((g) => g.employer).filter((e): e is string => e !== null))].sort();
  if (f.employer !== undefined && !employers.includes(f.employer)) employers.unshift(f.employer);
  const form = `<form class="filters" method="get" action="/">
<label>${esc(w.employer)}<select name="employer" data-autosubmit><option value="">${esc(w.anyEmployer)}</option>${employers
    .map((e) => `<option${e === f.employer ? ' selected' : ''}>${esc(e)}</option>`)
    .join('')}</select></label>
<label>${esc(w.kind)}<select name="kind" data-autosubmit><option value="">${esc(w.anyKind)}</option>${Object.entries(ctx.m.due.kinds)
    .map(([k, word]) => `<option value="${esc(k)}"${k === f.kind ? ' selected' : ''}>${esc(word)}</option>`)
    .join('')}</select></label>
<label>${esc(w.within)}<input name="within" inputmode="numeric" pattern="[0-9]{1,5}" size="5" value="${esc(f.within)}"></label>
<button type="submit">${esc(w.show)}</button>
<a id="ics" href="/agenda.ics${esc(query(filters))}">${esc(w.download)}</a>
</form>`;

  const rows = items.map((item) => {
    const who = item.name ?? '';
    const cls = item.state === 'overdue' ? 'overdue' : item.daysLeft <= 7 ? 'soon' : '';
    const target = item.kind === 'activation' || item.kind === 'renewal' ? ctx.m.due.card(item.card!) : (item.employer ?? '');
    return {
      cls,
      cells: [
        esc(day(ctx, item.deadline.date)),
        esc(relative(ctx, item.daysLeft)),
        esc(ctx.m.due.kinds[item.kind] ?? item.kind),
        `<a href="/person/${v.ref(item.personId)}">${esc(shownId(ctx, item.personId))}</a>`,
        esc(who),
        esc(target),
        esc(deadlineWhy(ctx, item.deadline) ?? ''),
      ],
    };
  });
  const list =
    rows.length === 0
      ? `<p class="notice" id="nothing">${esc(w.nothing)}</p>`
      : `<table id="agenda"><thead><tr>${w.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr${r.cls ? ` class="${r.cls}"` : ''}>${r.cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const last = items[items.length - 1];
  const nextSkip = last === undefined ? 0 : items.filter((i) => i.deadline.date === last.deadline.date).length + (last.deadline.date === f.from ? f.skip : 0);
  const pager = `<div class="pager">${f.from !== undefined ? `<a href="/${esc(query(filters))}">${esc(w.first)}</a>` : ''}${
    more && last ? `<a id="next-page" href="/${esc(query({ ...filters, from: last.deadline.date, skip: nextSkip }))}">${esc(w.more)}</a>` : ''
  }</div>`;

  const countRows = [...perEmployer.entries()]
    .sort(byOpenWork)
    .map(([employer, c]) => [
      employer === null ? esc(w.noEmployer) : `<a href="/${esc(query({ ...filters, employer }))}">${esc(employer)}</a>`,
      esc(c.open),
      esc(c.overdue),
    ]);
  const counts = `<h2>${esc(w.counts)}</h2>${table(w.countsHeader, countRows, 'counts')}<p class="muted">${esc(w.countsNote)}</p>`;

  return {
    title: w.title,
    active: 'agenda',
    body: `${form}<div class="grid"><section>${list}${pager}</section><aside>${monthGrid(v, f.month, perDay, filters)}${counts}</aside></div>`,
  };
}

/** The month as a calendar, Monday first: each day with its number of deadlines, a link to the agenda from that day. */
function monthGrid(v: View, month: string, perDay: ReadonlyMap<string, number>, filters: AgendaFilters): Html {
  const { ctx } = v;
  const w = ctx.m.web.agenda;
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01` as IsoDate;
  const start = addDays(first, -((weekday(first) + 6) % 7));
  const shift = (by: number) => {
    const m = mon + by;
    const y = year + Math.floor((m - 1) / 12);
    return `${y}-${String(((m - 1 + 12) % 12) + 1).padStart(2, '0')}`;
  };
  const weeks: Html[] = [];
  for (let d = start, i = 0; i < 42; i++, d = addDays(d, 1)) {
    if (i % 7 === 0) {
      if (i >= 35 && !d.startsWith(month)) break;
      weeks.push('');
    }
    const count = perDay.get(d) ?? 0;
    const classes = [d.startsWith(month) ? '' : 'other', d === ctx.today ? 'today' : '', d < ctx.today ? 'past' : ''].filter(Boolean).join(' ');
    const link = count > 0 ? `<a href="/${esc(query({ ...filters, from: d }))}" title="${esc(w.dayCount(count))}">${esc(w.dayCount(count))}</a>` : '';
    weeks[weeks.length - 1] += `<td data-day="${d}"${classes ? ` class="${classes}"` : ''}>${Number(d.slice(8))}${link}</td>`;
  }
  return `<h2 id="month">${esc(w.month(year, mon))}</h2>
<div class="pager"><a href="/${esc(query({ ...filters, month: shift(-1) }))}">&larr; ${esc(w.previousMonth)}</a><a href="/${esc(query({ ...filters, month: shift(1) }))}">${esc(w.nextMonth)} &rarr;</a></div>
<table class="month"><thead><tr>${w.weekdays.map((d) => `<th>${esc(d)}</th>`).join('')}</tr></thead><tbody>${weeks.map((row) => `<tr>${row}</tr>`).join('')}</tbody></table>`;
}

// ---------------------------------------------------------------- people

export async function peoplePage(v: View, params: URLSearchParams): Promise<Page> {
  const { ctx } = v;
  const w = ctx.m.web.people;
  const text = (params.get('q') ?? '').trim().slice(0, 100);
  const after = params.get('after') ?? '';
  const form = `<form class="filters" method="get" action="/people"><label>${esc(w.search)}<input name="q" id="q" value="${esc(text)}" autofocus></label><button type="submit">${esc(w.find)}</button></form>`;
  if (text === '') return { title: w.title, active: 'people', body: `${form}<p class="muted">${esc(w.hint)}</p>` };
  const store = v.store;
  if (store === null) return { ...noLedgerPage(v, w.title), active: 'people' };
  const found = await store.findPeople(text, PAGE_SIZE + 1, v.idOf(after) ?? '');
  const shown = found.slice(0, PAGE_SIZE);
  const rows: Html[][] = [];
  for (const { id } of shown) {
    const person = await personState(store, id, ctx.viewOn);
    if (!person.exists) continue;
    const [shownPerson, ...rest] = peopleCells(ctx, summary(ctx, person, null));
    rows.push([`<a href="/person/${v.ref(id)}">${esc(shownPerson!)}</a>`, ...rest.map((cell) => esc(cell))]);
  }
  const more =
    found.length > PAGE_SIZE
      ? `<div class="pager"><a href="/people${esc(query({ q: text, after: v.ref(shown[shown.length - 1]!.id) }))}">${esc(w.more)}</a></div>`
      : '';
  const list = rows.length === 0 ? `<p class="notice">${esc(w.none)}</p>` : table(ctx.m.people.header, rows, 'people');
  return { title: w.title, active: 'people', body: `${form}${list}${more}` };
}

// ---------------------------------------------------------------- person

/** The person a link names, or a page saying the link no longer holds. */
function personOf(v: View, ref: string): string {
  const id = v.idOf(ref);
  if (id === null) throw new NotFound('person-link-expired', v.ctx.m.web.person.notFound);
  return id;
}

export async function personPage(v: View, ref: string): Promise<Page> {
  const { ctx } = v;
  const w = ctx.m.web.person;
  const id = personOf(v, ref);
  const store = v.store;
  if (store === null) return noLedgerPage(v, ctx.m.status.labels.person);
  const person = await personState(store, id, ctx.viewOn);
  const parsed = parseCitizenId(id, ctx.today);
  if (!person.exists || !parsed.ok) throw new NotFound('person-not-found', ctx.m.status.notFound(shownId(ctx, id)));
  // The same answer as `sscard status` (src/cli/status.ts): the core's report, worded line by line.
  const report = personStatus({ ...person, id: parsed.id }, ctx.today, ctx.calendar, policyBook);
  const region = regionOf(parsed.id.regionCode, loadRegions(), loadRegionHistory);
  const [answer, ...alerts] = headline(ctx, report);
  // The cost of a late registration (SPEC 1.9), as status prints it: the person page shows it too (SPEC 2.5).
  const lines = statusLines(ctx, report, person.name, region && regionText(ctx, region), await costBook(ctx, store, report));
  let dl = '';
  for (const line of lines) {
    if (line.label !== null) dl += `${dl === '' ? '' : '</dd>'}<dt>${esc(line.label)}</dt><dd>`;
    if (line.text !== '') dl += `<p class="d${line.depth}">${esc(line.text)}</p>`;
  }
  const toggle = ctx.reveal
    ? `<p class="notice">${esc(w.revealed)} <a href="/person/${ref}">${esc(w.hide)}</a></p>`
    : `<p><a id="reveal" href="/person/${ref}?reveal=1">${esc(w.reveal)}</a></p>`;
  return {
    title: `${person.name ?? ''} ${shownId(ctx, id)}`.trim(),
    body: `<section class="answer${report.activatedEcard ? ' yes' : ''}" id="answer"><p>${esc(answer)}</p>${alerts.map((a) => `<p class="alert">${esc(a)}</p>`).join('')}</section>
${toggle}<section class="person"><dl>${dl}</dd></dl></section>
<p><a id="history" href="/person/${ref}/history">${esc(w.history)}</a></p>`,
  };
}

// ---------------------------------------------------------------- history

interface HistoryDocument {
  id: string;
  events: {
    seq: number;
    kind: string;
    on: string | null;
    recordedAt: string;
    source: string;
    revoked: { seq: number; reason: string } | null;
    data: Record<string, unknown>;
  }[];
}

/** The person's history as `history --json` gives it, with a revoke form on each event that stands. */
export async function historyPage(v: View, ref: string, history: (id: string) => Promise<HistoryDocument>, message: Html = ''): Promise<Page> {
  const { ctx } = v;
  const w = ctx.m.web.history;
  const id = personOf(v, ref);
  const doc = await history(id);
  const h = ctx.m.history;
  const rows = doc.events.map((e) => {
    const details = Object.entries(e.data)
      .filter(([, value]) => value !== null && value !== false)
      .map(([k, value]) => `${h.fields[k] ?? k}=${valueText(ctx, k, value)}`)
      .join(' ');
    const stands = e.revoked === null && e.kind !== 'revoked';
    const form = stands
      ? `<form class="inline revoke" method="post" action="/revoke">${csrfField(v)}<input type="hidden" name="ref" value="${esc(ref)}"><input type="hidden" name="seq" value="${e.seq}"><input name="reason" required maxlength="500" placeholder="${esc(w.reason)}" aria-label="${esc(w.reason)} #${e.seq}"><button type="submit" class="secondary">${esc(w.revoke)}</button></form>`
      : e.revoked
        ? `<span class="muted">${esc(w.revokedBy(e.revoked.seq, e.revoked.reason))}</span>`
        : '';
    return {
      seq: e.seq,
      cells: [
        esc(e.seq),
        esc(chinaTime(e.recordedAt)),
        esc(e.on ?? '-'),
        esc(h.kinds[e.kind as keyof typeof h.kinds] ?? e.kind),
        esc(details),
        esc(sourceText(ctx, e.source)),
        form,
      ],
    };
  });
  const header = [...w.header, ''];
  const body = `<p class="muted">${esc(w.note)}</p>${message}<table id="history"><thead><tr>${header.map((x) => `<th>${esc(x)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr data-seq="${r.seq}">${r.cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table><p><a href="/person/${ref}">${esc(ctx.m.status.labels.person)}</a></p>`;
  return { title: w.title(doc.id), body };
}

// ---------------------------------------------------------------- import

export function importForm(v: View, message: Html = ''): Page {
  const w = v.ctx.m.web.import;
  return {
    title: w.title,
    active: 'import',
    body: `${message}<p>${esc(w.intro)}</p><form id="upload" method="post" action="/import" enctype="multipart/form-data">${csrfField(v)}<label>${esc(w.file)} <input type="file" name="file" required accept=".xlsx,.csv,.tsv,.txt,.json"></label> <button type="submit">${esc(w.check)}</button></form>`,
  };
}

export interface ImportOutcome {
  readonly rows: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly events: number;
  readonly invalid: readonly { line: number; field: string; message: string }[];
  readonly invalidCount: number;
}

/** The dry run's answer: its counts, its problems as a table, and the forms that write. */
export function importPreview(v: View, upload: string, name: string, outcome: ImportOutcome, notes: readonly string[]): Page {
  const w = v.ctx.m.web.import;
  const problems =
    outcome.invalidCount === 0
      ? ''
      : `<p class="error">${esc(w.problems(outcome.invalidCount))}</p>${table(
          w.problemsHeader,
          outcome.invalid.map((p) => [esc(p.line), esc(p.field), esc(p.message)]),
          'problems',
        )}${outcome.invalidCount > outcome.invalid.length ? `<p>${esc(w.moreProblems(outcome.invalidCount - outcome.invalid.length))}</p>` : ''}`;
  const confirm = (skip: boolean, label: string) =>
    `<form class="inline" method="post" action="/import/confirm">${csrfField(v)}<input type="hidden" name="upload" value="${esc(upload)}">${skip ? '<input type="hidden" name="skipInvalid" value="1">' : ''}<button type="submit" id="${skip ? 'confirm-good' : 'confirm'}">${esc(label)}</button></form>`;
  const canWrite = outcome.invalidCount === 0 ? confirm(false, w.confirm) : outcome.changed > 0 ? confirm(true, w.confirmGood) : '';
  return {
    title: w.title,
    active: 'import',
    body: `<p class="notice" id="preview">${esc(w.preview(name))}</p>${notesHtml(v, notes)}<p id="summary">${esc(v.ctx.m.import.done({ ...outcome, invalid: outcome.invalidCount }, true))}</p>${problems}<p>${canWrite}</p><p><a href="/import">${esc(w.title)}</a></p>`,
  };
}

export function importDone(v: View, name: string, outcome: ImportOutcome, notes: readonly string[]): Page {
  const w = v.ctx.m.web.import;
  return {
    title: w.title,
    active: 'import',
    body: `<p class="notice" id="written">${esc(w.written(name))}</p>${notesHtml(v, notes)}<p id="summary">${esc(v.ctx.m.import.done({ ...outcome, invalid: outcome.invalidCount }, false))}</p><p><a href="/">${esc(v.ctx.m.web.nav.agenda)}</a></p>`,
  };
}

function notesHtml(v: View, notes: readonly string[]): Html {
  return notes.length === 0 ? '' : `<p class="muted">${esc(v.ctx.m.web.import.notes)}: ${notes.map(esc).join('<br>')}</p>`;
}

// ---------------------------------------------------------------- policies and calendar years

/**
 * The policies as `sscard policies` words them (its text, laid out): a
 * line at the margin heads a policy, indented lines are its rules, a line
 * starting with "- " a source. So what the command learns to say, this page says.
 */
export function policiesPage(v: View, text: string): Page {
  let body = '';
  let list = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const item = /^\s+- (.*)$/.exec(line);
    if (item) {
      body += `${list ? '' : '<ul>'}<li>${esc(item[1])}</li>`;
      list = true;
      continue;
    }
    if (list) body += '</ul>';
    list = false;
    body += /^\S/.test(line) ? `<h2>${esc(line)}</h2>` : `<p>${esc(line.trim())}</p>`;
  }
  if (list) body += '</ul>';
  return { title: v.ctx.m.web.policies.title, active: 'policies', body: `<section class="policies">${body}</section>` };
}

export interface CalendarDocument {
  years: { year: number; source: 'package' | 'loaded' | 'provisional'; loadedOn: string | null; file: string | null }[];
}

export function calendarPage(v: View, doc: CalendarDocument): Page {
  const { ctx } = v;
  const rows = doc.years.map((y) => [
    esc(y.year),
    y.source === 'provisional' ? `<strong>${esc(ctx.m.calendar.sources[y.source])}</strong>` : esc(ctx.m.calendar.sources[y.source] ?? y.source),
    esc(y.loadedOn ?? ''),
    esc(y.file ?? ''),
  ]);
  return {
    title: ctx.m.web.calendar.title,
    active: 'calendar',
    body: `${table(ctx.m.web.calendar.header, rows, 'years')}<p class="muted">${esc(ctx.m.calendar.howToLoad)}</p>`,
  };
}
