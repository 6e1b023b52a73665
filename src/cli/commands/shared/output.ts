// The shared exporter: every command's `--json` document and its error
import type { CardStatus } from '../../../core/card.js';
import type { Application } from '../../../core/events.js';
import type { Policy } from '../../../core/policy.js';
// shape go through here, so dates, nulls and masking are the same everywhere.
import { maskId } from '../../../core/citizen-id.js';
import type { Deadline } from '../../../core/period.js';
import { NotFound } from '../../../core/errors.js';
import type { Hire } from '../../../core/registration.js';
import type { SeparationStatus } from '../../../core/separation.js';
import type { Context } from '../../context.js';
import { type Output, writeWaiting } from '../../formats/back-pressure.js';
import { deadlineWhy } from '../../text/human.js';

export function writeJson(ctx: Context, document: unknown): void {
  ctx.out.write(`${JSON.stringify(document, null, 2)}\n`);
}

/** The identity number as this run may show it: masked unless --reveal. */
export function shownId(ctx: Context, number: string): string {
  return ctx.reveal ? number : maskId(number);
}

export function deadlineJson(ctx: Context, deadline: Deadline | null) {
  if (deadline === null) return null;
  // Deadlines are shared objects (period.ts remembers them, across runs in one process too): their JSON is made once
  // per catalogue, since the reason is in the run's language (an English reason was given to a Chinese run after an
  // English one in the same process: test/e2e/in-process.test.ts).
  let known = deadlineDocuments.get(ctx.m);
  if (known === undefined) deadlineDocuments.set(ctx.m, (known = new WeakMap()));
  let json = known.get(deadline);
  if (json === undefined) known.set(deadline, (json = deadlineDocument(ctx, deadline)));
  return json;
}

const deadlineDocuments = new WeakMap<Context['m'], WeakMap<Deadline, ReturnType<typeof deadlineDocument>>>();

function deadlineDocument(ctx: Context, deadline: Deadline) {
  return {
    date: deadline.date,
    nominal: deadline.nominal,
    provisional: deadline.provisional,
    reason: deadlineWhy(ctx, deadline),
  };
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
      appliedOn: card.appliedOn,
      issuedOn: card.issuedOn,
      readyOn: card.readyOn,
      outlet: card.readyAt,
      receivedOn: card.receivedOn,
      enabledOn: card.enabledOn,
      activatedOn: card.activatedOn,
      socialFunction: status.socialFunction,
      financialFunction: status.financialFunction,
      // The English name: JSON does not change with the language (SPEC 2.2).
      policy: policy && { id: policy.id, name: policy.name.en },
      generation: card.generation,
      loss: status.loss,
      expiresOn: status.expiresOn,
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
export function send(ctx: Pick<Context, 'out'>, text: string): Promise<void> | undefined {
  return writeWaiting(ctx.out as Output, text);
}

/** Every read of a ledger that does not exist (SPEC 2.2: exit 1, never "nothing due"). */
export function noLedger(ctx: Context): NotFound {
  return new NotFound('no-ledger', ctx.m.errors['no-ledger']({ ledger: ctx.ledger }));
}

/**
 * Characters per write at most (a row longer than this alone is written alone): in UTF-8 at most 3 bytes each, so
 * that a write and its text stay under 128 KiB, but where the output guard escapes a character (6 bytes for a bidi
 * control or a C1 character in text and JSON modes) more.
 */
export const BATCH_CHARACTERS = 32_768;

/**
 * Rows written up to BATCH_CHARACTERS at a time: one write (and one pass of the output guard) per batch, not per
 * row. Rows are given one at a time: `add` returns a promise only when it wrote and the output must drain, so that
 * a caller awaits only then (`const wait = batch.add(row); if (wait) await wait;`), not once per row. A batch stays
 * under 128 KiB: a text or buffer that large is a memory mapping of its own (V8's large objects, malloc's mmap),
 * made, faulted in and unmapped; pages of 1,000 events handed on whole cost export --format json about 0.4 s of
 * system time at 1,000,000 hires (issue 31, strace -c: 5,638 munmap calls against 538).
 */
export function batched(ctx: Pick<Context, 'out'>) {
  let parts: string[] = [];
  let size = 0;
  const write = (): Promise<void> | undefined => {
    if (parts.length === 0) return undefined;
    const text = parts.join('');
    parts = [];
    size = 0;
    return send(ctx, text);
  };
  return {
    /** Writes what is left. */
    async flush(): Promise<void> {
      await write();
    },
    /** Adds a row; the batch so far is written first when the row would take it past BATCH_CHARACTERS. */
    add(text: string): Promise<void> | undefined {
      const wait = size + text.length > BATCH_CHARACTERS ? write() : undefined;
      parts.push(text);
      size += text.length;
      return wait;
    },
  };
}

/** The `separation` part of a registration (SPEC 2.4), as status and leave print it. */
export function separationJson(ctx: Context, hire: Hire, status: SeparationStatus) {
  return {
    deadline: deadlineJson(ctx, status.deadline),
    doneOn: hire.separationDoneOn,
    state: status.state,
    daysLeft: status.daysLeft,
    daysLate: status.daysLate,
  };
}

/**
 * Before any card exists (SPEC 1.3 v3): the application as `status --json`'s
 * card, state `applied` (制卡中) or `failed` (制卡失败), with no number yet.
 */
export function applicationJson(application: Application, policy: Policy) {
  return {
    number: null,
    bank: null,
    state: application.failedOn === null ? 'applied' : 'failed',
    appliedOn: application.appliedOn,
    failedOn: application.failedOn,
    failure: application.reason,
    issuedOn: null,
    readyOn: null,
    outlet: null,
    receivedOn: null,
    enabledOn: null,
    activatedOn: null,
    socialFunction: 'sealed',
    financialFunction: 'inactive',
    policy: { id: policy.id, name: policy.name.en },
    generation: application.generation,
    loss: null,
    expiresOn: null,
    renewalFrom: null,
    activationDeadline: null,
    daysLeft: null,
    consequence: null,
  };
}
