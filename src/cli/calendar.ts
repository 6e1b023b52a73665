// sscard calendar [load FILE.json]: which years' rest days sscard knows and
// from where (SPEC 1.2), and loading a year's official schedule, published by
// the State Council each autumn, without waiting for a new release.
import fs from 'node:fs';
import path from 'node:path';
import type { IsoDate } from '../core/calendar-date.js';
import { InvalidInput } from '../core/errors.js';
import type { YearSource } from '../core/holidays.js';
import { parseHolidayCnSchedule, type ScheduleProblem, sameSchedule } from '../core/official-schedule.js';
import type { LoadedCalendarYear } from '../store/store.js';
import type { Context } from './context.js';
import { confirmed, required } from './input.js';
import { plural } from './human.js';
import { writeJson } from './output.js';

/** A schedule file is small (a year has a few dozen entries); anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

export async function run(ctx: Context): Promise<void> {
  const store = await ctx.openStore({ write: false });
  const loaded = store ? await store.calendarYears() : [];
  const years = knownYears(ctx, loaded);
  if (ctx.json) {
    writeJson(ctx, { years: years.map(({ year, source, entry }) => ({ year, source, loadedOn: entry?.loadedOn ?? null, file: entry?.file ?? null })) });
    return;
  }
  const zh = ctx.lang === 'zh';
  const words: Record<YearSource, string> = zh
    ? { package: '官方安排（chinese-days 软件包）', loaded: '官方安排（已导入）', provisional: '暂定：按《全国年节及纪念日放假办法》推算，无调休' }
    : {
        package: 'official (chinese-days package)',
        loaded: 'official (loaded)',
        provisional: 'PROVISIONAL: statutory holidays computed, no adjusted working days',
      };
  const packaged = years.filter((y) => y.source === 'package').map((y) => y.year);
  if (packaged.length > 0) ctx.out.write(`${packaged[0]}-${packaged[packaged.length - 1]}  ${words.package}\n`);
  for (const { year, source, entry } of years) {
    if (source === 'package') continue;
    const detail = entry ? (zh ? `，${entry.loadedOn} 从 ${entry.file} 导入` : `, from ${entry.file} on ${entry.loadedOn}`) : '';
    ctx.out.write(`${year}       ${source === 'provisional' ? ctx.color.yellow(words[source]) : words[source]}${detail}\n`);
  }
  ctx.out.write(
    zh
      ? '国务院办公厅每年约 11 月公布次年安排；公布后用 `sscard calendar load 年份.json`（holiday-cn 格式）导入。\n'
      : "The State Council publishes each year's schedule in about November of the year before; load it with `sscard calendar load YEAR.json` (holiday-cn's format).\n",
  );
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
  const zh = ctx.lang === 'zh';
  const file = await required(ctx, args.file, '<file.json>', zh ? '年度安排文件（holiday-cn 格式的 JSON）' : "The year's schedule (holiday-cn JSON file)");
  const schedule = readSchedule(ctx, file);
  const entry: LoadedCalendarYear = { schedule, loadedOn: ctx.today as IsoDate, file: path.basename(file) };

  const reader = await ctx.openStore({ write: false });
  const before = reader ? (await reader.calendarYears()).find((y) => y.schedule.year === schedule.year) : undefined;
  if (before && sameSchedule(before.schedule, schedule)) return done(ctx, entry, false);
  if (before) {
    await confirmed(
      ctx,
      args.yes,
      zh
        ? `${schedule.year} 年已于 ${before.loadedOn} 从 ${before.file} 导入了不同的安排，是否替换？`
        : `A different ${schedule.year} schedule was loaded from ${before.file} on ${before.loadedOn}; replace it?`,
      zh
        ? `已导入过不同的 ${schedule.year} 年安排，且没有终端可供确认：如确定替换，请加 --yes。`
        : `A different ${schedule.year} schedule is already loaded and there is no terminal to confirm on; add --yes to replace it.`,
    );
  }
  const store = await ctx.openStore({ write: true });
  await store.write((tx) => tx.saveCalendarYear(entry));
  done(ctx, entry, true);
}

function done(ctx: Context, entry: LoadedCalendarYear, changed: boolean): void {
  const { year, days } = entry.schedule;
  const off = days.filter((d) => d.isOffDay).length;
  if (ctx.json) {
    writeJson(ctx, { year, changed, source: 'loaded', file: entry.file, loadedOn: entry.loadedOn, offDays: off, workdays: days.length - off });
    return;
  }
  const zh = ctx.lang === 'zh';
  if (!changed) {
    ctx.out.write(zh ? `${year} 年的这份安排已导入过，未做更改。\n` : `This ${year} schedule is already loaded; nothing changed.\n`);
    return;
  }
  ctx.out.write(
    zh
      ? `已导入 ${year} 年官方安排：${off} 天放假，${days.length - off} 天调休上班。${year} 年的期限自此按此计算，不再是暂定。\n`
      : `Loaded the official ${year} schedule: ${plural(off, 'day')} off, ${plural(days.length - off, 'adjusted working day')}. Deadlines in ${year} now follow it and are no longer provisional.\n`,
  );
}

function readSchedule(ctx: Context, file: string) {
  const zh = ctx.lang === 'zh';
  const bad = (code: string, en: string, cn: string) => new InvalidInput(code, zh ? cn : en);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw bad('file-unreadable', `<file.json>: ${file} cannot be read; check the path.`, `<file.json>：无法读取 ${file}，请核对路径。`);
  }
  if (!stat.isFile())
    throw bad(
      'not-a-file',
      `<file.json>: ${file} is not a regular file; give the schedule's JSON file.`,
      `<file.json>：${file} 不是普通文件，请提供年度安排的 JSON 文件。`,
    );
  if (stat.size > MAX_BYTES)
    throw bad(
      'file-too-large',
      `<file.json>: ${file} is larger than 1 MiB, so it is not a year's schedule.`,
      `<file.json>：${file} 超过 1 MiB，不是年度安排文件。`,
    );
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw bad(
      'not-json',
      `<file.json>: ${file} is not valid JSON; give holiday-cn's file for the year, e.g. 2027.json.`,
      `<file.json>：${file} 不是有效的 JSON，请提供 holiday-cn 的年度文件，例如 2027.json。`,
    );
  }
  const parsed = parseHolidayCnSchedule(json);
  if (!parsed.ok) throw new InvalidInput(`schedule-${parsed.problem.kind}`, problemText(ctx, file, parsed.problem));
  return parsed.schedule;
}

function problemText(ctx: Context, file: string, p: ScheduleProblem): string {
  const zh = ctx.lang === 'zh';
  const at = 'index' in p ? (zh ? `第 ${p.index + 1} 项` : `days[${p.index}]`) : '';
  switch (p.kind) {
    case 'not-an-object':
      return zh
        ? `${file} 不是 holiday-cn 格式：应为 {"year": 2027, "days": [...]}。`
        : `${file} is not in holiday-cn's format: expected {"year": 2027, "days": [...]}.`;
    case 'year-invalid':
      return zh ? `${file} 的 year 无效：应为 1900 至 2099 之间的年份，例如 2027。` : `${file}: "year" must be a year from 1900 to 2099, e.g. 2027.`;
    case 'days-not-a-list':
      return zh ? `${file} 的 days 不是列表。` : `${file}: "days" must be a list of {"name", "date", "isOffDay"}.`;
    case 'days-empty':
      return zh
        ? `${file} 中 ${p.year} 年没有任何日期：官方安排可能尚未公布。`
        : `${file} lists no days for ${p.year}: the official schedule is probably not published yet.`;
    case 'day-not-an-object':
      return zh ? `${file} ${at} 不是 {"name", "date", "isOffDay"} 对象。` : `${file}: ${at} is not a {"name", "date", "isOffDay"} object.`;
    case 'name-invalid':
      return zh ? `${file} ${at} 缺少节日名称。` : `${file}: ${at} has no holiday name.`;
    case 'date-invalid':
      return zh ? `${file} ${at} 的日期不是有效日期（YYYY-MM-DD）。` : `${file}: ${at} has a date that is not a real date written YYYY-MM-DD.`;
    case 'date-outside-year':
      return zh
        ? `${file} ${at} 的日期 ${p.date} 不在 ${p.year} 年内：一份文件只含一年。`
        : `${file}: ${at} is ${p.date}, outside ${p.year}; a file holds one year.`;
    case 'off-day-invalid':
      return zh ? `${file} ${at} 的 isOffDay 须为 true 或 false。` : `${file}: ${at} must have "isOffDay" true or false.`;
    case 'date-repeated':
      return zh ? `${file} ${at} 的日期 ${p.date} 重复出现。` : `${file}: ${at} repeats the date ${p.date}.`;
  }
}
