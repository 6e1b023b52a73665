// sscard import <file>: hires and cards in bulk, from the file HR really has
// (SPEC 2.3): xlsx, CSV/TSV in UTF-8 or GB18030, Chinese headers, or
// standard input; or a JSON export of every event. Every row obeys the same
// rules as the single commands (src/core/ledger-row.ts). The file is read as
// a stream inside one transaction: by default a file with any bad row writes
// nothing; importing the same file twice changes nothing.
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import fs from 'node:fs';
import { InvalidInput } from '../../core/errors.js';
import { isMaskedId, redactIds } from '../../core/masking.js';
import { planRow, type RowProblem } from '../../core/ledger-row.js';
import type { LedgerTransaction } from '../../store/store.js';
import type { Context } from '../context.js';
import type { BadRow, ImportTally } from './shared/import-tally.js';
import { required } from './shared/input.js';
import { readRow } from '../formats/ledger-csv.js';
import { writeJson } from './shared/output.js';
import { personState } from './shared/person.js';
import { refusalText } from './shared/refusals.js';
import { idDamageText } from '../formats/roster/damaged-id.js';

export interface ImportArgs {
  file?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  sheet?: string;
}

/** A file with many bad rows lists the first ones and then the count (SPEC 2.2). */
const LISTED_BAD_ROWS = 100;

class Rollback extends Error {}

/** Rows read ahead together (at least): a shared ledger loads their people and cards in one round trip (LedgerTransaction.prefetch). */
const PREFETCH = 1000;

/** Pages joined until each holds at least `size` items. */
async function* atLeast<T>(pages: AsyncIterable<T[]>, size: number): AsyncIterable<T[]> {
  let chunk: T[] = [];
  for await (const page of pages) {
    chunk = chunk.length === 0 ? page : chunk.concat(page);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The counts of a run, and the bad rows (the first LISTED_BAD_ROWS of them). */
export async function run(ctx: Context, args: ImportArgs): Promise<void> {
  const given = await required(ctx, args.file, '<file>', ctx.m.import.askFile);
  if (given === '-' && ctx.stdinIsTTY) throw new InvalidInput('stdin-is-terminal', ctx.m.import.stdinIsTerminal);
  // Standard input is kept in a private temporary file first: a shared ledger re-runs the
  // transaction after a conflict (SPEC 3.2), and standard input cannot be read twice.
  const spooled = given === '-' ? await spoolStdin(ctx.stdin) : null;
  try {
    await importFile(ctx, args, spooled ?? given, given === '-' ? 'stdin' : path.basename(given));
  } finally {
    if (spooled) fs.rmSync(path.dirname(spooled), { recursive: true, force: true });
  }
}

/** Standard input into a file of its owner's alone, named by what it holds (a workbook, a JSON export, or text). */
async function spoolStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-import-'));
  const raw = path.join(dir, 'stdin');
  await pipeline(stdin, fs.createWriteStream(raw, { mode: 0o600 }));
  const head = Buffer.alloc(8);
  const fd = fs.openSync(raw, 'r');
  const n = fs.readSync(fd, head, 0, 8, 0);
  fs.closeSync(fd);
  const start = head
    .subarray(0, n)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  const kind = head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'xlsx' : start.startsWith('{') ? 'json' : 'csv';
  const named = path.join(dir, `stdin.${kind}`);
  fs.renameSync(raw, named);
  return named;
}

async function importFile(ctx: Context, args: ImportArgs, file: string, name: string): Promise<void> {
  // A dry run never creates the ledger: with none yet, it runs against an empty one in memory.
  const existing = args.dryRun && (await ctx.openStore({ write: false })) === null ? null : await ctx.openStore({ write: true, bulk: true });
  const store = existing ?? (await ctx.scratchStore());
  const tally: ImportTally = { rows: 0, changed: 0, unchanged: 0, events: 0, invalid: 0, bad: [] };
  const bad = (row: BadRow) => {
    tally.invalid++;
    if (tally.bad.length < LISTED_BAD_ROWS) tally.bad.push(row);
  };
  const source = `import ${name}`;

  try {
    await store.write(
      async (tx) => {
        // A shared ledger runs this again after a conflict with another writer (SPEC 3.2): count afresh.
        Object.assign(tally, { rows: 0, changed: 0, unchanged: 0, events: 0, invalid: 0, bad: [] });
        if (file.toLowerCase().endsWith('.json')) {
          const { importEvents } = await import('./shared/import-events.js');
          await importEvents(ctx, tx, file, source, tally, bad);
        } else {
          await importRoster(ctx, tx, file, args.sheet, source, tally, bad);
        }
        // The dry run decides exactly as the real run, then writes nothing.
        if (args.dryRun || (tally.invalid > 0 && !args.skipInvalid)) throw new Rollback();
      },
      { bulk: true },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  } finally {
    if (existing === null) await store.close();
  }
  report(ctx, args, tally);
}

async function importRoster(
  ctx: Context,
  tx: LedgerTransaction,
  file: string,
  sheet: string | undefined,
  source: string,
  tally: ImportTally,
  bad: (row: BadRow) => void,
): Promise<void> {
  const { openRoster } = await import('../formats/roster/read.js');
  const { judging } = await import('./shared/policies-data.js');
  const j = judging(ctx);
  const policies = { book: j.policies, fallback: ctx.defaultPolicy };
  const { progressBar } = await import('../formats/roster/progress.js');
  const lineSource = `${source} line `; // each event's source: the file and the row's line
  const holder: { bar: ReturnType<typeof progressBar> | null } = { bar: null };
  const roster = await openRoster(file, {
    sheet,
    stdin: ctx.stdin,
    m: ctx.m,
    onProgress: ctx.stderrIsTTY ? (p) => (holder.bar ??= progressBar(ctx.err, p.totalBytes ?? null, ctx.m.import.progress)).update(p) : undefined,
  });
  try {
    if (roster.unknownColumns.length > 0) {
      const names = roster.unknownColumns.map((c) => JSON.stringify(redactIds(c.slice(0, 40))));
      ctx.err.write(`${ctx.m.import.ignoredColumns(names)}\n`);
    }
    for await (const chunk of atLeast(roster.pages, PREFETCH)) {
      const reads = chunk.map(({ cells, idDamage }) => (idDamage ? null : readRow(cells, ctx.today, policies, ctx.m)));
      if (tx.prefetch) {
        const valid = reads.flatMap((read) => (read && !('problem' in read) ? [read.row] : []));
        await tx.prefetch(
          valid.map((row) => row.id.number),
          valid.flatMap((row) => (row.card ? [row.card.number] : [])),
        );
      }
      for (let i = 0; i < chunk.length; i++) {
        const { line, idDamage, cells } = chunk[i]!;
        // A masked export given back (SPEC 2.3): one sentence for the file, not one per row; no number in it can be read.
        if (isMaskedId(cells.id ?? '')) {
          const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
          throw new InvalidInput('masked-export', ctx.m.import.maskedRoster(path.basename(file), format));
        }
        tally.rows++;
        if (idDamage) {
          bad({ line, field: 'id', code: 'invalid-id', message: idDamageText(idDamage, ctx.m) });
          continue;
        }
        const read = reads[i]!;
        if ('problem' in read) {
          bad({ line, field: read.problem.field, code: `invalid-${read.problem.field.replaceAll('_', '-')}`, message: read.problem.message });
          continue;
        }
        const id = read.row.id.number;
        const person = await personState(tx, id);
        const holder = read.row.card ? await tx.cardHolder(read.row.card.number) : null;
        const plan = planRow(read.row, person, holder, j);
        if (!plan.ok) {
          const { problem } = plan;
          const code = 'refusal' in problem ? problem.refusal.reason : problem.other;
          bad({ line, field: problem.field, code, message: problemText(ctx, problem, read.row.card?.number ?? '') });
          continue;
        }
        await tx.record(id, plan.facts, lineSource + line);
        tally.events += plan.facts.length;
        if (plan.facts.length > 0) tally.changed++;
        else tally.unchanged++;
      }
    }
  } finally {
    holder.bar?.done();
    await roster.close();
  }
}

function report(ctx: Context, args: ImportArgs, tally: ImportTally): void {
  const m = ctx.m.import;
  const more = tally.invalid - tally.bad.length;
  const lines = tally.bad.map((row) => m.badRow(row.line, row.field, row.message));
  if (more > 0) lines.push(m.moreInvalid(more));
  if (tally.invalid > 0 && !args.skipInvalid) {
    const message = m.invalidRows(tally.invalid, tally.rows, Boolean(args.dryRun));
    if (!ctx.json) for (const line of lines) ctx.err.write(`${line}\n`);
    throw Object.assign(new InvalidInput('invalid-rows', message), { details: { rows: tally.bad, invalid: tally.invalid } });
  }
  const written = !args.dryRun;
  if (ctx.json) {
    writeJson(ctx, {
      asOf: ctx.today,
      dryRun: Boolean(args.dryRun),
      written,
      rows: tally.rows,
      changed: tally.changed,
      unchanged: tally.unchanged,
      events: tally.events,
      invalid: tally.bad,
      invalidCount: tally.invalid,
    });
    return;
  }
  for (const line of lines) ctx.err.write(`${line}\n`);
  ctx.out.write(`${m.done(tally, Boolean(args.dryRun))}\n`);
}

/** A row's refusal in the command's words, naming the column (the guardian's is said as a column to fill). */
function problemText(ctx: Context, problem: RowProblem, card: string): string {
  if ('other' in problem) return ctx.m.import.activatedOnAnotherDate(card);
  if (problem.refusal.reason === 'guardian-required') return ctx.m.import.guardianNeeded;
  return refusalText(ctx, problem.refusal, { card, field: problem.field });
}
