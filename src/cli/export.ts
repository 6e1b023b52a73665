// sscard export: the ledger as import reads it back (SPEC 2.3). CSV and xlsx
// have import's columns, one row per person and hire; JSON holds every event,
// so it is the complete record. Written row by row (a ledger may hold
// millions of people), masked unless --reveal, as the ledger stood on
// --as-of when a day is given.
import type { Writable } from 'node:stream';
import { type Card, currentCard } from '../core/card.js';
import { InvalidInput } from '../core/errors.js';
import type { PersonState } from '../core/events.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { type Column, COLUMNS } from './ledger-csv.js';
import { exportedEvent, JSON_FORMAT, JSON_VERSION } from './ledger-json.js';
import { batched, noLedger, send, shownId } from './output.js';

export interface ExportArgs {
  format?: 'csv' | 'json' | 'xlsx';
  headers?: 'en' | 'zh';
}

export async function run(ctx: Context, args: ExportArgs): Promise<void> {
  const zh = ctx.lang === 'zh';
  const format = ctx.json ? 'json' : (args.format ?? 'csv');
  if (format === 'xlsx' && ctx.stdoutIsTTY) {
    throw new InvalidInput(
      'xlsx-to-terminal',
      zh
        ? 'xlsx 是二进制文件：请重定向到文件，例如 `sscard export --format xlsx > 台账.xlsx`。'
        : 'An xlsx file is binary; redirect it to a file, e.g. `sscard export --format xlsx > ledger.xlsx`.',
    );
  }
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const show = (id: string) => shownId(ctx, id);
  await write(ctx, store, format, args.headers ?? 'en', show);
  // Said once the file is out (a failure on the way says only what failed).
  if (!ctx.reveal) {
    ctx.err.write(
      zh
        ? '身份证号码已脱敏；如需可由 `sscard import` 重新导入的文件，请加 --reveal。\n'
        : 'Identity numbers are masked; add --reveal for a file that `sscard import` can read back.\n',
    );
  }
}

async function write(ctx: Context, store: Store, format: 'csv' | 'json' | 'xlsx', headers: 'en' | 'zh', show: (id: string) => string): Promise<void> {
  if (format === 'json') {
    await send(ctx, `{"format":"${JSON_FORMAT}","version":${JSON_VERSION},"asOf":"${ctx.asOf}","events":[\n`);
    const batch = batched(ctx);
    let first = true;
    for await (const e of store.allEvents()) {
      if (ctx.viewOn !== null && e.on !== null && e.on > ctx.viewOn) continue;
      await batch.add(`${first ? '' : ',\n'}${JSON.stringify(exportedEvent(e, show))}`);
      first = false;
    }
    await batch.flush();
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
  const batch = batched(ctx);
  for await (const person of store.everyone(ctx.viewOn)) for (const row of rowsOf(person, show)) await batch.add(csvRow(COLUMNS, row));
  await batch.flush();
}

type Row = Partial<Record<Column, string | null>>;

/**
 * One row per hire (or one for a person without hires), each with the card
 * shown by status (in force, or lost or cancelled with card_state and
 * card_ended_on) and the e-card. A replaced card's own history needs
 * `--format json`; its replacement carries the e-card.
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
    // A card out of force by loss or cancellation says so (a replaced one gives way to its replacement).
    card_state: card.state === 'lost' ? (card.loss?.kind === 'temporary' ? 'lost-temporary' : 'lost') : card.state === 'cancelled' ? 'cancelled' : null,
    card_ended_on: card.state === 'lost' ? (card.loss?.reportedOn ?? card.endedOn) : card.state === 'cancelled' ? card.endedOn : null,
  });
  const card = currentCard(person.cards);
  const shown = card !== null && card.state !== 'replaced';
  const base: Row = {
    id: show(person.id),
    name: person.name,
    ...(shown ? cardColumns(card) : {}),
    ecard_channel: shown ? (person.ecard?.channel ?? null) : null,
    ecard_claimed_on: shown ? (person.ecard?.claimedOn ?? null) : null,
  };
  if (person.hires.length === 0) return [base];
  return person.hires.map((h) => ({
    ...base,
    hire_kind: h.kind === 'flexible' ? 'flexible' : null,
    employer: h.employer,
    hired_on: h.hiredOn,
    registered_on: h.registeredOn,
    left_on: h.leftOn,
    separation_done_on: h.separationDoneOn,
  }));
}
