// The contribution data (data/contributions.json, SPEC 1.9), read once per
// process and only by the commands that need it, with the years loaded into
// the ledger (`sscard rates load`) over it; and the employers' records
// (SPEC 1.10) as commands and roster rows change them.
import fs from 'node:fs';
import path from 'node:path';
import { type ContributionTable, findCity, parseContributions, storedYear, withLoaded } from '../../../core/contributions.js';
import { decideEmployer, type Employer, type EmployerRequest } from '../../../core/employer.js';
import { InvalidInput, Refused } from '../../../core/errors.js';
import type { LedgerReader, LedgerTransaction } from '../../../store/store.js';
import type { Context } from '../../context.js';
import { checkedByBuild } from './checked-data.js';

/** The bundles run from dist/lazy/, two levels below the package root (scripts/build.mjs). */
export const CONTRIBUTIONS_FILE = path.join(__dirname, '..', '..', 'data', 'contributions.json');

let shipped: ContributionTable | null = null;

/** The shipped file, checked; a broken one names the entry and field (in the user's language) and exits 1. */
export function shippedContributions(ctx: Context): ContributionTable {
  if (shipped !== null) return shipped;
  let data: unknown;
  try {
    const bytes = fs.readFileSync(CONTRIBUTIONS_FILE);
    const checked = checkedByBuild('contributions.json', bytes);
    if (checked !== undefined) {
      shipped = checked as ContributionTable;
      return shipped;
    }
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Refused('contributions-unreadable', ctx.m.rates.shippedUnreadable);
  }
  const parsed = parseContributions(data);
  if (!parsed.ok) throw new Refused('contributions-invalid', ctx.m.rates.shippedInvalid(ctx.m.rates.problem(parsed.problem)));
  shipped = parsed.table;
  return shipped;
}

/** The shipped years with those loaded into the ledger over them. */
export async function contributionTable(ctx: Context, store: LedgerReader | null): Promise<ContributionTable> {
  const table = shippedContributions(ctx);
  const loaded = store ? await store.contributionYears() : [];
  return loaded.length === 0
    ? table
    : withLoaded(
        table,
        loaded.map((l) => storedYear(l.year)),
      );
}

/** A city as typed, as the data's id when the data knows it ("北京" -> beijing), else as typed. */
export function cityOf(table: ContributionTable, typed: string | null | undefined): string | null {
  if (typed === null || typed === undefined || typed.trim() === '') return null;
  return findCity(table, typed)?.id ?? typed.trim();
}

/** A city's name in the user's language, or the text as recorded. */
export function cityName(ctx: Context, table: ContributionTable, city: string): string {
  const known = table.cities.find((c) => c.id === city);
  return known ? ctx.m.rates.cityName(known.name) : city;
}

/**
 * The employers of one write transaction, read once: an import names the same
 * few employers on thousands of rows.
 */
export class EmployerBook {
  /**
   * The employers by their code, for the refusal of a code another employer holds: looked up, not searched (an
   * import whose rows say each employer's code asked once per row, and each time copied every employer known: issue
   * 31's helper found it quadratic in the number of employers).
   */
  private readonly byUscc = new Map<string, Employer>();

  private constructor(private readonly byName: Map<string, Employer>) {
    for (const employer of byName.values()) if (employer.uscc !== null) this.byUscc.set(employer.uscc, employer);
  }

  static async of(tx: LedgerReader): Promise<EmployerBook> {
    return new EmployerBook(new Map((await tx.employers()).map((e) => [e.name, e])));
  }

  get(name: string): Employer | null {
    return this.byName.get(name) ?? null;
  }

  /**
   * Records what is said of an employer (creating it with the name only when
   * nothing else is said). `flag` names the option or column in the refusal.
   */
  async record(ctx: Context, tx: LedgerTransaction, request: EmployerRequest, flags: { uscc: string; city: string }): Promise<Employer> {
    const existing = this.get(request.name);
    const decision = decideEmployer(existing, request, (uscc) => this.byUscc.get(uscc) ?? null);
    if (decision.action === 'refuse') {
      const r = decision.refusal;
      const m = ctx.m.employer;
      if (r.reason === 'uscc-invalid') throw new InvalidInput('uscc-invalid', m.usccInvalid(flags.uscc, r.problem));
      if (r.reason === 'uscc-differs') throw new Refused('uscc-differs', m.usccDiffers(flags.uscc, request.name, r.recorded));
      throw new Refused('uscc-taken', m.usccTaken(flags.uscc, r.by));
    }
    if (decision.action !== 'unchanged') {
      await tx.saveEmployer(decision.employer);
      this.byName.set(decision.employer.name, decision.employer);
      if (decision.employer.uscc !== null) this.byUscc.set(decision.employer.uscc, decision.employer);
    }
    return decision.employer;
  }
}
