// The shared exporter: every command's `--json` document and its error
import type { Card, CardStatus } from '../core/card.js';
// shape go through here, so dates, nulls and masking are the same everywhere.
import { maskId } from '../core/citizen-id.js';
import type { Deadline } from '../core/period.js';
import { NotFound } from '../core/errors.js';
import type { Context } from './context.js';
import { deadlineWhy } from './human.js';

export function writeJson(ctx: Context, document: unknown): void {
  ctx.out.write(`${JSON.stringify(document, null, 2)}\n`);
}

/** The identity number as this run may show it: masked unless --reveal. */
export function shownId(ctx: Context, number: string): string {
  return ctx.reveal ? number : maskId(number);
}

export function deadlineJson(ctx: Context, deadline: Deadline | null) {
  if (deadline === null) return null;
  return {
    date: deadline.date,
    nominal: deadline.nominal,
    provisional: deadline.provisional,
    reason: deadlineWhy(ctx, deadline),
  };
}

/** The `card` object of SPEC 2's status document. */
export function cardJson(ctx: Context, card: Card | null, status: CardStatus) {
  return (
    card && {
      number: card.number,
      bank: card.bank,
      state: card.state,
      issuedOn: card.issuedOn,
      receivedOn: card.receivedOn,
      activatedOn: card.activatedOn,
      activationDeadline: deadlineJson(ctx, status.deadline),
      daysLeft: status.daysLeft,
    }
  );
}

/**
 * Writes a chunk of a long output, waiting while the reader is slower
 * (back-pressure), so that millions of rows stream in bounded memory.
 */
export function send(ctx: Context, text: string): Promise<void> | undefined {
  const out = ctx.out as NodeJS.WritableStream;
  if (out.write(text) !== false || typeof out.once !== 'function') return undefined;
  return new Promise((resolve) => {
    const done = () => {
      out.removeListener('drain', done);
      out.removeListener('close', done);
      out.removeListener('error', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
    out.once('error', done);
  });
}

/** Every read of a ledger that does not exist (SPEC 2.2: exit 1, never "nothing due"). */
export function noLedger(ctx: Context): NotFound {
  return new NotFound('no-ledger', ctx.m.errors['no-ledger']({ ledger: ctx.ledger }));
}
