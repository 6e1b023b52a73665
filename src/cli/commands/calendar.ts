// sscard calendar [load FILE.json]: which years' rest days sscard knows and
// from where (SPEC 1.2), and loading a year's official schedule, published by
// the State Council each autumn, without waiting for a new release.
import path from 'node:path';
import type { IsoDate } from '../../core/calendar-date.js';
import { InvalidInput } from '../../core/errors.js';
import type { YearSource } from '../../core/holidays.js';
import { byUrgency, type DeadlineChange, deadlineChanges } from '../../core/agenda.js';
import { officialCalendar } from '../../core/official-calendar.js';
import { parseHolidayCnSchedule, sameSchedule } from '../../core/official-schedule.js';
import type { LoadedCalendarYear } from '../../store/store.js';
import type { Context } from '../context.js';
import { confirmed, required } from './shared/input.js';
import { readJsonFile } from './shared/json-file.js';
import { deadlineJson, shownId, writeJson } from './shared/output.js';
import { policyBook } from './shared/policies-data.js';

/** A schedule file is small (a year has a few dozen entries); anything larger is not one. */

export async function run(ctx: Context): Promise<void> {
  const store = await ctx.openStore({ write: false });
  const loaded = store ? await store.calendarYears() : [];
  const years = knownYears(ctx, loaded);
  if (ctx.json) {
    writeJson(ctx, { years: years.map(({ year, source, entry }) => ({ year, source, loadedOn: entry?.loadedOn ?? null, file: entry?.file ?? null })) });
    return;
  }
  const words = ctx.m.calendar.sources;
  const packaged = years.filter((y) => y.source === 'package').map((y) => y.year);
  if (packaged.length > 0) ctx.out.write(`${packaged[0]}-${packaged[packaged.length - 1]}  ${words.package}\n`);
  for (const { year, source, entry } of years) {
    if (source === 'package') continue;
    const detail = entry ? ctx.m.calendar.loadedFrom(entry.file, entry.loadedOn) : '';
    ctx.out.write(`${year}       ${source === 'provisional' ? ctx.color.yellow(words[source]) : words[source]}${detail}\n`);
  }
  ctx.out.write(`${ctx.m.calendar.howToLoad}\n`);
}

/** Years from the package's first to next year, plus any loaded beyond; each with its source. */
function knownYears(ctx: Context, loaded: readonly LoadedCalendarYear[]) {
  const next = Number(ctx.today.slice(0, 4)) + 1;
  const official = (year: number) => ctx.calendar.yearSource(year) !== 'provisional';
  let first = next;
  while (first > 1900 && !official(first)) first--; // back to the latest year with a schedule
  while (first > 1900 && official(first - 1)) first--; // and on to the package's first
  const loadedYears = loaded.map((y) => y.schedule.year);
  const years: { year: number; source: YearSource; entry: LoadedCalendarYear | undefined }[] = [];
  for (let year = Math.min(first, ...loadedYears); year <= Math.max(next, ...loadedYears); year++) {
    years.push({ year, source: ctx.calendar.yearSource(year), entry: loaded.find((y) => y.schedule.year === year) });
  }
  return years;
}

export async function load(ctx: Context, args: { file?: string; yes?: boolean }): Promise<void> {
  const file = await required(ctx, args.file, '<file.json>', ctx.m.calendar.askFile);
  const schedule = readSchedule(ctx, file);
  const entry: LoadedCalendarYear = { schedule, loadedOn: ctx.today as IsoDate, file: path.basename(file) };

  const reader = await ctx.openStore({ write: false });
  const years = reader ? await reader.calendarYears() : [];
  const before = years.find((y) => y.schedule.year === schedule.year);
  if (before && sameSchedule(before.schedule, schedule)) return done(ctx, entry, false, []);
  // What the schedule moves (SPEC 1.2 v3): every open deadline, under the calendar in force and under the one with this year loaded.
  const after = officialCalendar([...years.filter((y) => y.schedule.year !== schedule.year).map((y) => y.schedule), schedule]);
  const moved: DeadlineChange[] = [];
  if (reader) for await (const page of reader.everyone(null)) moved.push(...deadlineChanges(page, ctx.today, ctx.calendar, after, policyBook()));
  moved.sort((a, b) => byUrgency(a.item, b.item));
  if (before) {
    await confirmed(ctx, args.yes, ctx.m.calendar.confirmReplace(schedule.year, before.file, before.loadedOn), ctx.m.calendar.replaceNeedsYes(schedule.year));
  }
  const store = await ctx.openStore({ write: true });
  await store.write((tx) => tx.saveCalendarYear(entry));
  done(ctx, entry, true, moved);
}

function done(ctx: Context, entry: LoadedCalendarYear, changed: boolean, moved: readonly DeadlineChange[]): void {
  const { year, days } = entry.schedule;
  const off = days.filter((d) => d.isOffDay).length;
  if (ctx.json) {
    writeJson(ctx, {
      year,
      changed,
      source: 'loaded',
      file: entry.file,
      loadedOn: entry.loadedOn,
      offDays: off,
      workdays: days.length - off,
      moved: moved.map(({ item, before, after }) => ({
        kind: item.kind,
        id: shownId(ctx, item.personId),
        name: item.name,
        employer: item.employer,
        hiredOn: item.hiredOn,
        card: item.card,
        before: deadlineJson(ctx, before),
        after: deadlineJson(ctx, after),
      })),
    });
    return;
  }
  ctx.out.write(`${changed ? ctx.m.calendar.loaded(year, off, days.length - off) : ctx.m.calendar.unchanged(year)}\n`);
  if (!changed) return;
  ctx.out.write(`${ctx.m.calendar.moved(moved.length)}\n`);
  for (const { item, before, after } of moved) {
    const what = item.card !== null ? ctx.m.due.card(item.card) : (item.employer ?? '');
    const who = [shownId(ctx, item.personId), item.name ?? ''].filter(Boolean).join(' ');
    ctx.out.write(`  ${ctx.m.due.kinds[item.kind]}  ${who}${what ? `  ${what}` : ''}  ${before.date} -> ${after.date}\n`);
  }
}

function readSchedule(ctx: Context, file: string) {
  const m = ctx.m.calendar;
  const json = readJsonFile(file, m);
  const parsed = parseHolidayCnSchedule(json);
  if (!parsed.ok) throw new InvalidInput(`schedule-${parsed.problem.kind}`, m.problem(file, parsed.problem));
  return parsed.schedule;
}
