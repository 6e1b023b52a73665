// The shared exporter: every command's `--json` document and its error
import type { CardStatus } from '../core/card.js';
// shape go through here, so dates, nulls and masking are the same everywhere.
import { maskId } from '../core/citizen-id.js';
import type { Deadline } from '../core/period.js';
import { explainDeadline } from '../core/period.js';
import { NotFound } from '../core/errors.js';
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
  // Deadlines are shared objects (period.ts remembers them): their JSON is made once per run.
  let json = deadlineDocuments.get(deadline);
  if (json === undefined) deadlineDocuments.set(deadline, (json = deadlineDocument(ctx, deadline)));
  return json;
}

const deadlineDocuments = new WeakMap<Deadline, ReturnType<typeof deadlineDocument>>();

function deadlineDocument(ctx: Context, deadline: Deadline) {
  return {
    date: deadline.date,
    nominal: deadline.nominal,
    provisional: deadline.provisional,
    reason: withSource(ctx, deadline, explainDeadline(deadline, ctx.lang)),
  };
}

/** Names a loaded official schedule when the deadline's year follows one (SPEC 1.2: status, due and exports show the year's source). */
export function withSource(ctx: Context, deadline: Deadline, reason: string | null): string | null {
  const year = Number(deadline.date.slice(0, 4));
  if (ctx.calendar.yearSource(year) !== 'loaded') return reason;
  const note = ctx.lang === 'zh' ? `按已导入的 ${year} 年官方安排计算` : `per the official ${year} schedule loaded into the ledger`;
  return reason ? `${reason}${ctx.lang === 'zh' ? '；' : '; '}${note}` : note;
}

/** The `card` object of SPEC 2's status document: the card as it stands that day (sealed, a lapsed loss), with its policy. */
export function cardJson(ctx: Context, status: CardStatus) {
  const card = status.card;
  const policy = status.policy;
  return (
    card && {
      number: card.number,
      bank: card.bank,
      state: card.state,
      issuedOn: card.issuedOn,
      receivedOn: card.receivedOn,
      enabledOn: card.enabledOn,
      activatedOn: card.activatedOn,
      socialFunction: status.socialFunction,
      financialFunction: status.financialFunction,
      // The English name: JSON does not change with the language (SPEC 2.2).
      policy: policy && { id: policy.id, name: policy.name.en },
      generation: card.generation,
      loss: status.loss,
      expiresOn: card.expiresOn,
      renewalFrom: status.renewalFrom,
      activationDeadline: deadlineJson(ctx, status.deadline),
      daysLeft: status.daysLeft,
      consequence: status.consequence,
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
  return new NotFound(
    'no-ledger',
    ctx.lang === 'zh'
      ? `${ctx.ledger} 处没有台账：请核对 --db 或 SSCARD_DB（写入命令会新建台账）。`
      : `No ledger at ${ctx.ledger}; check --db or SSCARD_DB (a command that records something creates it).`,
  );
}
