// The cost of a late registration in words (SPEC 1.9): the totals with their
// arithmetic (months × base × rate; unpaid × days × 0.05%), the fines that may
// follow, or what data is missing instead of a figure.
import type { Cost, MonthCost } from '../../core/cost.js';
import type { Context } from '../context.js';
import { percent, yuanRange } from './money.js';

/** Runs of months at the same base and rates: "2 months × 10,000.00 × 26.7%". */
function segments(ctx: Context, months: readonly MonthCost[], who: 'employer' | 'employee'): string {
  const runs: { count: number; month: MonthCost }[] = [];
  for (const m of months) {
    const last = runs[runs.length - 1];
    const same = last && last.month.base.min === m.base.min && last.month.base.max === m.base.max && last.month.rates[who] === m.rates[who];
    if (same) last.count++;
    else runs.push({ count: 1, month: m });
  }
  return runs.map((r) => ctx.m.cost.segment(r.count, yuanRange(r.month.base), percent(r.month.rates[who]))).join(' + ');
}

/** The lines under a registration in `status`, indented by the caller. */
export function costLines(ctx: Context, cost: Cost, employer: string, cityName: (id: string) => string, city: string | null): string[] {
  const m = ctx.m.cost;
  if (cost.missing.length > 0 || cost.premiums === null || cost.lateFee === null || cost.fineRange === null) {
    return [ctx.color.yellow(m.notEstimated), ...cost.missing.map((x) => `  - ${m.missing(x, employer, cityName)}`)];
  }
  const lines = [m.title(city === null ? '' : cityName(city), cost.monthCount)];
  lines.push(`  ${m.premiums(yuanRange(cost.premiums.employer), yuanRange(cost.premiums.employee))}`);
  lines.push(`    ${ctx.m.rates.employer}${ctx.m.rates.sep}${segments(ctx, cost.months, 'employer')}`);
  lines.push(`    ${ctx.m.rates.employee}${ctx.m.rates.sep}${segments(ctx, cost.months, 'employee')}`);
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
