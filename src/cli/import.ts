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
import { InvalidInput } from '../core/errors.js';
import { redactIds } from '../core/masking.js';
import { planRow, type RowProblem } from '../core/ledger-row.js';
import type { LedgerTransaction } from '../store/store.js';
import type { Context } from './context.js';
import { required } from './input.js';
import { readRow } from './ledger-csv.js';
import { writeJson } from './output.js';
import { personState } from './person.js';
import { leaveRefusalText, refusalText, registrationRefusalText } from './refusals.js';
import { idDamageText } from './roster/damaged-id.js';

export interface ImportArgs {
  file?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  sheet?: string;
}

export interface BadRow {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** A file with many bad rows lists the first ones and then the count (SPEC 2.2). */
const LISTED_BAD_ROWS = 100;

class Rollback extends Error {}

/** Rows read ahead together: a shared ledger loads their people and cards in one round trip (LedgerTransaction.prefetch). */
const PREFETCH = 1000;

async function* chunks<T>(items: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The counts of a run, and the bad rows (the first LISTED_BAD_ROWS of them). */
export interface ImportTally {
  rows: number;
  changed: number;
  unchanged: number;
  events: number;
  invalid: number;
  bad: BadRow[];
}

export async function run(ctx: Context, args: ImportArgs): Promise<void> {
  const zh = ctx.lang === 'zh';
  const given = await required(
    ctx,
    args.file,
    '<file>',
    zh ? '要导入的文件（xlsx、csv、tsv、json，或 - 表示标准输入）' : 'File to import (xlsx, csv, tsv, json, or - for standard input)',
  );
  if (given === '-' && ctx.stdinIsTTY) {
    throw new InvalidInput(
      'stdin-is-terminal',
      zh ? '<file> 为 -，但标准输入是终端：请用管道或重定向提供文件。' : '<file> is - but standard input is a terminal; pipe or redirect the file into sscard.',
    );
  }
  // Standard input is kept in a private temporary file first: a shared ledger re-runs the
  // transaction after a conflict (SPEC 3.2), and standard input cannot be read twice.
  const spooled = given === '-' ? await spoolStdin() : null;
  try {
    await importFile(ctx, args, spooled ?? given, given === '-' ? 'stdin' : path.basename(given));
  } finally {
    if (spooled) fs.rmSync(path.dirname(spooled), { recursive: true, force: true });
  }
}

/** Standard input into a file of its owner's alone, named by what it holds (a workbook, a JSON export, or text). */
async function spoolStdin(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sscard-import-'));
  const raw = path.join(dir, 'stdin');
  await pipeline(process.stdin, fs.createWriteStream(raw, { mode: 0o600 }));
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
    await store.write(async (tx) => {
      // A shared ledger runs this again after a conflict with another writer (SPEC 3.2): count afresh.
      Object.assign(tally, { rows: 0, changed: 0, unchanged: 0, events: 0, invalid: 0, bad: [] });
      if (file.toLowerCase().endsWith('.json')) {
        const { importEvents } = await import('./import-events.js');
        await importEvents(ctx, tx, file, source, tally, bad);
      } else {
        await importRoster(ctx, tx, file, args.sheet, source, tally, bad);
      }
      // The dry run decides exactly as the real run, then writes nothing.
      if (args.dryRun || (tally.invalid > 0 && !args.skipInvalid)) throw new Rollback();
    });
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
  const { openRoster } = await import('./roster/read.js');
  const { policyBook } = await import('./policies-data.js');
  const policies = { known: [...policyBook().keys()], fallback: ctx.defaultPolicy };
  const { progressBar } = await import('./roster/progress.js');
  const holder: { bar: ReturnType<typeof progressBar> | null } = { bar: null };
  const roster = await openRoster(file, {
    sheet,
    stdin: process.stdin,
    lang: ctx.lang,
    onProgress: ctx.stderrIsTTY ? (p) => (holder.bar ??= progressBar(ctx.err as NodeJS.WritableStream, p.totalBytes ?? null)).update(p) : undefined,
  });
  try {
    if (roster.unknownColumns.length > 0) {
      const names = roster.unknownColumns.map((c) => JSON.stringify(redactIds(c.slice(0, 40)))).join(ctx.lang === 'zh' ? '、' : ', ');
      ctx.err.write(ctx.lang === 'zh' ? `已忽略无法识别的列：${names}。\n` : `Ignored columns sscard does not know: ${names}.\n`);
    }
    for await (const chunk of chunks(roster.rows, PREFETCH)) {
      const reads = chunk.map(({ cells, idDamage }) => (idDamage ? null : readRow(cells, ctx.today, policies)));
      if (tx.prefetch) {
        const valid = reads.flatMap((read) => (read && !('problem' in read) ? [read.row] : []));
        await tx.prefetch(
          valid.map((row) => row.id.number),
          valid.flatMap((row) => (row.card ? [row.card.number] : [])),
        );
      }
      for (const [i, { line, idDamage }] of chunk.entries()) {
        tally.rows++;
        if (idDamage) {
          bad({ line, field: 'id', message: idDamageText(idDamage, ctx.lang) });
          continue;
        }
        const read = reads[i]!;
        if ('problem' in read) {
          bad({ line, ...read.problem });
          continue;
        }
        const id = read.row.id.number;
        const person = await personState(tx, id);
        const holder = read.row.card ? await tx.cardHolder(read.row.card.number) : null;
        const plan = planRow(read.row, person, holder, ctx.today);
        if (!plan.ok) {
          bad({ line, field: plan.problem.field, message: problemText(ctx, plan.problem, read.row.card?.number ?? '') });
          continue;
        }
        await tx.record(id, plan.facts, `${source} line ${line}`);
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
  const zh = ctx.lang === 'zh';
  const more = tally.invalid - tally.bad.length;
  const lines = tally.bad.map((row) => (zh ? `第 ${row.line} 行，${row.field}：${row.message}` : `line ${row.line}, ${row.field}: ${row.message}`));
  if (more > 0) lines.push(zh ? `另有 ${more} 行无效。` : `and ${more} more invalid rows.`);
  if (tally.invalid > 0 && !args.skipInvalid) {
    const message = zh
      ? `${tally.rows} 行中有 ${tally.invalid} 行无效，${args.dryRun ? '导入时将' : '因此'}不会导入任何内容：请修正，或用 --skip-invalid 导入其余各行。`
      : `${tally.invalid} of ${tally.rows} rows are invalid, so nothing ${args.dryRun ? 'would be' : 'was'} imported; fix them or use --skip-invalid to import the others.`;
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
  if (zh) {
    ctx.out.write(
      `${args.dryRun ? '试运行，未写入：' : '已导入：'}${tally.rows} 行，其中 ${tally.changed} 行有更改（${tally.events} 条记录），${tally.unchanged} 行已在台账中${tally.invalid ? `，${tally.invalid} 行无效${args.dryRun ? '，将被跳过' : '已跳过'}` : ''}。\n`,
    );
    return;
  }
  const verb = args.dryRun ? 'Dry run, nothing written:' : 'Imported:';
  ctx.out.write(
    `${verb} ${tally.rows} rows, ${tally.changed} with changes (${tally.events} events), ${tally.unchanged} already in the ledger${tally.invalid ? `, ${tally.invalid} invalid ${args.dryRun ? 'and would be skipped' : 'and skipped'}` : ''}.\n`,
  );
}

function problemText(ctx: Context, problem: RowProblem, card: string): string {
  if ('refusal' in problem) return refusalText(ctx, problem.refusal, card, problem.field);
  if ('registration' in problem) return registrationRefusalText(problem.registration, problem.field, ctx.lang, problem.age);
  if ('leave' in problem) return leaveRefusalText(ctx, problem.leave, problem.field);
  const zh = ctx.lang === 'zh';
  switch (problem.other) {
    case 'card-of-another-person':
      return zh ? `卡 ${card} 已登记在另一人名下：请核对卡号。` : `card ${card} is recorded for another person; check the number.`;
    case 'guardian-needed':
      return zh
        ? '持卡人在该日未满 16 周岁，由监护人代为启用：请用 `sscard activate --guardian-id` 记录。'
        : 'the holder was under 16 on that date, so a guardian activated the card; record it with `sscard activate --guardian-id`.';
    case 'activated-on-another-date':
      return zh ? `卡 ${card} 已记录于另一日期启用：台账保留首次记录。` : `card ${card} is recorded as activated on another date; the ledger keeps the first.`;
  }
}
