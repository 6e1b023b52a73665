// The cost of a late registration in words (SPEC 1.9): the totals with their
// arithmetic (months × base × rate; unpaid × days × 0.05%), the fines that may
// follow, or what data is missing instead of a figure.
import { INSURANCES } from '../../core/contributions.js';
import type { Cost, Range } from '../../core/cost.js';
import type { Context } from '../context.js';
import { percent, yuanRange } from './money.js';

/** Runs of months at the same base and rate: "2 months × 10,000.00 × 26.7%". */
function segments(ctx: Context, months: readonly { base: Range; rate: number }[]): string {
  const runs: { count: number; base: Range; rate: number }[] = [];
  for (const m of months) {
    const last = runs[runs.length - 1];
    if (last && last.base.min === m.base.min && last.base.max === m.base.max && last.rate === m.rate) last.count++;
    else runs.push({ count: 1, ...m });
  }
  return runs.map((r) => ctx.m.cost.segment(r.count, yuanRange(r.base), percent(r.rate))).join(' + ');
}

/**
 * The arithmetic of the premiums: one line per share when every insurance
 * used the same base each month; else one line per insurance, so that the
 * base each one used shows (a city with a medical base of its own).
 */
function arithmetic(ctx: Context, cost: Cost): string[] {
  const r = ctx.m.rates;
  const shared = cost.months.every((m) => INSURANCES.every((k) => m.insurances[k].base.min === m.base.min && m.insurances[k].base.max === m.base.max));
  if (shared) {
    return (['employer', 'employee'] as const).map(
      (who) =>
        `${r[who]}${r.sep}${segments(
          ctx,
          cost.months.map((m) => ({ base: m.base, rate: m.rates[who] })),
        )}`,
    );
  }
  return INSURANCES.map((k) => {
    const shares = (['employer', 'employee'] as const)
      .filter((who) => cost.months.some((m) => m.insurances[k].rates[who] > 0))
      .map(
        (who) =>
          `${r[who]} ${segments(
            ctx,
            cost.months.map((m) => ({ base: m.insurances[k].base, rate: m.insurances[k].rates[who] })),
          )}`,
      );
    return `${r.insurance[k]}${r.sep}${shares.join(ctx.m.cost.shareSep)}`;
  });
}

/** The lines under a registration in `status`, indented by the caller. */
export function costLines(ctx: Context, cost: Cost, employer: string, cityName: (id: string) => string, city: string | null): string[] {
  const m = ctx.m.cost;
  if (cost.missing.length > 0 || cost.premiums === null || cost.lateFee === null || cost.fineRange === null) {
    return [ctx.color.yellow(m.notEstimated), ...cost.missing.map((x) => `  - ${m.missing(x, employer, cityName)}`)];
  }
  const lines = [m.title(city === null ? '' : cityName(city), cost.monthCount)];
  lines.push(`  ${m.premiums(yuanRange(cost.premiums.employer), yuanRange(cost.premiums.employee))}`);
  for (const line of arithmetic(ctx, cost)) lines.push(`    ${line}`);
  if (cost.base !== null && !('exact' in cost.base)) lines.push(`    ${m.rangeNote}`);
  lines.push(`  ${m.lateFee(yuanRange(cost.lateFee))}`);
  for (const month of cost.months) {
    if (month.lateDays === 0) continue;
    const unpaid = { min: month.premiums.employer.min + month.premiums.employee.min, max: month.premiums.employer.max + month.premiums.employee.max };
    lines.push(`    ${m.lateFeeMonth(month.month, yuanRange(unpaid), month.lateDays, yuanRange(month.lateFee))}`);
  }
  if (cost.months.some((x) => !x.dueDayKnown)) lines.push(`    ${m.dueAssumed}`);
  lines.push(`  ${m.fine(yuanRange(cost.fineRange), yuanRange(cost.managerFine))}`);
  if (city !== null) lines.push(`  ${m.sources(cityName(city))}`);
  return lines;
}
