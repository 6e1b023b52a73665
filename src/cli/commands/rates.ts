// sscard rates [CITY] | rates load FILE.json (SPEC 1.9): the contribution data
// (base floor and ceiling, each insurance's rates, due day and 增员/减员
// cut-off) per city and year, every value with its source or "unknown"; and
// loading a newer year into the ledger without a new release (like
// `calendar load`), so that a shared ledger shares it.
import path from 'node:path';
import type { IsoDate } from '../../core/calendar-date.js';
import { type BasePeriod, type ContributionYear, findCity, INSURANCES, type Insurance, parseContributions, sourcesOf } from '../../core/contributions.js';
import { InvalidInput, NotFound } from '../../core/errors.js';
import type { Context } from '../context.js';
import { cityName, contributionTable, shippedContributions } from './shared/contributions-data.js';
import { required } from './shared/input.js';
import { readJsonFile } from './shared/json-file.js';
import { writeJson } from './shared/output.js';
import { percent, yuan } from '../text/money.js';

/** A contribution data file is small; anything larger is not one. */

export async function run(ctx: Context, args: { city?: string }): Promise<void> {
  const store = await ctx.openStore({ write: false });
  const table = await contributionTable(ctx, store);
  const loaded = store ? await store.contributionYears() : [];
  let years = table.years;
  if (args.city !== undefined) {
    const city = findCity(table, args.city);
    if (city === null) {
      throw new NotFound(
        'city-not-found',
        ctx.m.rates.cityNotFound(JSON.stringify(args.city.slice(0, 40)), table.cities.map((c) => ctx.m.rates.cityName(c.name)).join(ctx.m.rates.list)),
      );
    }
    years = years.filter((y) => y.city === city.id);
  }
  const from = (y: ContributionYear) => loaded.find((l) => l.year.city === y.city && l.year.year === y.year) ?? null;
  if (ctx.json) {
    writeJson(ctx, {
      years: years.map((y) => ({ ...y, loaded: from(y) ? { file: from(y)!.file, loadedOn: from(y)!.loadedOn } : null })),
    });
    return;
  }
  const m = ctx.m.rates;
  const known = <T>(v: T | null, show: (v: T) => string) => (v === null ? ctx.color.yellow(m.unknown) : show(v));
  const blocks = years.map((y) => {
    const l = from(y);
    const shares = (k: (typeof INSURANCES)[number]) =>
      known(y.rates[k], (r) => {
        const range = k === 'injury' && 'range' in r && r.range ? m.injuryRange(percent(r.range.min), percent(r.range.max)) : '';
        return `${m.shares(percent(r.employer), percent(r.employee))}${range}`;
      });
    const range = (b: { floor: number; ceiling: number }) => `${yuan(b.floor)} .. ${yuan(b.ceiling)}`;
    const own = INSURANCES.filter((k) => y.bases[k] !== undefined);
    const lines = [
      ctx.color.bold(`${cityName(ctx, table, y.city)} ${m.yearLabel(y.year, y.from, y.to)}${l ? m.loadedFrom(l.file, l.loadedOn) : ''}`),
      // Where every insurance has its own base, the common one applies to none.
      ...(own.length === INSURANCES.length ? [] : [`  ${m.base}${own.length > 0 ? m.baseOthers : ''}${m.sep}${known(y.base, range)}`]),
      ...INSURANCES.flatMap((k) => [
        `  ${m.insurance[k]}${m.sep}${shares(k)}`,
        ...ownBaseSpans(y, k).map((span) => `    ${span.whole ? m.ownBase : m.ownBasePeriod(span.from, span.to)}${m.sep}${known(span.base, range)}`),
      ]),
      `  ${m.dueDay}${m.sep}${known(y.dueDay, (d) => m.dayOfMonth(d.day))}`,
      `  ${m.cutoff}${m.sep}${known(y.cutoff, (d) => m.dayOfMonth(d.day))}`,
      ...(y.note ? [`  ${m.note}${m.sep}${m.dataText(y.note)}`] : []),
      ...(sourcesOf(y).length > 0
        ? [`  ${m.sources}${m.sep.trim()}`, ...sourcesOf(y).map((s) => `    - ${ctx.m.policy.source(s.title, s.url, s.date, s.confidence, [])}`)]
        : []),
    ];
    return lines.join('\n');
  });
  ctx.out.write(`${blocks.join('\n\n')}\n\n${m.howToLoad}\n`);
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** An insurance's own base over the year's months, its periods and the gaps between them (unknown). */
function ownBaseSpans(y: ContributionYear, k: Insurance): { from: string; to: string; whole: boolean; base: BasePeriod | null }[] {
  const periods = y.bases[k];
  if (periods === undefined) return [];
  const [first, last] = [y.from.slice(0, 7), y.to.slice(0, 7)];
  const spans: { from: string; to: string; whole: boolean; base: BasePeriod | null }[] = [];
  let at = first;
  for (const p of periods) {
    if (at < p.from) spans.push({ from: at, to: previousMonth(p.from), whole: false, base: null });
    spans.push({ from: p.from, to: p.to, whole: false, base: p });
    at = nextMonth(p.to);
  }
  if (at <= last) spans.push({ from: at, to: last, whole: false, base: null });
  return spans.length === 1 && spans[0]!.from === first && spans[0]!.to === last ? [{ ...spans[0]!, whole: true }] : spans;
}

const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export async function load(ctx: Context, args: { file?: string }): Promise<void> {
  const file = await required(ctx, args.file, '<file.json>', ctx.m.rates.askFile);
  const m = ctx.m.rates;
  const json = readJsonFile(file, m);
  const parsed = parseContributions(json, shippedContributions(ctx).cities);
  if (!parsed.ok) throw new InvalidInput('contributions-invalid', `${file}${m.sep.trimEnd()}${m.problem(parsed.problem)}`);
  if (parsed.table.cities.length > 0) throw new InvalidInput('contributions-new-city', m.newCity(file, parsed.table.cities[0]!.id));
  const loadedOn = ctx.today as IsoDate;
  const store = await ctx.openStore({ write: true });
  await store.write(async (tx) => {
    for (const year of parsed.table.years) await tx.saveContributionYear({ year, loadedOn, file: path.basename(file) });
  });
  const table = await contributionTable(ctx, store);
  const names = parsed.table.years.map((y) => `${cityName(ctx, table, y.city)} ${y.year}`);
  if (ctx.json)
    writeJson(ctx, { loaded: parsed.table.years.map((y) => ({ city: y.city, year: y.year, from: y.from, to: y.to })), file: path.basename(file), loadedOn });
  else ctx.out.write(`${m.loaded(names.join(m.list), parsed.table.years.length)}\n`);
}
