// sscard history <id>: every recorded event about a person, oldest first,
// with its number (for `revoke`), the day it concerns, when and by what it
// was recorded, and whether and why it was revoked (SPEC 1.6).
import { yuan } from '../text/money.js';
import * as z from 'zod/mini';
import { type LedgerEvent, revocations } from '../../core/events.js';
import { NotFound } from '../../core/errors.js';
import type { Context } from '../context.js';
import { padded, width } from '../text/human.js';
import { sourceText } from '../text/words.js';
import { citizenIdField, parseInput, required } from './shared/input.js';
import { noLedger, shownId, writeJson } from './shared/output.js';

export async function run(ctx: Context, args: { id?: string }): Promise<void> {
  const raw = { id: await required(ctx, args.id, '<id>', ctx.m.ask.id, 'id') };
  const { id } = parseInput(ctx.m, z.object({ id: citizenIdField(ctx.today) }), raw, { id: '<id>' });
  const store = await ctx.openStore({ write: false });
  if (store === null) throw noLedger(ctx);
  const all = await store.personEvents(id.number);
  const revoked = revocations(all);
  const events = all.filter((e) => ctx.viewOn === null || e.on === null || e.on <= ctx.viewOn);
  if (events.length === 0) {
    throw new NotFound('person-not-found', ctx.m.history.notFound(shownId(ctx, id.number)));
  }

  if (ctx.json) {
    writeJson(ctx, {
      id: shownId(ctx, id.number),
      events: events.map((e) => ({
        seq: e.seq,
        kind: e.body.kind,
        on: e.on,
        recordedAt: e.recordedAt,
        source: e.source,
        revoked: revoked.get(e.seq) ?? null,
        data: data(ctx, e),
      })),
    });
    return;
  }
  const h = ctx.m.history;
  ctx.out.write(`${h.title(shownId(ctx, id.number))}\n`);
  const header = h.header;
  const rows = events.map((e) => {
    const by = revoked.get(e.seq);
    const details = Object.entries(data(ctx, e))
      .filter(([, v]) => v !== null && v !== false)
      .map(([k, v]) => `${h.fields[k] ?? k}=${valueText(ctx, k, v)}`)
      .join(' ');
    const note = by ? `  ${h.revokedBy(by.seq, by.reason)}` : '';
    return [String(e.seq), chinaTime(e.recordedAt), e.on ?? '-', h.kinds[e.body.kind] ?? e.body.kind, details, `${sourceText(ctx, e.source)}${note}`];
  });
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, width(r[i]!)), width(h)));
  for (const cells of [header, ...rows]) ctx.out.write(`${cells.map((c, i) => (i === cells.length - 1 ? c : padded(c, widths[i]!))).join('  ')}\n`);
}

/** A recorded value as a person reads it: channels, kinds and reasons named in the user's language; codes stay in JSON. */
export function valueText(ctx: Context, field: string, value: unknown): string {
  const v = ctx.m.values;
  const named: Record<string, Record<string, string>> = { hireKind: v.hireKind, reason: v.replaceReason };
  const names = field === 'channel' ? { ...v.enableChannel, ...v.ecardChannel } : named[field];
  if (value === true) return ctx.m.history.yes;
  if (field === 'base' && typeof value === 'number') return yuan(value); // stored in fen (SPEC 1.9), read in yuan
  if (Array.isArray(value)) return value.join(',');
  return names?.[String(value)] ?? String(value);
}

/** The event's fields; a guardian's identity number masked like any other. */
function data(ctx: Context, e: LedgerEvent): Record<string, unknown> {
  const { kind: _kind, ...fields } = e.body;
  if ('guardian' in fields && typeof fields.guardian === 'string' && /^\d/.test(fields.guardian)) return { ...fields, guardian: shownId(ctx, fields.guardian) };
  return fields;
}

/** `2026-11-24 18:05` in China time (UTC+8, no daylight saving since 1991), whatever the machine's zone. */
export function chinaTime(instant: string): string {
  const t = new Date(Date.parse(instant) + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
