// sscard import <file>: hires and cards in bulk, from the file HR really has
// (SPEC 2.3): xlsx, CSV/TSV in UTF-8 or GB18030, Chinese headers, or
// standard input; or a JSON export of every event. Every row obeys the same
// rules as the single commands (src/core/ledger-row.ts). The file is read as
// a stream inside one transaction: by default a file with any bad row writes
// nothing; importing the same file twice changes nothing.
import path from 'node:path';
import fs from 'node:fs';
import { InvalidInput, Refused } from '../../core/errors.js';
import { isMaskedId, redactIds } from '../../core/masking.js';
import { openHireBeside, planRow, type RowPlan, type RowProblem } from '../../core/ledger-row.js';
import type { PersonState } from '../../core/events.js';
import { isPostgresUrl } from '../../store/location.js';
import type { LedgerTransaction } from '../../store/store.js';
import { MAX_LINE, RosterFileError } from '../formats/roster/problems.js';
import { cellIssueText } from '../text/cell-issue.js';
import { privateTempDir } from '../private-temp.js';
import type { Context } from '../context.js';
import type { Judging } from '../../core/decision.js';
import type { RosterRow } from '../formats/roster/read.js';
import type { ContributionTable } from '../../core/contributions.js';
import type { EmployerBook } from './shared/contributions-data.js';
import type { BadRow, ImportTally } from './shared/import-tally.js';
import { required } from './shared/input.js';
import { readRow } from '../formats/ledger-csv.js';
import { writeJson } from './shared/output.js';
import { refusalText } from './shared/refusals.js';

export interface ImportArgs {
  file?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  sheet?: string;
  /** The header's line, as typed. */
  headerRow?: string;
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
  if (given !== '-') return importFile(ctx, args, given, path.basename(given), null);
  // Issue 29 item 1: standard input is never copied whole. CSV text into a local ledger streams through the
  // same bounded reader as a file. A workbook (read by its parts, not in order), a JSON export, and text for
  // a shared ledger (which re-runs the transaction after a conflict, SPEC 3.2, and standard input cannot be
  // read twice) are kept in the private temporary directory, within STDIN_LIMIT and MAX_LINE per line.
  const { kind, stream } = await peekStdin(ctx.stdin);
  if (kind === 'csv' && !isPostgresUrl(ctx.ledger)) return importFile(ctx, args, '-', 'stdin', once(stream, ctx));
  const spooled = await spoolStdin(ctx, stream, kind);
  try {
    await importFile(ctx, args, spooled, 'stdin', null);
  } finally {
    fs.rmSync(spooled, { force: true });
  }
}

/** What may be kept of standard input: beyond it, save the input to a file and import that. */
const STDIN_LIMIT = 1024 * 1024 * 1024;

/** The kind of input from its first bytes, and the whole input again as a stream (those bytes first). */
async function peekStdin(stdin: NodeJS.ReadableStream): Promise<{ kind: 'xlsx' | 'json' | 'csv'; stream: NodeJS.ReadableStream }> {
  const { PassThrough } = await import('node:stream');
  const head: Buffer[] = [];
  let size = 0;
  const iterator = (stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let ended = false;
  while (size < 8) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
  }
  const first = Buffer.concat(head);
  const text = first
    .subarray(0, 8)
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart();
  const kind = first.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'xlsx' : text.startsWith('{') ? 'json' : 'csv';
  const stream = new PassThrough({ highWaterMark: 64 * 1024 });
  void (async () => {
    try {
      if (first.length > 0 && !stream.write(first)) await new Promise((resolve) => stream.once('drain', resolve));
      if (!ended) {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          if (!stream.write(next.value)) await new Promise((resolve) => stream.once('drain', resolve));
        }
      }
      stream.end();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return { kind, stream };
}

/**
 * Standard input for one reading only: the transaction that reads it runs
 * again when a new ledger's name was taken meanwhile (first-write.ts), and an
 * exhausted stream must not pass for an empty roster.
 */
function once(stream: NodeJS.ReadableStream, ctx: Context): () => NodeJS.ReadableStream {
  let used = false;
  return () => {
    if (used) throw new InvalidInput('stdin-read-twice', ctx.m.import.stdinReadTwice);
    used = true;
    return stream;
  };
}

/** Standard input into the private temporary directory (0600), bounded: the whole, and each line. */
async function spoolStdin(ctx: Context, stream: NodeJS.ReadableStream, kind: 'xlsx' | 'json' | 'csv'): Promise<string> {
  const file = path.join(privateTempDir(), `stdin.${kind}`);
  const fd = fs.openSync(file, 'wx', 0o600);
  let total = 0;
  let line = 1;
  let sinceBreak = 0;
  try {
    for await (const piece of stream as AsyncIterable<Buffer | string>) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      total += chunk.length;
      if (total > STDIN_LIMIT) throw new InvalidInput('stdin-too-large', ctx.m.import.stdinTooLarge(STDIN_LIMIT / 1024 / 1024));
      if (kind !== 'xlsx') {
        // Text: a line longer than MAX_LINE makes it a bad file (SPEC 2.3), found here, before the rest is kept.
        for (let at = chunk.indexOf(10), from = 0; ; at = chunk.indexOf(10, from)) {
          const run = (at === -1 ? chunk.length : at) - from;
          if (sinceBreak + run > MAX_LINE) throw new RosterFileError({ kind: 'line-too-long', line });
          if (at === -1) {
            sinceBreak += run;
            break;
          }
          sinceBreak = 0;
          line++;
          from = at + 1;
        }
      }
      for (let at = 0; at < chunk.length; ) at += fs.writeSync(fd, chunk, at);
    }
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return file;
}

/** `stdin`: standard input to read as the roster (`file` is then `-`), given once. */
async function importFile(ctx: Context, args: ImportArgs, file: string, name: string, stdin: (() => NodeJS.ReadableStream) | null): Promise<void> {
  const headerRow = headerRowOf(ctx, args.headerRow);
  // A dry run never creates the ledger: with none yet, it runs against an empty one in memory.
  const existing =
    args.dryRun && (await ctx.openStore({ write: false, dryRun: true })) === null
      ? null
      : await ctx.openStore({ write: true, bulk: true, dryRun: args.dryRun === true });
  const store = existing ?? (await ctx.scratchStore());
  const tally: ImportTally = { rows: 0, changed: 0, unchanged: 0, events: 0, invalid: 0, bad: [], secondOpenHires: 0 };
  const bad = (row: BadRow) => {
    tally.invalid++;
    if (tally.bad.length < LISTED_BAD_ROWS) tally.bad.push(row);
  };
  const source = `import ${name}`;

  try {
    await store.write(
      async (tx) => {
        // A shared ledger runs this again after a conflict with another writer (SPEC 3.2): count afresh.
        Object.assign(tally, { rows: 0, changed: 0, unchanged: 0, events: 0, invalid: 0, bad: [], secondOpenHires: 0 });
        if (file.toLowerCase().endsWith('.json')) {
          const { importEvents } = await import('./shared/import-events.js');
          await importEvents(ctx, tx, file, source, tally, bad);
        } else {
          await importRoster(ctx, tx, file, { sheet: args.sheet, headerRow }, source, tally, bad, stdin);
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

/** --header-row: a line number, 1 or more. */
function headerRowOf(ctx: Context, typed: string | undefined): number | undefined {
  if (typed === undefined) return undefined;
  const line = /^\s*\d+\s*$/.test(typed) ? Number(typed) : Number.NaN;
  if (!Number.isSafeInteger(line) || line < 1) throw new InvalidInput('invalid-header-row', ctx.m.import.headerRow);
  return line;
}

async function importRoster(
  ctx: Context,
  tx: LedgerTransaction,
  file: string,
  where: { sheet: string | undefined; headerRow: number | undefined },
  source: string,
  tally: ImportTally,
  bad: (row: BadRow) => void,
  stdin: (() => NodeJS.ReadableStream) | null,
): Promise<void> {
  const { openRoster } = await import('../formats/roster/read.js');
  const { judging } = await import('./shared/policies-data.js');
  const j = judging(ctx);
  const policies = { book: j.policies, fallback: ctx.defaultPolicy };
  const { progressBar } = await import('../formats/roster/progress.js');
  const lineSource = `${source} line `; // each event's source: the file and the row's line
  // Employers named by the rows are recorded (SPEC 1.10): read once, kept up to date as rows record them.
  const { EmployerBook, cityOf, contributionTable } = await import('./shared/contributions-data.js');
  const employers = await EmployerBook.of(tx);
  const cities = await contributionTable(ctx, tx);
  const holder: { bar: ReturnType<typeof progressBar> | null } = { bar: null };
  const roster = await openRoster(file, {
    ...where,
    stdin: stdin?.() ?? ctx.stdin,
    onProgress: ctx.stderrIsTTY ? (p) => (holder.bar ??= progressBar(ctx.err, p.totalBytes ?? null, ctx.m.import.progress)).update(p) : undefined,
  });
  // A cell's problem names its column as the user's file does (参保登记日期, not registered_on: issue 28 item 8).
  const named = (field: string) => roster.headerNames[field as keyof typeof roster.headerNames] ?? field;
  const badCell = (row: BadRow) => bad(named(row.field) === row.field ? row : { ...row, header: named(row.field) });
  try {
    if (roster.headerBelowTitle) ctx.err.write(`${ctx.m.import.headerAt(roster.headerLine)}\n`);
    if (roster.unknownColumns.length > 0) {
      const names = roster.unknownColumns.map((c) => JSON.stringify(redactIds(c.slice(0, 40))));
      ctx.err.write(`${ctx.m.import.ignoredColumns(names)}\n`);
    }
    const each: RowImport = { ctx, tx, j, employers, cities, cityOf, named, badCell, tally, lineSource, file };
    // An engine that loads reads ahead (prefetch) is given a chunk's people at once, so the chunk's rows are read
    // first; for any other, each row is read as it is imported, and the pages are not joined: what a row read
    // then dies young, where a chunk read ahead survived the collections its rows caused (issue 31).
    for await (const chunk of atLeast(roster.pages, tx.prefetch ? PREFETCH : 1)) {
      let reads: (ReturnType<typeof readRow> | null)[] | null = null;
      if (tx.prefetch) {
        // Read by a loop, not chunk.map: the array's elements kind is then the same whether or not the loop runs
        // optimised (an optimised map made arrays of another map, and each one deoptimised the import: issue 31).
        reads = [];
        for (const { cells, idDamage } of chunk) reads.push(idDamage ? null : readRow(cells, ctx.today, policies));
        const valid = reads.flatMap((read) => (read && !('problem' in read) ? [read.row] : []));
        await tx.prefetch(
          valid.map((row) => row.id.number),
          valid.flatMap((row) => (row.card ? [row.card.number] : [])),
        );
      }
      const at = { row: 0 };
      while (at.row < chunk.length) {
        const waiting = importRows(each, chunk, at, reads, policies);
        if (waiting) await waiting;
      }
    }
  } finally {
    holder.bar?.done();
    await roster.close();
  }
}

/** What each row of a roster is imported with (importRoster's, for importRow). */
interface RowImport {
  readonly ctx: Context;
  readonly tx: LedgerTransaction;
  readonly j: Judging;
  readonly employers: EmployerBook;
  readonly cities: ContributionTable;
  readonly cityOf: (table: ContributionTable, typed: string | null | undefined) => string | null;
  readonly named: (field: string) => string;
  readonly badCell: (row: BadRow) => void;
  readonly tally: ImportTally;
  readonly lineSource: string;
  readonly file: string;
}

/**
 * The rows of a chunk from `at.row` on, imported one by one until one waits
 * for the ledger: its promise, for importRoster to await, with `at.row` moved
 * past that row (past the chunk when none waited).
 * The per-row loop lives here, not in importRoster (issue 31): with SQLite,
 * whose rows rarely wait, the loop made that large async function hot, and
 * V8 optimised all of it (set-up,
 * for-await, finally) late in every import, for a loop that only calls
 * importRow, then deoptimised it at its end. That compile was 8 of the
 * import's 154 ms of TurboFan (node --single-threaded --trace-opt, 30,000
 * bench rows); this small function's is about 1.7 ms.
 */
function importRows(
  each: RowImport,
  chunk: readonly RosterRow[],
  at: { row: number },
  reads: readonly (ReturnType<typeof readRow> | null)[] | null,
  policies: Parameters<typeof readRow>[2],
): Promise<void> | undefined {
  const today = each.ctx.today;
  while (at.row < chunk.length) {
    const i = at.row++;
    const row = chunk[i]!;
    const waiting = importRow(each, row, reads ? reads[i]! : row.idDamage ? null : readRow(row.cells, today, policies));
    if (waiting) return waiting;
  }
  return undefined;
}

/**
 * One row of a roster: checked, decided (planRow) and recorded, or counted
 * as bad. A function of its own, called once per row by importRows' loop
 * (issue 31): V8 optimises it from the feedback of
 * many calls, and a rare path taken late (a Bloom filter's false yes)
 * recompiles this function, not the whole import.
 * `cellsRead`: readRow's reading of the row's cells (null when the id is damaged).
 * Undefined when the row is done; a promise when it waits for the ledger: an
 * engine that answers at once (LedgerTransaction.immediate, SQLite) takes a
 * row without one, unless the row records an employer first (issue 31).
 */
function importRow(each: RowImport, row: RosterRow, cellsRead: ReturnType<typeof readRow> | null): Promise<void> | undefined {
  const { ctx, tx, named, badCell, tally, file } = each;
  const { line, idDamage, cells } = row;
  // A masked export given back (SPEC 2.3): one sentence for the file, not one per row; no number in it can be read.
  if (isMaskedId(cells.id ?? '')) {
    const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    throw new InvalidInput('masked-export', ctx.m.import.maskedRoster(path.basename(file), format));
  }
  tally.rows++;
  if (idDamage) {
    badCell({ line, field: 'id', code: 'invalid-id', message: ctx.m.roster.idDamage(idDamage.kind) });
    return;
  }
  const read = cellsRead!; // read for every row whose id is not damaged
  if ('problem' in read) {
    badCell({
      line,
      field: read.problem.field,
      code: read.problem.code ?? `invalid-${read.problem.field.replaceAll('_', '-')}`,
      message: cellIssueText(ctx.m, read.problem.issue, named),
    });
    return;
  }
  const id = read.row.id.number;
  const card = read.row.card?.number ?? null;
  const immediate = tx.immediate;
  if (immediate) return decideRow(each, line, read, immediate.personState(id), card === null ? null : immediate.cardHolder(card));
  return readThenDecide(each, line, read, id, card);
}

/** importRow's reads from an engine that is awaited. */
async function readThenDecide(each: RowImport, line: number, read: ReadRow, id: string, card: string | null): Promise<void> {
  const person = await each.tx.personState(id); // (shared/person.ts's personState, without its await: the same call inside a write)
  const holder = card === null ? null : await each.tx.cardHolder(card);
  await decideRow(each, line, read, person, holder);
}

/** A row readRow read without a problem. */
type ReadRow = Exclude<ReturnType<typeof readRow>, { problem: unknown }>;

/** The row decided against its person and card holder as the ledger has them, then recorded (see importRow). */
function decideRow(each: RowImport, line: number, read: ReadRow, person: PersonState, holder: string | null): Promise<void> | undefined {
  const { ctx, j, employers, named, badCell } = each;
  const plan = planRow(read.row, person, holder, j);
  if (!plan.ok) {
    const { problem } = plan;
    const code = 'refusal' in problem ? problem.refusal.reason : problem.other;
    badCell({ line, field: problem.field, code, message: problemText(ctx, problem, read.row.card?.number ?? '', named(problem.field)) });
    return;
  }
  const employer = read.row.hire?.employer ?? null;
  if (employer !== null && (read.employer !== null || employers.get(employer) === null)) return employerThenRecord(each, line, read, person, plan, employer);
  return recordRow(each, line, read, person, plan);
}

/** The row's employer recorded (SPEC 1.10), or the row bad for it; then the row. */
async function employerThenRecord(each: RowImport, line: number, read: ReadRow, person: PersonState, plan: PlannedRow, employer: string): Promise<void> {
  const { ctx, tx, employers, cities, cityOf, badCell } = each;
  try {
    const said = read.employer;
    await employers.record(
      ctx,
      tx,
      { name: employer, uscc: said?.uscc ?? null, city: cityOf(cities, said?.city) },
      { uscc: 'employer_uscc', city: 'employer_city' },
    );
  } catch (error) {
    if (!(error instanceof InvalidInput || error instanceof Refused)) throw error;
    badCell({
      line,
      field: 'employer_uscc',
      code: error.code,
      message: ctx.m.row.employerRefused(error.message.replace(/^employer_uscc[:：]\s*/, '')),
    });
    return;
  }
  await recordRow(each, line, read, person, plan);
}

/** A row planRow allowed. */
type PlannedRow = Extract<RowPlan, { ok: true }>;

/** The row's facts recorded and counted. */
function recordRow(each: RowImport, line: number, read: ReadRow, person: PersonState, plan: PlannedRow): Promise<void> | undefined {
  const { ctx, tx, tally, lineSource } = each;
  const id = read.row.id.number;
  const beside = openHireBeside(read.row, person);
  // Said row by row like bad rows, at most LISTED_BAD_ROWS times: a roster of rehires must not flood the terminal.
  if (beside && read.row.hire && tally.secondOpenHires++ < LISTED_BAD_ROWS)
    ctx.err.write(`${ctx.m.import.secondOpenHire(line, id, beside.employer ?? '', beside.hiredOn, read.row.hire.hiredOn)}\n`);
  tally.events += plan.facts.length;
  if (plan.facts.length > 0) tally.changed++;
  else tally.unchanged++;
  // The state planRow worked out from `person`: the store need not apply the row's facts again.
  const planned = { from: person, to: plan.state };
  if (tx.immediate) tx.immediate.record(id, plan.facts, lineSource + line, planned);
  else return tx.record(id, plan.facts, lineSource + line, planned).then(() => undefined);
}

function report(ctx: Context, args: ImportArgs, tally: ImportTally): void {
  const m = ctx.m.import;
  const more = tally.invalid - tally.bad.length;
  const lines = tally.bad.map((row) => m.badRow(row.line, row.header ?? row.field, row.message));
  if (more > 0) lines.push(m.moreInvalid(more));
  if (tally.invalid > 0 && !args.skipInvalid) {
    const message = m.invalidRows(tally.invalid, tally.rows, Boolean(args.dryRun));
    if (!ctx.json) for (const line of lines) ctx.err.write(`${line}\n`);
    throw Object.assign(new InvalidInput('invalid-rows', message), {
      details: { rows: tally.bad.map(({ header: _, ...row }) => row), invalid: tally.invalid },
    });
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
      invalid: tally.bad.map(({ header: _, ...row }) => row),
      invalidCount: tally.invalid,
    });
    return;
  }
  for (const line of lines) ctx.err.write(`${line}\n`);
  if (tally.secondOpenHires > LISTED_BAD_ROWS) ctx.err.write(`${m.moreSecondOpenHires(tally.secondOpenHires - LISTED_BAD_ROWS)}\n`);
  ctx.out.write(`${m.done(tally, Boolean(args.dryRun))}\n`);
}

/** A row's refusal in the command's words, naming the column (the guardian's is said as a column to fill). */
function problemText(ctx: Context, problem: RowProblem, card: string, column: string): string {
  if ('other' in problem)
    return problem.other === 'applied-on-another-date' ? ctx.m.import.appliedOnAnotherDate(card) : ctx.m.import.activatedOnAnotherDate(card);
  if (problem.refusal.reason === 'guardian-required') return ctx.m.import.guardianNeeded;
  return refusalText(ctx, problem.refusal, { card, field: column });
}
