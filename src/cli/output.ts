// The shared exporter: every command's `--json` document and its error
// shape go through here, so dates, nulls and masking are the same everywhere.
import { maskId } from '../core/citizen-id.js';
import type { Deadline } from '../core/period.js';
import { explainDeadline } from '../core/period.js';
import type { Context } from './context.js';

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
    reason: explainDeadline(deadline, ctx.lang),
  };
}
