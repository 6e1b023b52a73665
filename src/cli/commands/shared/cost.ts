// The cost of a late or overdue registration (SPEC 1.9) and the HR month's
// cut-off, for `status` and `due`: the core computes, this finds the
// employer's city and the contribution data, and shapes the JSON.
import type { IsoDate } from '../../../core/calendar-date.js';
import { type ContributionTable, type DataSource, INSURANCES } from '../../../core/contributions.js';
import { type Cost, declarationCutoff, registrationCost } from '../../../core/cost.js';
import type { Employer } from '../../../core/employer.js';

export interface CostBook {
  readonly table: ContributionTable;
  readonly employers: ReadonlyMap<string, Employer>;
}

export const cityOfEmployer = (book: CostBook, employer: string | null): string | null =>
  employer === null ? null : (book.employers.get(employer)?.city ?? null);

/** The estimate for a registration that is `overdue` (to `today`) or `late` (to its filing day); null for any other. */
export function costOf(
  book: CostBook,
  hire: { employer: string | null; hiredOn: IsoDate; registeredOn: IsoDate | null; leftOn: IsoDate | null; base: number | null },
  state: string,
  today: IsoDate,
): Cost | null {
  if (state !== 'overdue' && state !== 'late') return null;
  const until = state === 'late' ? hire.registeredOn! : today;
  return registrationCost({ hiredOn: hire.hiredOn, leftOn: hire.leftOn, until, city: cityOfEmployer(book, hire.employer), base: hire.base }, book.table);
}

/**
 * The cut-off of a registration or separation not filed yet, `pending` or
 * `overdue` (SPEC 1.9, "The HR month": "each pending registration and
 * separation", read as not yet filed: an overdue one is still declared in some
 * month, and its cut-off says which), from its hire or leaving day; null for
 * one filed (`on-time`, `late`) or with no cut-off known. The one rule for
 * `status` and `due`.
 */
export function openCutoff(
  book: CostBook | null,
  employer: string | null,
  startsOn: IsoDate | null,
  state: string,
  today: IsoDate,
): { date: IsoDate; month: string } | null {
  if (book === null || startsOn === null || (state !== 'pending' && state !== 'overdue')) return null;
  return cutoffOf(book, employer, startsOn, today);
}

/**
 * The 增员 (a registration, from its hire day) or 减员 (a separation, from the
 * leaving day) cut-off where the employer's city has one known for that month;
 * else null.
 */
function cutoffOf(book: CostBook, employer: string | null, startsOn: IsoDate, today: IsoDate): { date: IsoDate; month: string } | null {
  const city = cityOfEmployer(book, employer);
  if (city === null) return null;
  const from = startsOn > today ? startsOn : today;
  const year = book.table.years.find((y) => y.city === city && y.from <= from && from <= y.to);
  if (!year?.cutoff) return null;
  const found = declarationCutoff(startsOn, today, year.cutoff.day);
  // The month found may fall in the next contribution year: its own cut-off applies there.
  const next = book.table.years.find((y) => y.city === city && y.from <= `${found.month}-01` && `${found.month}-01` <= y.to);
  return next?.cutoff ? declarationCutoff(startsOn, today, next.cutoff.day) : null;
}

const source = (s: DataSource) => ({ title: s.title, url: s.url, date: s.date, confidence: s.confidence });

/** SPEC 1.9's `cost`, money in integer fen (`unit`), rates in percent. */
export function costJson(cost: Cost | null, city: string | null) {
  if (cost === null) return null;
  return {
    unit: 'fen',
    city,
    until: cost.until,
    monthCount: cost.monthCount,
    months: cost.months.map((m) => ({
      month: m.month,
      contributionYear: m.year,
      base: m.base,
      ratesPercent: { employer: m.rates.employer / 1000, employee: m.rates.employee / 1000 },
      premiums: m.premiums,
      // Each insurance's own base (where a city sets the medical base apart, they differ), rates and premiums.
      insurances: Object.fromEntries(
        INSURANCES.map((k) => {
          const i = m.insurances[k];
          return [k, { base: i.base, ratesPercent: { employer: i.rates.employer / 1000, employee: i.rates.employee / 1000 }, premiums: i.premiums }];
        }),
      ),
      dueOn: m.dueOn,
      dueDayKnown: m.dueDayKnown,
      lateDays: m.lateDays,
      lateFee: m.lateFee,
    })),
    base: cost.base,
    premiums: cost.premiums,
    lateFee: cost.lateFee,
    fineRange: cost.fineRange,
    managerFine: cost.managerFine,
    sources: cost.sources.map(source),
    missing: cost.missing,
  };
}
