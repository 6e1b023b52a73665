// sscard import <file.csv>: hires and cards in bulk. Every row obeys the same
// rules as the single commands (src/core/ledger-row.ts); by default a file
// with any bad row writes nothing and lists every bad row. The whole file is
// one transaction, and importing the same file twice changes nothing.
import { csvParseRows } from 'd3-dsv';
import fs from 'node:fs';
import path from 'node:path';
import { InvalidInput } from '../core/errors.js';
import { planRow, type RowProblem } from '../core/ledger-row.js';
import type { Context } from './context.js';
import { required } from './input.js';
import { type Column, COLUMNS, readRow } from './ledger-csv.js';
import { writeJson } from './output.js';
import { leaveRefusalText, refusalText, registrationRefusalText } from './refusals.js';
import { personState } from './person.js';

export interface ImportArgs {
  file?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

interface BadRow {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** A bound for hostile files; 100,000 hires take about 6 MB. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

class Rollback extends Error {}

export async function run(ctx: Context, args: ImportArgs): Promise<void> {
  const file = await required(ctx, args.file, '<file.csv>', ctx.m.ask.importFile);
  const records = readCsv(file);
  const [header, ...rows] = records;
  const columns = checkHeader(header?.record ?? []);

  // A dry run never creates the ledger: with none yet, it runs against an empty one in memory.
  const existing = args.dryRun && (await ctx.openStore({ write: false })) === null ? null : await ctx.openStore({ write: true });
  const store = existing ?? (await ctx.scratchStore());
  const bad: BadRow[] = [];
  const counts = { rows: rows.length, changed: 0, unchanged: 0, events: 0 };
  const progress = ctx.stderrIsTTY && rows.length >= 5000 ? (i: number) => ctx.err.write(`\rimporting ${i} / ${rows.length}`) : null;
  const source = `import ${path.basename(file)}`;

  try {
    await store.write(async (tx) => {
      for (const [index, { record, info }] of rows.entries()) {
        if (progress && index % 2000 === 0) progress(index);
        const cells: Partial<Record<Column, string>> = {};
        columns.forEach((column, i) => (cells[column] = record[i] ?? ''));
        const read = readRow(cells, ctx.today);
        if ('problem' in read) {
          bad.push({ line: info.lines, ...read.problem });
          continue;
        }
        const id = read.row.id.number;
        const person = await personState(tx, id);
        const holder = read.row.card ? await tx.cardHolder(read.row.card.number) : null;
        const plan = planRow(read.row, person, holder, ctx.today);
        if (!plan.ok) {
          bad.push({ line: info.lines, field: plan.problem.field, message: problemText(ctx, plan.problem, read.row.card?.number ?? '') });
          continue;
        }
        await tx.record(id, plan.facts, `${source} line ${info.lines}`);
        counts.events += plan.facts.length;
        if (plan.facts.length > 0) counts.changed++;
        else counts.unchanged++;
      }
      if (progress) ctx.err.write(`\r${' '.repeat(40)}\r`);
      if (args.dryRun || (bad.length > 0 && !args.skipInvalid)) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  } finally {
    if (existing === null) await store.close();
  }

  const written = !args.dryRun && (bad.length === 0 || Boolean(args.skipInvalid));
  if (bad.length > 0 && !args.skipInvalid && !args.dryRun) {
    const message = `${bad.length} of ${rows.length} rows are invalid, so nothing was imported; fix them or use --skip-invalid to import the others.`;
    if (ctx.json) {
      writeJson(ctx, { error: { code: 'invalid-rows', message, rows: bad } });
    } else {
      for (const row of bad) ctx.err.write(`line ${row.line}, ${row.field}: ${row.message}\n`);
    }
    throw new InvalidInput('invalid-rows', message);
  }
  if (ctx.json) {
    writeJson(ctx, { asOf: ctx.today, dryRun: Boolean(args.dryRun), written, rows: counts.rows, changed: counts.changed, unchanged: counts.unchanged, events: counts.events, invalid: bad });
    return;
  }
  for (const row of bad) ctx.err.write(`line ${row.line}, ${row.field}: ${row.message}\n`);
  if (ctx.lang === 'zh') {
    ctx.out.write(
      `${args.dryRun ? '试运行，未写入：' : '已导入：'}${counts.rows} 行，其中 ${counts.changed} 行有更改（${counts.events} 条记录），${counts.unchanged} 行已在台账中${bad.length ? `，${bad.length} 行无效已跳过` : ''}。\n`,
    );
    return;
  }
  const verb = args.dryRun ? 'Dry run, nothing written:' : 'Imported:';
  ctx.out.write(
    `${verb} ${counts.rows} rows, ${counts.changed} with changes (${counts.events} events), ${counts.unchanged} already in the ledger${bad.length ? `, ${bad.length} invalid and skipped` : ''}.\n`,
  );
}

function readCsv(file: string): { record: string[]; info: { lines: number } }[] {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) throw new InvalidInput('file-too-large', `${file} is larger than 256 MiB; split it into smaller files.`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    throw new InvalidInput('file-unreadable', `<file.csv>: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path.`);
  }
  if (bytes.includes(0)) throw new InvalidInput('not-text', `${file} contains NUL bytes, so it is not a CSV text file; export it again as CSV (UTF-8).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidInput('not-utf8', `${file} is not UTF-8 text; save it again as CSV UTF-8 (e.g. from GBK).`);
  }
  // d3-dsv: RFC 4180 quoting, CRLF or LF. It does not number lines, so a
  // record's first line is counted here, quoted line breaks included.
  const records: { record: string[]; info: { lines: number } }[] = [];
  let line = 1;
  for (const record of csvParseRows(text.startsWith('\uFEFF') ? text.slice(1) : text)) {
    const start = line;
    for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
    line++;
    if (record.length === 1 && record[0] === '') continue; // an empty line
    records.push({ record, info: { lines: start } });
  }
  return records;
}

function checkHeader(header: string[]): Column[] {
  const names = header.map((h) => h.trim());
  if (names.length > COLUMNS.length * 2) throw new InvalidInput('bad-header', `The header has ${names.length} columns; the known columns are ${COLUMNS.join(', ')}.`);
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new InvalidInput('unknown-columns', `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(', ')} in the header; the known columns are ${COLUMNS.join(', ')}.`);
  }
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new InvalidInput('duplicate-column', `Column ${duplicate} appears twice in the header; keep one.`);
  if (!names.includes('id')) throw new InvalidInput('missing-id-column', `The header has no id column; every row needs the identity number (columns: ${COLUMNS.join(', ')}).`);
  return names as Column[];
}

function problemText(ctx: Context, problem: RowProblem, card: string): string {
  if ('refusal' in problem) return refusalText(ctx, problem.refusal, card, problem.field);
  if ('registration' in problem) return registrationRefusalText(problem.registration, problem.field, ctx.lang, problem.age);
  if ('leave' in problem) return leaveRefusalText(ctx, problem.leave, problem.field);
  switch (problem.other) {
    case 'card-of-another-person':
      return `card ${card} is recorded for another person; check the number.`;
    case 'guardian-needed':
      return 'the holder was under 16 on that date, so a guardian activated the card; record it with `sscard activate --guardian-id`.';
    case 'activated-on-another-date':
      return `card ${card} is recorded as activated on another date; the ledger keeps the first.`;
  }
}
