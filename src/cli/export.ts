// sscard export: the ledger's current state. CSV has import's columns, one
// row per person and hire, so that export -> import round-trips; JSON holds
// everything, card history included.
import { type Card, currentCard, isInForce } from '../core/card.js';
import type { Context } from './context.js';
import { type Column, COLUMNS, neutralise } from './ledger-csv.js';
import { shownId, writeJson } from './output.js';

export interface ExportArgs {
  format?: 'csv' | 'json';
}

export async function run(ctx: Context, args: ExportArgs): Promise<void> {
  const store = await ctx.openStore({ write: false });
  const everyone = store ? store.everyone(ctx.viewOn) : [];
  const format = ctx.json ? 'json' : (args.format ?? 'csv');

  if (format === 'json') {
    const people = [];
    for await (const { id, name, hires, cards, ecard } of everyone) {
      people.push({
        id: shownId(ctx, id),
        name,
        hires: hires.map((h) => ({ kind: h.kind, employer: h.employer, hiredOn: h.hiredOn, registeredOn: h.registeredOn, leftOn: h.leftOn, separationDoneOn: h.separationDoneOn })),
        cards: cards.map((c) => ({ number: c.number, bank: c.bank, state: c.state, issuedOn: c.issuedOn, receivedOn: c.receivedOn, activatedOn: c.activatedOn, endedOn: c.endedOn, replacedBy: c.replacedBy })),
        ecard: ecard && { channel: ecard.channel, claimedOn: ecard.claimedOn },
      });
    }
    writeJson(ctx, { asOf: ctx.asOf, people });
    return;
  }

  if (!ctx.reveal) {
    ctx.err.write(ctx.lang === 'zh' ? '身份证号码已脱敏；如需可由 `sscard import` 重新导入的文件，请加 --reveal。\n' : 'Identity numbers are masked; add --reveal for a file that `sscard import` can read back.\n');
  }
  ctx.out.write(`${COLUMNS.join(',')}\n`);
  for await (const { id, name, hires, cards, ecard } of everyone) {
    // Only a card in force can be expressed in these columns (a lost, replaced
    // or cancelled card needs `--format json`); flexible self-registrations
    // have no employer deadline and are left to the JSON export too.
    // The e-card maps to the card in force, so it is exported only with one
    // (a suspended e-card could not be imported back without its card).
    const card = currentCard(cards);
    const inForce = card !== null && isInForce(card);
    const base: Partial<Record<Column, string | null>> = {
      id: shownId(ctx, id),
      name,
      ...(inForce ? cardColumns(card) : {}),
      ecard_channel: inForce ? (ecard?.channel ?? null) : null,
      ecard_claimed_on: inForce ? (ecard?.claimedOn ?? null) : null,
    };
    const employeeHires = hires.filter((h) => h.kind === 'employee');
    const rows = employeeHires.length === 0 ? [base] : employeeHires.map((h) => ({ ...base, employer: h.employer, hired_on: h.hiredOn, registered_on: h.registeredOn, left_on: h.leftOn, separation_done_on: h.separationDoneOn }));
    for (const row of rows) ctx.out.write(`${COLUMNS.map((c) => csvCell(row[c] ?? '')).join(',')}\n`);
  }
}

function cardColumns(card: Card): Partial<Record<Column, string | null>> {
  return { card_number: card.number, bank: card.bank, issued_on: card.issuedOn, received_on: card.receivedOn, activated_on: card.activatedOn };
}

/** RFC 4180 quoting, after the formula guard. */
function csvCell(value: string): string {
  const cell = neutralise(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
