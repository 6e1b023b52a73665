// What a late registration costs (SPEC 1.9). Where social insurance was not
// registered, the agency assesses the premiums the employer should pay from
// the month of hiring (社会保险法 Art. 58 ¶1, Art. 63); unpaid premiums carry a
// late fee of 0.05% a day from the day they were due (滞纳金, Art. 86); and an
// employer that does not register after being ordered to may be fined one to
// three times the premiums owed, its responsible managers 500 to 3,000 yuan
// (Art. 84). Pure: money in integer fen, no clock, no files.
//
// Decisions (the SPEC is silent; README "Decisions"):
// - Months: every calendar month from the hire month to the filing month (a
//   late registration) or the as-of month (an overdue one), both included,
//   ending at the leaving month when the employment ended before.
// - Each insurance's monthly premium is rounded to the fen (half up), as
//   payment notices are; shares are summed from those.
// - The late fee runs on both shares: the employer withholds and pays the
//   employee's share too (Art. 60), so the whole premium is unpaid. It counts
//   the days after the month's due day (the city's day of that month, else
//   its last day) up to and including the filing or as-of day, and is
//   rounded to the fen per month.
// - Where an insurance has a base of its own (Guangzhou, Shenzhen, Chengdu:
//   the medical base is set apart from the pension base), each insurance's
//   premium uses its own base for that month. A hire's recorded base is
//   brought within each insurance's floor and ceiling where those are known
//   (a base below the floor is paid at the floor, above the ceiling at the
//   ceiling); where they are not, the recorded base is used as it is.
// - The Art. 84 fine is one to three times the premiums owed (both shares);
//   with a range of bases its low end uses the floor, its high end the ceiling.
import { daysBetween, daysInMonth, type IsoDate, isoDate } from './calendar-date.js';
import {
  baseFor,
  type ContributionTable,
  type DataSource,
  type Fen,
  INSURANCES,
  type Insurance,
  type MilliPercent,
  sourcesOf,
  yearCovering,
} from './contributions.js';

/** 滞纳金: 0.05% (万分之五) a day, Art. 86. */
export const LATE_FEE_PER_DAY = { numerator: 5, denominator: 10_000 } as const;
/** Art. 84: the employer 1-3 times the premiums owed; its responsible managers 500-3,000 yuan. */
export const FINE_MULTIPLE = { min: 1, max: 3 } as const;
export const MANAGER_FINE: Range = { min: 50_000, max: 300_000 };

export interface Range {
  readonly min: Fen;
  readonly max: Fen;
}

export type Missing =
  | { readonly kind: 'city' }
  | { readonly kind: 'year'; readonly city: string; readonly month: string }
  | { readonly kind: 'base'; readonly city: string; readonly year: number }
  /** An insurance's own base is unknown from this month (the first such month of the year). */
  | { readonly kind: 'base'; readonly city: string; readonly year: number; readonly insurance: Insurance; readonly month: string }
  | { readonly kind: 'rates'; readonly city: string; readonly year: number; readonly insurance: Insurance };

/** One insurance in one month: the base it used, its rates and the premiums. */
export interface InsuranceMonth {
  readonly base: Range;
  readonly rates: { readonly employer: MilliPercent; readonly employee: MilliPercent };
  readonly premiums: { readonly employer: Range; readonly employee: Range };
}

export interface MonthCost {
  /** YYYY-MM. */
  readonly month: string;
  /** The contribution year's label (its first year: 2025 for July 2025 to June 2026). */
  readonly year: number;
  /** The lowest and highest base any insurance used (one base when they share it). */
  readonly base: Range;
  /** Each insurance's own base, rates and premiums. */
  readonly insurances: Readonly<Record<Insurance, InsuranceMonth>>;
  /** The sum of the four insurances' rates, per share. */
  readonly rates: { readonly employer: MilliPercent; readonly employee: MilliPercent };
  readonly premiums: { readonly employer: Range; readonly employee: Range };
  readonly dueOn: IsoDate;
  /** Whether dueOn is the city's due day (else the month's last day, assumed). */
  readonly dueDayKnown: boolean;
  /** Days the late fee runs (after dueOn, to the filing or as-of day). */
  readonly lateDays: number;
  readonly lateFee: Range;
}

export interface Cost {
  /** Each month's figures; only months whose data is complete. */
  readonly months: readonly MonthCost[];
  /** How many months the estimate spans (also those without data). */
  readonly monthCount: number;
  readonly base: { readonly exact: Fen } | Range | null;
  /** Totals; null when data is missing for any month (no figure is invented). */
  readonly premiums: { readonly employer: Range; readonly employee: Range } | null;
  readonly lateFee: Range | null;
  readonly fineRange: Range | null;
  readonly managerFine: Range;
  /** The late fee and premiums run to this day. */
  readonly until: IsoDate;
  readonly sources: readonly DataSource[];
  readonly missing: readonly Missing[];
}

export interface CostRequest {
  readonly hiredOn: IsoDate;
  /** The employment's last day, if it ended. */
  readonly leftOn: IsoDate | null;
  /** The filing day of a late registration, or the as-of day of an overdue one. */
  readonly until: IsoDate;
  /** The city id whose data applies (the employer's), or null when not recorded. */
  readonly city: string | null;
  /** The hire's monthly base (缴费基数) in fen, or null: a range from floor to ceiling. */
  readonly base: Fen | null;
}

const monthIndex = (day: IsoDate) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const firstOf = (index: number) => isoDate(Math.floor(index / 12), (index % 12) + 1, 1);

/** base × rate, to the fen, half up (rate in thousandths of a percent). */
export function premium(base: Fen, rate: MilliPercent): Fen {
  return Math.floor((base * rate + 50_000) / 100_000);
}

/** The late fee on `unpaid` for `days` days, to the fen, half up. */
export function lateFee(unpaid: Fen, days: number): Fen {
  const { numerator, denominator } = LATE_FEE_PER_DAY;
  return Math.floor((unpaid * days * numerator + denominator / 2) / denominator);
}

const sum = (ranges: readonly Range[]): Range => ({ min: ranges.reduce((s, r) => s + r.min, 0), max: ranges.reduce((s, r) => s + r.max, 0) });

/** The estimate for one overdue or late registration. */
export function registrationCost(request: CostRequest, table: ContributionTable): Cost {
  const { hiredOn, leftOn, until, city, base } = request;
  const last = leftOn !== null && leftOn < until ? leftOn : until;
  const first = monthIndex(hiredOn);
  const monthCount = Math.max(0, monthIndex(last) - first + 1);
  const missing: Missing[] = [];
  const months: MonthCost[] = [];
  const sources: DataSource[] = [];
  const baseShown = base !== null ? { exact: base } : null;
  if (city === null) {
    return {
      months,
      monthCount,
      base: baseShown,
      premiums: null,
      lateFee: null,
      fineRange: null,
      managerFine: MANAGER_FINE,
      until,
      sources,
      missing: [{ kind: 'city' }],
    };
  }
  const noted = (m: Missing) => {
    // An insurance's unknown base is named once a year, at its first month.
    const same = (x: Missing) =>
      m.kind === 'base' && 'insurance' in m
        ? x.kind === 'base' && 'insurance' in x && x.year === m.year && x.insurance === m.insurance
        : JSON.stringify(x) === JSON.stringify(m);
    if (!missing.some(same)) missing.push(m);
  };
  let floor: Fen | null = null;
  let ceiling: Fen | null = null;
  for (let i = first; i < first + monthCount; i++) {
    const start = firstOf(i);
    const month = start.slice(0, 7);
    const year = yearCovering(table, city, start);
    if (year === null) {
      noted({ kind: 'year', city, month });
      continue;
    }
    for (const s of sourcesOf(year)) if (!sources.some((t) => t.url === s.url && t.title === s.title)) sources.push(s);
    const bounds = {} as Record<Insurance, Range | null>;
    for (const k of INSURANCES) {
      const range = baseFor(year, k, month);
      bounds[k] =
        base !== null
          ? range === null
            ? { min: base, max: base }
            : { min: Math.min(Math.max(base, range.floor), range.ceiling), max: Math.min(Math.max(base, range.floor), range.ceiling) }
          : range === null
            ? null
            : { min: range.floor, max: range.ceiling };
      if (bounds[k] === null)
        noted(year.bases[k] === undefined ? { kind: 'base', city, year: year.year } : { kind: 'base', city, year: year.year, insurance: k, month });
    }
    const unknownRates = INSURANCES.filter((k) => year.rates[k] === null);
    for (const insurance of unknownRates) noted({ kind: 'rates', city, year: year.year, insurance });
    // The range of bases is shown even where a rate is missing: it is what the data does say.
    for (const k of INSURANCES) {
      const b = bounds[k];
      if (base === null && b !== null) {
        floor = floor === null ? b.min : Math.min(floor, b.min);
        ceiling = ceiling === null ? b.max : Math.max(ceiling, b.max);
      }
    }
    if (INSURANCES.some((k) => bounds[k] === null) || unknownRates.length > 0) continue;
    const insurances = {} as Record<Insurance, InsuranceMonth>;
    for (const k of INSURANCES) {
      const b = bounds[k]!;
      const r = year.rates[k]!;
      insurances[k] = {
        base: b,
        rates: { employer: r.employer, employee: r.employee },
        premiums: {
          employer: { min: premium(b.min, r.employer), max: premium(b.max, r.employer) },
          employee: { min: premium(b.min, r.employee), max: premium(b.max, r.employee) },
        },
      };
    }
    const all = INSURANCES.map((k) => insurances[k]);
    const premiums = { employer: sum(all.map((x) => x.premiums.employer)), employee: sum(all.map((x) => x.premiums.employee)) };
    const y = Math.floor(i / 12);
    const m = (i % 12) + 1;
    const dueOn = isoDate(y, m, Math.min(year.dueDay?.day ?? 31, daysInMonth(y, m)));
    const lateDays = Math.max(0, daysBetween(dueOn, until));
    const unpaid = sum([premiums.employer, premiums.employee]);
    months.push({
      month,
      year: year.year,
      base: { min: Math.min(...all.map((x) => x.base.min)), max: Math.max(...all.map((x) => x.base.max)) },
      insurances,
      rates: {
        employer: all.reduce((s, x) => s + x.rates.employer, 0),
        employee: all.reduce((s, x) => s + x.rates.employee, 0),
      },
      premiums,
      dueOn,
      dueDayKnown: year.dueDay !== null,
      lateDays,
      lateFee: { min: lateFee(unpaid.min, lateDays), max: lateFee(unpaid.max, lateDays) },
    });
  }
  const shownBase = base !== null ? { exact: base } : floor !== null && ceiling !== null ? { min: floor, max: ceiling } : null;
  if (missing.length > 0) {
    return { months, monthCount, base: shownBase, premiums: null, lateFee: null, fineRange: null, managerFine: MANAGER_FINE, until, sources, missing };
  }
  const premiums = { employer: sum(months.map((x) => x.premiums.employer)), employee: sum(months.map((x) => x.premiums.employee)) };
  const owed = sum([premiums.employer, premiums.employee]);
  return {
    months,
    monthCount,
    base: shownBase,
    premiums,
    lateFee: sum(months.map((x) => x.lateFee)),
    fineRange: { min: owed.min * FINE_MULTIPLE.min, max: owed.max * FINE_MULTIPLE.max },
    managerFine: MANAGER_FINE,
    until,
    sources,
    missing,
  };
}

/**
 * The HR month (SPEC 1.9): the declaration cut-off that a pending
 * registration (增员) or separation (减员) should meet: the cut-off day of the
 * month the duty starts in (the hire month, the leaving month), or of the
 * as-of month once that one has passed; if the as-of day is already past
 * this month's cut-off, next month's. A filing after it takes effect the
 * month after.
 */
export function declarationCutoff(startsOn: IsoDate, today: IsoDate, cutoffDay: number): { readonly date: IsoDate; readonly month: string } {
  let index = Math.max(monthIndex(startsOn), monthIndex(today));
  const dayIn = (i: number) => isoDate(Math.floor(i / 12), (i % 12) + 1, Math.min(cutoffDay, daysInMonth(Math.floor(i / 12), (i % 12) + 1)));
  if (dayIn(index) < today) index++;
  return { date: dayIn(index), month: firstOf(index).slice(0, 7) };
}
