// sscard export: the ledger as import reads it back (SPEC 2.3). CSV and xlsx
// have import's columns, one row per person and hire; JSON holds every event,
// so it is the complete record. Written row by row (a ledger may hold
// millions of people), masked unless --reveal, as the ledger stood on
// --as-of when a day is given.
import type { Writable } from 'node:stream';
import { type Card, currentCard, isInForce } from '../core/card.js';
import { InvalidInput } from '../core/errors.js';
import type { PersonState } from '../core/events.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { type Column, COLUMNS } from './ledger-csv.js';
import { exportedEvent, JSON_FORMAT, JSON_VERSION } from './ledger-json.js';
import { noLedger, send, shownId } from './output.js';

export interface ExportArgs {
  format?: 'csv' | 'json' | 'xlsx';
  headers?: 'en' | 'zh';
}

export async function run(ctx: Context, args: ExportArgs): Promise<void> {
  const zh = ctx.lang === 'zh';
  const format = ctx.json ? 'json' : (args.format ?? 'csv');
  if (format === 'xlsx' && ctx.stdoutIsTTY) {
    throw new InvalidInput('xlsx-to-terminal', zh ? 'xlsx 是二进制文件：请重定向到文件，例如 `sscard export --format xlsx > 台账.xlsx`。' : 'An xlsx file is binary; redirect it to a file, e.g. `sscard export --format xlsx > ledger.xlsx`.');
  }
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const show = (id: string) => shownId(ctx, id);
  await write(ctx, store, format, args.headers ?? 'en', show);
  // Said once the file is out (a failure on the way says only what failed).
  if (!ctx.reveal) {
    ctx.err.write(zh ? '身份证号码已脱敏；如需可由 `sscard import` 重新导入的文件，请加 --reveal。\n' : 'Identity numbers are masked; add --reveal for a file that `sscard import` can read back.\n');
  }
}

async function write(ctx: Context, store: Store, format: 'csv' | 'json' | 'xlsx', headers: 'en' | 'zh', show: (id: string) => string): Promise<void> {

  if (format === 'json') {
    await send(ctx, `{"format":"${JSON_FORMAT}","version":${JSON_VERSION},"asOf":"${ctx.asOf}","events":[\n`);
    let first = true;
    for await (const e of store.allEvents()) {
      if (ctx.viewOn !== null && e.on !== null && e.on > ctx.viewOn) continue;
      await send(ctx, `${first ? '' : ',\n'}${JSON.stringify(exportedEvent(e, show))}`);
      first = false;
    }
    await send(ctx, `${first ? '' : '\n'}]}\n`);
    return;
  }

  if (format === 'xlsx') {
    const { createXlsxWriter } = await import('./roster/write-xlsx.js');
    const writer = await createXlsxWriter(ctx.out as unknown as Writable, COLUMNS, { headers, createdAt: new Date(`${ctx.today}T00:00:00+08:00`) });
    for await (const person of store.everyone(ctx.viewOn)) for (const row of rowsOf(person, show)) writer.addRow(row);
    await writer.finish();
    return;
  }
  const { csvHeader, csvRow } = await import('./roster/write-csv.js');
  await send(ctx, csvHeader(COLUMNS, headers));
  for await (const person of store.everyone(ctx.viewOn)) for (const row of rowsOf(person, show)) await send(ctx, csvRow(COLUMNS, row));
}

type Row = Partial<Record<Column, string | null>>;

/**
 * One row per hire (or one for a person without hires), each with the card in
 * force and the e-card. Only a card in force can be expressed in these
 * columns (a lost, replaced or cancelled card's history needs `--format
 * json`), and so the e-card only with one: a suspended e-card could not be
 * imported back without its card.
 */
function rowsOf(person: PersonState, show: (id: string) => string): Row[] {
  const cardColumns = (card: Card): Row => ({
    card_number: card.number,
    bank: card.bank,
    policy: card.policy,
    issued_on: card.issuedOn,
    received_on: card.receivedOn,
    enabled_on: card.enabledOn,
    activated_on: card.activatedOn,
    guardian_id: card.guardianId && show(card.guardianId),
    expires_on: card.expiresOn,
  });
  const card = currentCard(person.cards);
  const inForce = card !== null && isInForce(card);
  const base: Row = {
    id: show(person.id),
    name: person.name,
    ...(inForce ? cardColumns(card) : {}),
    ecard_channel: inForce ? (person.ecard?.channel ?? null) : null,
    ecard_claimed_on: inForce ? (person.ecard?.claimedOn ?? null) : null,
  };
  const hires = person.hires.filter((h) => h.kind === 'employee');
  if (hires.length === 0) return [base];
  return hires.map((h) => ({ ...base, employer: h.employer, hired_on: h.hiredOn, registered_on: h.registeredOn, left_on: h.leftOn, separation_done_on: h.separationDoneOn }));
}
