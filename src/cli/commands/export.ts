// sscard export: the ledger as import reads it back (SPEC 2.3). CSV and xlsx
// have import's columns, one row per person and hire; JSON holds every event,
// the employers' records and the loaded rate years, so it is the complete
// record. Written row by row (a ledger may hold
// millions of people), masked unless --reveal, as the ledger stood on
// --as-of when a day is given.
import type { Writable } from 'node:stream';
import { currentCard, isInForce } from '../../core/card.js';
import { contributionFile, storedYear } from '../../core/contributions.js';
import type { Employer } from '../../core/employer.js';
import { InvalidInput } from '../../core/errors.js';
import type { PersonState } from '../../core/events.js';
import type { Store } from '../../store/store.js';
import type { Context } from '../context.js';
import { type Column, COLUMNS } from '../formats/ledger-csv.js';
import { exportedEventLine, JSON_FORMAT, JSON_VERSION } from '../formats/ledger-json.js';
import { batched, noLedger, send, shownId } from './shared/output.js';

export interface ExportArgs {
  format?: 'csv' | 'json' | 'xlsx';
  headers?: 'en' | 'zh';
}

export async function run(ctx: Context, args: ExportArgs): Promise<void> {
  const format = ctx.json ? 'json' : (args.format ?? 'csv');
  if (format === 'xlsx' && ctx.stdoutIsTTY) {
    throw new InvalidInput('xlsx-to-terminal', ctx.m.export.xlsxToTerminal);
  }
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const show = (id: string) => shownId(ctx, id);
  // Each hire's row carries its employer's record (SPEC 1.10: employer_uscc, employer_city), as import reads it.
  const employers = new Map((await store.employers()).map((e) => [e.name, e]));
  await write(ctx, store, format, args.headers ?? 'en', (id) => show(id), employers);
  // Said once the file is out (a failure on the way says only what failed).
  if (!ctx.reveal) {
    ctx.err.write(`${ctx.m.export.masked}\n`);
  }
}

async function write(
  ctx: Context,
  store: Store,
  format: 'csv' | 'json' | 'xlsx',
  headers: 'en' | 'zh',
  show: (id: string) => string,
  employers: ReadonlyMap<string, Employer>,
): Promise<void> {
  if (format === 'json') {
    // The records beside the events (SPEC 1.10 employers, SPEC 1.9 loaded rate years) ride in the header line, so that
    // the events still stream one per line and an import into an empty ledger restores them too.
    const rates = (await store.contributionYears()).map((l) => ({ file: l.file, loadedOn: l.loadedOn, data: contributionFile([storedYear(l.year)]) }));
    const header = JSON.stringify({ format: JSON_FORMAT, version: JSON_VERSION, asOf: ctx.today, employers: [...employers.values()], rates });
    await send(ctx, `${header.slice(0, -1)},"events":[\n`);
    const batch = batched(ctx);
    let first = true;
    // Read once: ctx.viewOn looks at the environment (a tenth of the export when asked per event).
    const viewOn = ctx.viewOn;
    for await (const page of store.storedEvents()) {
      // A page's lines joined, then one (awaited) batch write: not a promise per event.
      let lines = '';
      for (const e of page) {
        if (viewOn !== null && e.on !== null && e.on > viewOn) continue;
        lines += `${first ? '' : ',\n'}${exportedEventLine(e, show)}`;
        first = false;
        // Handed on 16 KiB at a time, so that no text nor its bytes reach 128 KiB: each larger one is a mapping of
        // its own (V8's large objects, malloc's mmap), made, touched and unmapped. A page of 1,000 events is about
        // 200 KiB: at 1,000,000 hires, 2,884 mmap and 5,635 munmap calls (strace -c) and about 0.6 s more system
        // time than the floor (issue 31).
        if (lines.length >= 16_384) {
          await batch.add(lines);
          lines = '';
        }
      }
      if (lines !== '') await batch.add(lines);
    }
    await batch.flush();
    await send(ctx, `${first ? '' : '\n'}]}\n`);
    return;
  }

  if (format === 'xlsx') {
    const { createXlsxWriter } = await import('../formats/roster/write-xlsx.js');
    const writer = await createXlsxWriter(ctx.out as unknown as Writable, COLUMNS, { headers, createdAt: new Date(`${ctx.today}T00:00:00+08:00`) });
    for await (const page of store.everyone(ctx.viewOn)) {
      for (const person of page) {
        for (const row of rowsOf(person, show, employers)) {
          const full = writer.addRow(Object.fromEntries(COLUMNS.map((c, i) => [c, row[i]])));
          if (full) await full; // the output is full: wait for it (memory stays bounded at any size)
        }
      }
    }
    await writer.finish();
    return;
  }
  const { csvHeader, csvRecord } = await import('../formats/roster/write-csv.js');
  await send(ctx, csvHeader(COLUMNS, headers));
  const batch = batched(ctx);
  for await (const page of store.everyone(ctx.viewOn)) {
    for (const person of page) for (const row of rowsOf(person, show, employers)) await batch.add(csvRecord(row));
  }
  await batch.flush();
}

/** A base in fen as the cell import reads back: yuan with two decimals, no grouping. */
const yuanCell = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Where each column stands in a row (COLUMNS' order). */
const AT = Object.fromEntries(COLUMNS.map((column, i) => [column, i])) as Record<Column, number>;

/**
 * One row per hire (or one for a person without hires), each with the card
 * shown by status (in force, or lost or cancelled with card_state and
 * card_ended_on; its application, its wait at the outlet, its generation) and
 * the e-card. A replaced card's own history needs `--format json`; its
 * replacement carries the e-card. An application no card completed yet
 * (制卡中, 制卡失败) is in the same row when the person has no card, else in
 * a row of its own: before the card's rows when it came before the card (a
 * failed application, then a card issued without one), after them when it
 * came after the card left force (a new application), so that import replays
 * them in their order. Rows are arrays in COLUMNS' order: a million people's
 * rows are made cell by cell, not by spreading objects.
 */
function rowsOf(person: PersonState, show: (id: string) => string, employers: ReadonlyMap<string, Employer>): (string | null)[][] {
  const base: (string | null)[] = new Array(COLUMNS.length).fill(null);
  base[AT.id] = show(person.id);
  base[AT.name] = person.name;
  const current = currentCard(person.cards);
  const card = current !== null && current.state !== 'replaced' ? current : null;
  if (card !== null) {
    base[AT.card_number] = card.number;
    base[AT.bank] = card.bank;
    base[AT.policy] = card.policy;
    base[AT.generation] = String(card.generation);
    base[AT.applied_on] = card.appliedOn;
    base[AT.issued_on] = card.issuedOn;
    base[AT.ready_on] = card.readyOn;
    base[AT.ready_outlet] = card.readyAt;
    base[AT.received_on] = card.receivedOn;
    base[AT.enabled_on] = card.enabledOn;
    base[AT.activated_on] = card.activatedOn;
    base[AT.guardian_id] = card.guardianId && show(card.guardianId);
    base[AT.expires_on] = card.expiresOn;
    // A card out of force by loss or cancellation says so (a replaced one gives way to its replacement).
    base[AT.card_state] =
      card.state === 'lost' ? (card.loss?.kind === 'temporary' ? 'lost-temporary' : 'lost') : card.state === 'cancelled' ? 'cancelled' : null;
    base[AT.card_ended_on] = card.state === 'lost' ? (card.loss?.reportedOn ?? card.endedOn) : card.state === 'cancelled' ? card.endedOn : null;
  }
  // The e-card, also one claimed on a third-generation application before any card was made (SPEC 1.4 v3).
  base[AT.ecard_channel] = person.ecard?.channel ?? null;
  base[AT.ecard_claimed_on] = person.ecard?.claimedOn ?? null;
  const application = person.application ?? null;
  let own: (string | null)[] | null = null;
  if (application !== null) {
    const row = card === null ? base : (own = idRow(base));
    row[AT.policy] = application.policy;
    row[AT.generation] = String(application.generation);
    row[AT.applied_on] = application.appliedOn;
    row[AT.failed_on] = application.failedOn;
    row[AT.failure_reason] = application.reason;
  }
  const rows =
    person.hires.length === 0
      ? [base]
      : person.hires.map((h) => {
          const row = base.slice();
          row[AT.hire_kind] = h.kind === 'flexible' ? 'flexible' : null;
          row[AT.employer] = h.employer;
          row[AT.hired_on] = h.hiredOn;
          row[AT.registered_on] = h.registeredOn;
          row[AT.left_on] = h.leftOn;
          row[AT.separation_done_on] = h.separationDoneOn;
          row[AT.base] = h.base === null ? null : yuanCell(h.base);
          const employer = h.employer === null ? undefined : employers.get(h.employer);
          if (employer) {
            row[AT.employer_uscc] = employer.uscc;
            row[AT.employer_city] = employer.city;
          }
          return row;
        });
  if (own === null || card === null || application === null) return rows;
  // Issued the day it was applied for only after a failure that day (apply, fail, issue); a card out of force was followed by it.
  const before = card.issuedOn !== null && (application.appliedOn < card.issuedOn || (application.appliedOn === card.issuedOn && isInForce(card)));
  return before ? [own, ...rows] : [...rows, own];
}

/** A row with the person's ID and name only. */
function idRow(base: readonly (string | null)[]): (string | null)[] {
  const row: (string | null)[] = new Array(COLUMNS.length).fill(null);
  row[AT.id] = base[AT.id]!;
  row[AT.name] = base[AT.name]!;
  return row;
}
