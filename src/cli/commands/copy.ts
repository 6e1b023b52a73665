// sscard copy --from SRC --to DEST: a whole ledger between any two engines
// (SPEC 3.2), e.g. a local file into a new shared PostgreSQL ledger, or back.
// Events are copied with their numbers, times and sources, so revocations
// still name the events they withdraw; the state is rebuilt from them at the
// destination, and the rows are counted on both sides afterwards. A new
// SQLite destination is written beside its name and takes it only once
// everything is in and checked, so that an interrupted copy leaves nothing
// under the final name (issue 30, defect 8), as backup does (SPEC 3.1).
import fs from 'node:fs';
import path from 'node:path';
import { InvalidInput, NotFound, Refused } from '../../core/errors.js';
import { removeDeadStaging, stagingName } from '../../store/leftovers.js';
import { displayUrl, isPostgresUrl } from '../../store/location.js';
import type { Store } from '../../store/store.js';
import type { Context } from '../context.js';
import { required } from './shared/input.js';
import { writeJson } from './shared/output.js';

const COUNTED = ['person', 'hire', 'card', 'ecard', 'event'] as const;

export async function run(ctx: Context, args: { from?: string; to?: string }): Promise<void> {
  const from = await required(ctx, args.from, '--from', ctx.m.copy.askFrom);
  const to = await required(ctx, args.to, '--to', ctx.m.copy.askTo);
  const same = isPostgresUrl(from) || isPostgresUrl(to) ? from === to : path.resolve(from) === path.resolve(to);
  if (same) throw new InvalidInput('copy-onto-itself', ctx.m.copy.ontoItself(displayUrl(to)));

  const source = await ctx.openLedgerAt(from, { write: false });
  if (source === null) throw new NotFound('no-ledger', ctx.m.copy.noSource(displayUrl(from)));
  const refuse = () => {
    throw new Refused('copy-destination-not-empty', ctx.m.copy.notEmpty(displayUrl(to)));
  };
  // The name first-write.ts's bulk import stages under, which a later run can recognise by its dead PID.
  const staged = !isPostgresUrl(to) && !fs.existsSync(to) ? stagingName(to) : null;
  // Those of copies killed before (issue 29 item 2: SIGKILL runs no exit path).
  if (!isPostgresUrl(to)) removeDeadStaging(to);
  const removeStaged = () => {
    if (staged) for (const f of ['', '-wal', '-shm', '-journal']) fs.rmSync(staged + f, { force: true });
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  // Ctrl-C or a kill: the staged file goes, then the signal ends the process as it would have.
  const onSignal = (signal: NodeJS.Signals) => {
    removeStaged();
    for (const s of signals) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  if (staged) for (const s of signals) process.once(s, onSignal);
  let rows: Record<string, number>;
  try {
    const destination = await ctx.openLedgerAt(staged ?? to, { write: true });
    try {
      rows = await copyInto(ctx, source, destination, from, to, refuse);
      if (staged) {
        await destination.close();
        try {
          fs.linkSync(staged, to); // never replaces a file created meanwhile
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') refuse();
          throw error;
        }
      }
    } finally {
      if (staged) {
        await destination.close().catch(() => undefined);
        removeStaged();
      }
    }
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
  }
  if (ctx.json) writeJson(ctx, { from: displayUrl(from), to: displayUrl(to), rows });
  else ctx.out.write(`${ctx.m.ledger.copied(displayUrl(from), displayUrl(to), rows)}\n`);
}

async function copyInto(ctx: Context, source: Store, destination: Store, from: string, to: string, refuse: () => never): Promise<Record<string, number>> {
  if ((await destination.calendarYears()).length > 0 || (await destination.employers()).length > 0) refuse();
  for await (const _ of destination.allEvents()) refuse();
  // The events, the calendar years and the source's counts as of one moment (issue 29 item 12: a copy
  // from a ledger being written compared the counts of a later moment, and failed).
  const { events, before } = await source.consistentRead(async () => {
    const events = await destination.loadEvents(source.allEvents());
    // The official schedules loaded into the ledger (sscard calendar load) count its deadlines: they go too.
    // So do the employers' records and the contribution years loaded (sscard rates load).
    const years = await source.calendarYears();
    const employers = await source.employers();
    const contributions = await source.contributionYears();
    if (years.length + employers.length + contributions.length > 0) {
      await destination.write(async (tx) => {
        for (const year of years) await tx.saveCalendarYear(year);
        for (const employer of employers) await tx.saveEmployer(employer);
        for (const year of contributions) await tx.saveContributionYear(year);
      });
    }
    return { events, before: await source.check() };
  });
  const after = await destination.check();
  const differing = COUNTED.filter((table) => before.rows[table] !== after.rows[table]);
  if (differing.length > 0 || after.rows.event !== events) {
    const table = differing[0] ?? 'event';
    throw new Refused(
      'copy-counts-differ',
      ctx.m.copy.countsDiffer(displayUrl(to), displayUrl(from), ctx.m.ledger.check.tables[table] ?? table, after.rows[table] ?? 0, before.rows[table] ?? 0),
    );
  }
  if (!after.ok) throw new Refused('copy-check-failed', ctx.m.copy.checkFailed(displayUrl(to)));

  return Object.fromEntries(COUNTED.map((table) => [table, after.rows[table] ?? 0]));
}
