// The words shared by several commands' human output, from the catalogue
// (src/cli/text/messages/: `values`, `hire`).
import type { CardState } from '../../core/card.js';
import type { EcardChannel, EcardState } from '../../core/ecard.js';
import type { Hire, RegistrationStatus } from '../../core/registration.js';
import type { SeparationStatus } from '../../core/separation.js';
import type { Context } from '../context.js';
import { day, deadlineText, relative } from './human.js';
import { lateRegistrationWarning } from './next-steps.js';

// State and channel names live in the message catalogue (src/cli/text/messages/, `values`).
export const cardStateText = (ctx: Context, state: CardState): string => ctx.m.values.cardState[state];
export const ecardStateText = (ctx: Context, state: EcardState): string => ctx.m.values.ecardState[state];
export const channelText = (ctx: Context, channel: EcardChannel): string => ctx.m.values.ecardChannel[channel];

/**
 * An event's source in the user's language. The ledger keeps the form SPEC 1.6 gives (`import FILE line N`,
 * `revoke (web)`), in every ledger old and new and in `history --json`; only its reading is translated.
 */
export function sourceText(ctx: Context, source: string): string {
  const imported = /^import (.*) line (\d+)$/s.exec(source);
  if (imported) return ctx.m.history.importSource(imported[1]!, imported[2]!);
  const web = /^(.*) \(web\)$/.exec(source);
  if (web) return ctx.m.history.webSource(web[1]!);
  return source;
}

/** Who registers: the employer's name, or the flexible worker themself. */
export function registrantText(ctx: Context, hire: Hire): string {
  if (hire.kind === 'flexible') return ctx.m.hire.flexibleSelf;
  return hire.employer ?? ctx.m.hire.employerNotGiven;
}

/**
 * The registration's state in one line, plus the Art. 58/84 reminder when late
 * or overdue unless `warn` is false (status says it once for all its hires).
 */
export function registrationLines(ctx: Context, hire: Hire, status: RegistrationStatus, warn = true): string[] {
  const warning = warn ? [lateRegistrationWarning(ctx)] : [];
  const c = ctx.color;
  const m = ctx.m.hire.registration;
  const d = status.deadline;
  switch (status.state) {
    case 'pending':
      if (!d) return [m.voluntary(c.yellow(m.words.pending))];
      return [m.pending(c.yellow(m.words.pending), deadlineText(ctx, d), relative(ctx, status.daysLeft!))];
    case 'overdue':
      return [m.overdue(c.red(m.words.overdue), deadlineText(ctx, d!), relative(ctx, status.daysLeft!)), ...warning];
    case 'on-time':
      if (!d) return [m.registered(c.green(m.words.registered), day(ctx, hire.registeredOn!))];
      return [m.onTime(c.green(m.words.onTime), day(ctx, hire.registeredOn!), deadlineText(ctx, d))];
    case 'late':
      return [m.late(c.red(m.words.late), day(ctx, hire.registeredOn!), status.daysLate!, deadlineText(ctx, d!)), ...warning];
  }
}

/** The transfer on leaving in one line (劳动合同法 Art. 50: the file and the social insurance relationship, within 15 days). */
export function separationLines(ctx: Context, hire: Hire, status: SeparationStatus): string[] {
  const c = ctx.color;
  const m = ctx.m.hire.separation;
  const d = status.deadline;
  switch (status.state) {
    case 'pending':
      return [m.pending(c.yellow(m.words.pending), deadlineText(ctx, d), relative(ctx, status.daysLeft!))];
    case 'overdue':
      return [m.overdue(c.red(m.words.overdue), deadlineText(ctx, d), relative(ctx, status.daysLeft!))];
    case 'on-time':
      return [m.onTime(c.green(m.words.onTime), day(ctx, hire.separationDoneOn!), deadlineText(ctx, d))];
    case 'late':
      return [m.late(c.red(m.words.late), day(ctx, hire.separationDoneOn!), status.daysLate!, deadlineText(ctx, d))];
  }
}
