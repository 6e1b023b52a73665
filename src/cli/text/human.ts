// Small pieces of human-readable output shared by the commands.
import { type IsoDate, weekday } from '../../core/calendar-date.js';
import type { Deadline } from '../../core/period.js';
import { explainDeadline } from '../../core/period.js';
import type { Context } from '../context.js';
import { displayWidth } from './width.js';

/** `2026-10-08 (Thu)` */
export function day(ctx: Context, date: IsoDate): string {
  return ctx.m.dated(date, ctx.m.weekdayShort[weekday(date)]!);
}

/** "in 12 days" / "today" / "3 days overdue" for a deadline `daysLeft` away. */
export function relative(ctx: Context, daysLeft: number): string {
  return ctx.m.relative(daysLeft);
}

/** The deadline's derivation in one sentence (SPEC 1.2), or null when the nominal day stood. */
export function deadlineWhy(ctx: Context, deadline: Deadline): string | null {
  const parts = explainDeadline(deadline).map(ctx.m.deadlineNote);
  // SPEC 1.2: status, due and exports name a loaded official schedule as the year's source.
  const year = Number(deadline.date.slice(0, 4));
  if (ctx.calendar.yearSource(year) === 'loaded') parts.push(ctx.m.loadedSchedule(year));
  return parts.length === 0 ? null : parts.join(ctx.m.deadlineNoteSeparator);
}

/** The deadline with its derivation in brackets when it was moved or is provisional. */
export function deadlineText(ctx: Context, deadline: Deadline): string {
  const why = deadlineWhy(ctx, deadline);
  return why ? ctx.m.because(day(ctx, deadline.date), why) : day(ctx, deadline.date);
}

/**
 * A cell padded to `columns` terminal columns. A table measured in one reading
 * and printed in another can meet a wider cell, written meanwhile by another
 * process: it is then printed whole, out of line, never cut or refused.
 */
export function padded(cell: string, columns: number): string {
  return cell + ' '.repeat(Math.max(0, columns - width(cell)));
}

/** Display width in a terminal: CJK characters take two columns. */
export const width = displayWidth;
