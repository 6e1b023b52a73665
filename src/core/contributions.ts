// Contribution data per city and contribution year (SPEC 1.9): the monthly
// base's floor and ceiling (缴费基数下限/上限) and the employer's and the
// employee's rates for pension, medical (maternity merged, 生育保险并入职工
// 基本医疗保险 since 2019), unemployment and work injury, and where known the
// monthly premium due day and the 增员/减员 declaration cut-off. The data is a
// file (data/contributions.json, described in data/contributions.md) plus
// the years a user loads into the ledger (`sscard rates load`). Every value
// carries its source; a value nobody found is "unknown", never a guess. This
// module checks the data and answers "which year applies to this month"; it
// never reads a file.
import { type IsoDate, parseIsoDate } from './calendar-date.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface DataSource {
  readonly title: string;
  readonly url: string;
  /** When it was published or read (YYYY, YYYY-MM or YYYY-MM-DD), null when unknown. */
  readonly date: string | null;
  readonly confidence: Confidence;
}

/** Money in fen (分), integers only. */
export type Fen = number;
/** A rate in thousandths of a percent (16% = 16000, 0.14% = 140), integers only. */
export type MilliPercent = number;

export type Sourced<T> = T & { readonly source: DataSource };

export interface Shares {
  readonly employer: MilliPercent;
  readonly employee: MilliPercent;
}

export const INSURANCES = ['pension', 'medical', 'unemployment', 'injury'] as const;
export type Insurance = (typeof INSURANCES)[number];

export interface InjuryRates extends Shares {
  /** The range over the industry classes (行业风险类别); `employer` is the class-1 rate used by default. */
  readonly range: { readonly min: MilliPercent; readonly max: MilliPercent } | null;
}

/**
 * An insurance's own base range for some months of a contribution year
 * (Guangzhou, Shenzhen and Chengdu set the medical base apart from the
 * pension base, and their medical years run January to December): `from` and
 * `to` are months (YYYY-MM), both included.
 */
export type BasePeriod = Sourced<{ readonly from: string; readonly to: string; readonly floor: Fen; readonly ceiling: Fen }>;

/** One city's contribution year (most run July to June). A null value is unknown. */
export interface ContributionYear {
  readonly city: string;
  readonly year: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly base: Sourced<{ readonly floor: Fen; readonly ceiling: Fen }> | null;
  readonly rates: {
    readonly pension: Sourced<Shares> | null;
    readonly medical: Sourced<Shares> | null;
    readonly unemployment: Sourced<Shares> | null;
    readonly injury: Sourced<InjuryRates> | null;
  };
  /** The day of each month by which that month's premiums are due; null: unknown (the month's last day is assumed). */
  readonly dueDay: Sourced<{ readonly day: number }> | null;
  /** The monthly 增员/减员 declaration cut-off; a registration filed after it takes effect the next month. */
  readonly cutoff: Sourced<{ readonly day: number }> | null;
  /**
   * What a reader should know about the year, in each language the CLI
   * speaks (a file may give one text for both: a user's own file).
   */
  readonly note: NoteText | null;
  /**
   * The insurances that have a base of their own (an insurance not named here
   * uses `base`): its periods, by start month; a month no period covers is
   * unknown for that insurance (never the common base: that would be a guess).
   */
  readonly bases: Partial<Record<Insurance, readonly BasePeriod[]>>;
}

/** A data note in English and Chinese (the CLI shows the user's language). */
export interface NoteText {
  readonly en: string;
  readonly zh: string;
}

export interface City {
  readonly id: string;
  readonly name: { readonly en: string; readonly zh: string };
  /** What a user may type for it (any case), besides its id and names. */
  readonly aliases: readonly string[];
}

export interface ContributionTable {
  readonly cities: readonly City[];
  /** By city, then by start date. */
  readonly years: readonly ContributionYear[];
}

/**
 * What is wrong with a data file: `entry` names the entry ("beijing 2025",
 * "cities[2]", "sources.x"), `field` its field ("base.floor"); the CLI words it.
 */
export interface ContributionProblem {
  readonly entry: string;
  readonly field: string;
  readonly kind:
    | 'not-an-object'
    | 'missing'
    | 'not-text'
    | 'not-a-date'
    | 'not-an-amount'
    | 'not-a-rate'
    | 'not-a-day'
    | 'unknown-source'
    | 'unknown-city'
    | 'bad-range'
    | 'overlap'
    | 'not-a-month'
    | 'outside-year'
    | 'bad-value';
}

export type ContributionParse = { readonly ok: true; readonly table: ContributionTable } | { readonly ok: false; readonly problem: ContributionProblem };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class Problem extends Error {
  constructor(readonly problem: ContributionProblem) {
    super(`${problem.entry} ${problem.field}: ${problem.kind}`);
  }
}

const fail = (entry: string, field: string, kind: ContributionProblem['kind']): never => {
  throw new Problem({ entry, field, kind });
};

/** Yuan with at most two decimals, to fen. */
function amount(value: unknown, entry: string, field: string): Fen {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 10_000_000) return fail(entry, field, 'not-an-amount');
  const fen = Math.round(value * 100);
  if (Math.abs(fen - value * 100) > 1e-6) return fail(entry, field, 'not-an-amount');
  return fen;
}

/** A percentage with at most three decimals, to thousandths of a percent. */
function rate(value: unknown, entry: string, field: string): MilliPercent {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) return fail(entry, field, 'not-a-rate');
  const milli = Math.round(value * 1000);
  if (Math.abs(milli - value * 1000) > 1e-6) return fail(entry, field, 'not-a-rate');
  return milli;
}

function text(value: unknown, entry: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(entry, field, 'not-text');
  return value.trim();
}

function dayOfMonth(value: unknown, entry: string, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 31) return fail(entry, field, 'not-a-day');
  return value;
}

function parseSource(value: unknown, entry: string): DataSource {
  if (!isRecord(value)) return fail(entry, '', 'not-an-object');
  const url = text(value.url, entry, 'url');
  if (!/^https?:\/\/\S+$/.test(url)) fail(entry, 'url', 'bad-value');
  const date = value.date === null || value.date === undefined ? null : text(value.date, entry, 'date');
  if (date !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) fail(entry, 'date', 'not-a-date');
  const confidence = value.confidence;
  if (confidence !== 'high' && confidence !== 'medium' && confidence !== 'low') return fail(entry, 'confidence', 'bad-value');
  return { title: text(value.title, entry, 'title'), url, date, confidence };
}

/**
 * A known value: an object naming its source (an id in `sources`), or the
 * word "unknown" (null here).
 */
function sourced<T>(
  value: unknown,
  sources: ReadonlyMap<string, DataSource>,
  entry: string,
  field: string,
  read: (v: Record<string, unknown>) => T,
): Sourced<T> | null {
  if (value === 'unknown') return null;
  if (value === undefined) return fail(entry, field, 'missing');
  if (!isRecord(value)) return fail(entry, field, 'not-an-object');
  const id = value.source;
  const source = typeof id === 'string' ? sources.get(id) : undefined;
  if (source === undefined) return fail(entry, `${field}.source`, 'unknown-source');
  return { ...read(value), source };
}

function shares(v: Record<string, unknown>, entry: string, field: string): Shares {
  return { employer: rate(v.employer, entry, `${field}.employer`), employee: rate(v.employee, entry, `${field}.employee`) };
}

function parseYear(value: unknown, index: number, sources: ReadonlyMap<string, DataSource>, cities: ReadonlySet<string>): ContributionYear {
  if (!isRecord(value)) return fail(`years[${index}]`, '', 'not-an-object');
  const city = typeof value.city === 'string' ? value.city : fail(`years[${index}]`, 'city', 'not-text');
  const year = value.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2099) return fail(`${city} years[${index}]`, 'year', 'bad-value');
  const entry = `${city} ${year}`;
  if (!cities.has(city)) fail(entry, 'city', 'unknown-city');
  const from = typeof value.from === 'string' ? parseIsoDate(value.from) : null;
  if (from === null) return fail(entry, 'from', 'not-a-date');
  const to = typeof value.to === 'string' ? parseIsoDate(value.to) : null;
  if (to === null) return fail(entry, 'to', 'not-a-date');
  if (to < from) fail(entry, 'to', 'bad-range');
  if (!from.endsWith('-01')) fail(entry, 'from', 'not-a-date'); // a contribution year starts on a month's first day
  const base = sourced(value.base, sources, entry, 'base', (v) => {
    const floor = amount(v.floor, entry, 'base.floor');
    const ceiling = amount(v.ceiling, entry, 'base.ceiling');
    if (ceiling < floor) fail(entry, 'base.ceiling', 'bad-range');
    return { floor, ceiling };
  });
  const rates = {
    pension: sourced(value.pension, sources, entry, 'pension', (v) => shares(v, entry, 'pension')),
    medical: sourced(value.medical, sources, entry, 'medical', (v) => shares(v, entry, 'medical')),
    unemployment: sourced(value.unemployment, sources, entry, 'unemployment', (v) => shares(v, entry, 'unemployment')),
    injury: sourced(value.injury, sources, entry, 'injury', (v) => {
      const classOne = shares(v, entry, 'injury');
      let range: InjuryRates['range'] = null;
      if (v.range !== 'unknown') {
        if (!isRecord(v.range)) return fail(entry, 'injury.range', 'missing');
        range = { min: rate(v.range.min, entry, 'injury.range.min'), max: rate(v.range.max, entry, 'injury.range.max') };
        if (range.max < range.min) fail(entry, 'injury.range.max', 'bad-range');
      }
      return { ...classOne, range };
    }),
  };
  const dueDay = sourced(value.dueDay, sources, entry, 'dueDay', (v) => ({ day: dayOfMonth(v.day, entry, 'dueDay.day') }));
  const cutoff = sourced(value.cutoff, sources, entry, 'cutoff', (v) => ({ day: dayOfMonth(v.day, entry, 'cutoff.day') }));
  const note = noteText(value.note, entry);
  const bases = ownBases(value.bases, sources, entry, from, to);
  // `bases` last: a year stored by an older sscard, without it, reads back in the same key order (storedYear).
  return { city, year, from, to, base, rates, dueDay, cutoff, note, bases };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * `"bases": {"medical": [{"from": "2025-07", "to": "2025-12", "floor": ..,
 * "ceiling": .., "source": ..}, ...], "pension": {"floor": .., ...}}`: an
 * insurance's own base, one object (the whole year unless it gives from/to) or
 * a list of periods, or "unknown" (the whole year; the common base does not
 * apply to it).
 */
function ownBases(value: unknown, sources: ReadonlyMap<string, DataSource>, entry: string, yearFrom: IsoDate, yearTo: IsoDate): ContributionYear['bases'] {
  if (value === undefined) return {};
  if (!isRecord(value)) return fail(entry, 'bases', 'not-an-object');
  const bases: Partial<Record<Insurance, readonly BasePeriod[]>> = {};
  for (const [key, given] of Object.entries(value)) {
    if (!(INSURANCES as readonly string[]).includes(key)) fail(entry, `bases.${key}`, 'bad-value');
    const insurance = key as Insurance;
    const list = given === 'unknown' ? [] : Array.isArray(given) ? given : [given];
    const periods = list.map((p, i) => {
      const field = Array.isArray(given) ? `bases.${key}[${i}]` : `bases.${key}`;
      const period = sourced(p, sources, entry, field, (v) => {
        const month = (m: unknown, which: 'from' | 'to', whole: string) => {
          if (m === undefined) return whole;
          if (typeof m !== 'string' || !MONTH.test(m)) return fail(entry, `${field}.${which}`, 'not-a-month');
          return m;
        };
        const from = month(v.from, 'from', yearFrom.slice(0, 7));
        const to = month(v.to, 'to', yearTo.slice(0, 7));
        if (to < from) fail(entry, `${field}.to`, 'bad-range');
        if (from < yearFrom.slice(0, 7) || to > yearTo.slice(0, 7)) fail(entry, field, 'outside-year');
        const floor = amount(v.floor, entry, `${field}.floor`);
        const ceiling = amount(v.ceiling, entry, `${field}.ceiling`);
        if (ceiling < floor) fail(entry, `${field}.ceiling`, 'bad-range');
        return { from, to, floor, ceiling };
      });
      return period ?? fail(entry, field, 'not-an-object'); // "unknown" inside a list: leave the months out instead
    });
    const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.from <= sorted[i - 1]!.to) fail(entry, `bases.${key}`, 'overlap');
    bases[insurance] = sorted;
  }
  return bases;
}

/**
 * The base range an insurance uses in a month (YYYY-MM) of a year: its own
 * period's, else the year's common base when it has none of its own; null
 * when unknown.
 */
export function baseFor(year: ContributionYear, insurance: Insurance, month: string): Sourced<{ readonly floor: Fen; readonly ceiling: Fen }> | null {
  const own = year.bases[insurance];
  if (own === undefined) return year.base;
  return own.find((p) => p.from <= month && month <= p.to) ?? null;
}

/** A note: one text, or `{"en": ..., "zh": ...}`. */
function noteText(value: unknown, entry: string): NoteText | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const one = text(value, entry, 'note');
    return { en: one, zh: one };
  }
  if (!isRecord(value)) return fail(entry, 'note', 'not-text');
  return { en: text(value.en, entry, 'note.en'), zh: text(value.zh, entry, 'note.zh') };
}

function parseCity(value: unknown, index: number): City {
  const entry = `cities[${index}]`;
  if (!isRecord(value)) return fail(entry, '', 'not-an-object');
  const id = text(value.id, entry, 'id');
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(id)) fail(entry, 'id', 'bad-value');
  if (!isRecord(value.name)) return fail(id, 'name', 'not-an-object');
  const name = { en: text(value.name.en, id, 'name.en'), zh: text(value.name.zh, id, 'name.zh') };
  const aliases =
    value.aliases === undefined
      ? []
      : Array.isArray(value.aliases)
        ? value.aliases.map((a, i) => text(a, id, `aliases[${i}]`))
        : fail(id, 'aliases', 'bad-value');
  return { id, name, aliases };
}

/**
 * A contribution data file, checked: `{"version": 1, "sources": {id: source},
 * "cities": [...], "years": [...]}`. `known` are cities a loaded file may name
 * without declaring them again (the shipped file's). A city's years must not
 * overlap.
 */
export function parseContributions(json: unknown, known: readonly City[] = []): ContributionParse {
  try {
    if (!isRecord(json)) return fail('file', '', 'not-an-object');
    if (json.version !== 1) fail('file', 'version', 'bad-value');
    const sources = new Map<string, DataSource>();
    if (json.sources !== undefined) {
      if (!isRecord(json.sources)) fail('file', 'sources', 'not-an-object');
      for (const [id, source] of Object.entries(json.sources as Record<string, unknown>)) sources.set(id, parseSource(source, `sources.${id}`));
    }
    const cities = json.cities === undefined ? [] : Array.isArray(json.cities) ? json.cities.map(parseCity) : fail('file', 'cities', 'bad-value');
    const ids = new Set([...known.map((c) => c.id), ...cities.map((c) => c.id)]);
    if (!Array.isArray(json.years)) return fail('file', 'years', 'missing');
    const years = json.years.map((y, i) => parseYear(y, i, sources, ids));
    const sorted = [...years].sort((a, b) => (a.city === b.city ? (a.from < b.from ? -1 : 1) : a.city < b.city ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      if (a.city === b.city && b.from <= a.to) fail(`${b.city} ${b.year}`, 'from', 'overlap');
    }
    return { ok: true, table: { cities, years: sorted } };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, problem: e.problem };
    throw e;
  }
}

/**
 * The shipped table with loaded years over it: a loaded year replaces the
 * shipped one of the same city and year, and any shipped year it overlaps.
 */
export function withLoaded(shipped: ContributionTable, loaded: readonly ContributionYear[]): ContributionTable {
  const years = shipped.years.filter((y) => !loaded.some((l) => l.city === y.city && (l.year === y.year || (l.from <= y.to && y.from <= l.to))));
  const all = [...years, ...loaded].sort((a, b) => (a.city === b.city ? (a.from < b.from ? -1 : 1) : a.city < b.city ? -1 : 1));
  return { cities: shipped.cities, years: all };
}

/** The city a user means by what they typed ("北京", "Beijing", "beijing", "北京市"), or null. */
export function findCity(table: ContributionTable, typed: string): City | null {
  const t = typed.trim().toLowerCase();
  if (t === '') return null;
  return table.cities.find((c) => c.id === t || c.name.en.toLowerCase() === t || c.name.zh === t || c.aliases.some((a) => a.toLowerCase() === t)) ?? null;
}

/** The contribution year of a city that covers a day (a month is covered by the year covering its first day). */
export function yearCovering(table: ContributionTable, city: string, day: IsoDate): ContributionYear | null {
  return table.years.find((y) => y.city === city && y.from <= day && day <= y.to) ?? null;
}

/**
 * A year stored by an older sscard (its note one text) as this one reads it:
 * the ledger keeps loaded years as they were parsed then.
 */
export function storedYear(year: ContributionYear): ContributionYear {
  const note: unknown = year.note;
  const read = typeof note === 'string' ? { ...year, note: { en: note, zh: note } } : year;
  // Before per-insurance bases a year had no `bases`: every insurance used `base`.
  return (read as Partial<ContributionYear>).bases === undefined ? { ...read, bases: {} } : read;
}

/**
 * Years as a data file holds them (yuan, percent, sources by id): what
 * `parseContributions` reads back to the same years. The JSON export carries
 * the loaded years so (SPEC 2.3: a complete record).
 */
export function contributionFile(years: readonly ContributionYear[]): Record<string, unknown> {
  const sources: Record<string, DataSource> = {};
  const idOf = (s: DataSource) => {
    const found = Object.entries(sources).find(([, t]) => t.title === s.title && t.url === s.url && t.date === s.date && t.confidence === s.confidence);
    if (found) return found[0];
    const id = `s${Object.keys(sources).length + 1}`;
    sources[id] = { title: s.title, url: s.url, date: s.date, confidence: s.confidence };
    return id;
  };
  const yuan = (fen: Fen) => fen / 100;
  const pct = (milli: MilliPercent) => milli / 1000;
  const known = <T extends { source: DataSource }>(v: T | null, write: (v: T) => Record<string, unknown>) =>
    v === null ? 'unknown' : { ...write(v), source: idOf(v.source) };
  const shares = (r: Shares) => ({ employer: pct(r.employer), employee: pct(r.employee) });
  return {
    version: 1,
    sources,
    years: years.map((y) => ({
      city: y.city,
      year: y.year,
      from: y.from,
      to: y.to,
      base: known(y.base, (b) => ({ floor: yuan(b.floor), ceiling: yuan(b.ceiling) })),
      pension: known(y.rates.pension, shares),
      medical: known(y.rates.medical, shares),
      unemployment: known(y.rates.unemployment, shares),
      injury: known(y.rates.injury, (r) => ({ ...shares(r), range: r.range === null ? 'unknown' : { min: pct(r.range.min), max: pct(r.range.max) } })),
      dueDay: known(y.dueDay, (d) => ({ day: d.day })),
      cutoff: known(y.cutoff, (d) => ({ day: d.day })),
      note: y.note,
      ...(Object.keys(y.bases).length > 0
        ? {
            bases: Object.fromEntries(
              Object.entries(y.bases).map(([k, periods]) => [
                k,
                periods.length === 0
                  ? 'unknown'
                  : periods.map((p) => ({ from: p.from, to: p.to, floor: yuan(p.floor), ceiling: yuan(p.ceiling), source: idOf(p.source) })),
              ]),
            ),
          }
        : {}),
    })),
  };
}

/** Every source a year's known values cite, once each, in field order. */
export function sourcesOf(year: ContributionYear): DataSource[] {
  const own = INSURANCES.flatMap((k) => year.bases[k] ?? []);
  const all = [year.base, ...own, year.rates.pension, year.rates.medical, year.rates.unemployment, year.rates.injury, year.dueDay, year.cutoff]
    .filter((v) => v !== null)
    .map((v) => v.source);
  return all.filter((s, i) => all.findIndex((t) => t.url === s.url && t.title === s.title) === i);
}
