// `--employer NAME` for due and people (issue 28): an employer is found
// whatever the case, the width of its letters (ＡＣＭＥ, full-width as a
// Chinese keyboard types them) and the spaces around and inside its name, as
// a clerk types it; when nothing matches, the names the ledger has that come
// close are offered ("did you mean").
import type { Context } from '../../context.js';

/** The form two employer names are compared in. */
export function employerKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface EmployerFilter {
  /** Whether a hire's or an item's employer is the one asked for. */
  matches(employer: string | null): boolean;
  /** After the scan: whether any matched. */
  readonly matched: boolean;
  /** After the scan: names seen that come close to the one asked for, when none matched. */
  suggestions(): string[];
}

export function employerFilter(typed: string | undefined): EmployerFilter | null {
  if (typed === undefined) return null;
  const wanted = employerKey(typed);
  let matched = false;
  const seen = new Set<string>();
  return {
    get matched() {
      return matched;
    },
    matches(employer) {
      if (employer === null) return false;
      if (employerKey(employer) === wanted) return (matched = true);
      if (!matched && seen.size < 1000) seen.add(employer);
      return false;
    },
    suggestions() {
      if (matched) return [];
      return [...seen].filter((name) => close(employerKey(name), wanted)).slice(0, 5);
    },
  };
}

/** One name holds the other (Acme, Acme Ltd), or they differ by at most two edits (a typo). */
function close(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]! <= 2;
}

/** After due or people ran: when no employer matched, one sentence on stderr naming the close ones. */
export function didYouMean(ctx: Context, typed: string | undefined, filter: EmployerFilter | null): void {
  if (filter === null || typed === undefined || filter.matched) return;
  ctx.err.write(`${ctx.m.employerFilter.noMatch(typed.trim(), filter.suggestions())}\n`);
}
