// The ledger's JSON form (`export --format json`, read back by `import`):
// every event, so it is a complete, re-importable record (SPEC 2.3), with the
// records kept beside the events in its first line: the employers (SPEC 1.10)
// and the rate years loaded with `rates load` (SPEC 1.9, each as a data file of
// one year). One event per line, so that both sides can stream it:
//   {"format":"sscard-events","version":2,"asOf":"2026-11-24","employers":[...],"rates":[...],"events":[
//   {"seq":1,"id":"11010519491231002X","kind":"person.recorded","on":null,...},
//   ...
//   ]}
import { parseIsoDate } from '../../core/calendar-date.js';
import { ENABLE_CHANNELS, REPLACE_REASONS } from '../../core/card.js';
import { ECARD_CHANNELS } from '../../core/ecard.js';
import { EVENT_KINDS, type EventBody, type EventKind, type StoredEvent } from '../../core/events.js';
import { isPlainJsonText } from '../../core/json-text.js';

export const JSON_FORMAT = 'sscard-events';
export const JSON_VERSION = 2;

const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * One event's line: the bytes JSON.stringify gave of {seq, id, kind, on,
 * recordedAt, source, data}, made from the columns and the payload's text
 * (issue 31: re-building and re-stringifying every event was half of the
 * export). A guardian's number (card.activated) is shown as the person's.
 */
export function exportedEventLine(e: StoredEvent, shownId: (id: string) => string): string {
  let payload = e.payload;
  if (e.kind === 'card.activated') {
    const data = JSON.parse(payload) as Record<string, unknown>;
    if (typeof data.guardian === 'string') {
      data.guardian = shownId(data.guardian);
      payload = JSON.stringify(data);
    }
  }
  const id = shownId(e.personId);
  // A test of each text instead of five JSON.stringify calls (a fifth of the export at a million hires); five tests,
  // not one of the texts joined, which built and copied a sixth string per event (interleaved, 260,002 events:
  // 372 -> 296 ms of CPU for the lines, issue 31). A kind that a payload gave (storedEvent) may be any JSON value.
  if (
    isPlainJsonText(id) &&
    typeof e.kind === 'string' &&
    isPlainJsonText(e.kind) &&
    (e.on === null || isPlainJsonText(e.on)) &&
    isPlainJsonText(e.recordedAt) &&
    isPlainJsonText(e.source)
  )
    return `{"seq":${e.seq},"id":"${id}","kind":"${e.kind}","on":${e.on === null ? 'null' : `"${e.on}"`},"recordedAt":"${e.recordedAt}","source":"${e.source}","data":${payload}}`;
  return `{"seq":${e.seq},"id":${text(id)},"kind":${text(e.kind)},"on":${text(e.on)},"recordedAt":${text(e.recordedAt)},"source":${text(e.source)},"data":${payload}}`;
}

type FieldType =
  | 'text'
  | 'text?'
  | 'date'
  | 'date?'
  | 'bool'
  | 'card'
  | 'card?'
  | 'seqs'
  | 'fen'
  | 'id?'
  | ['enum', readonly string[]]
  | ['enum?', readonly string[]]
  | ['int', readonly number[]];

/** Each kind's fields and their types: what a file must hold (nothing else is accepted). */
const FIELDS: Record<EventKind, Record<string, FieldType>> = {
  'person.recorded': { name: 'text?' },
  'person.renamed': { name: 'text' },
  'hire.recorded': { employer: 'text?', hiredOn: 'date', hireKind: ['enum', ['employee', 'flexible']] },
  'hire.registered': { employer: 'text?', hiredOn: 'date' },
  'hire.based': { employer: 'text?', hiredOn: 'date', base: 'fen' },
  'hire.ended': { employer: 'text?', hiredOn: 'date' },
  'hire.separated': { employer: 'text?', hiredOn: 'date' },
  'card.issued': { card: 'card', bank: 'text?', policy: 'text', generation: ['int', [2, 3]], expiresOn: 'date?', replaces: 'card?' },
  'card.applied': { policy: 'text', generation: ['int', [2, 3]] },
  'card.failed': { reason: 'text?' },
  'card.ready': { card: 'card', outlet: 'text?' },
  'card.policy-set': { card: 'card', policy: 'text' },
  'card.received': { card: 'card' },
  'card.enabled': { card: 'card', channel: ['enum?', ENABLE_CHANNELS] },
  'card.activated': { card: 'card', outlet: 'text?', guardian: 'id?' },
  'card.lost': { card: 'card', temporary: 'bool' },
  'card.found': { card: 'card' },
  'card.replaced': { card: 'card', newCard: 'card', reason: ['enum?', REPLACE_REASONS] },
  'card.cancelled': { card: 'card' },
  'ecard.claimed': { channel: ['enum?', ECARD_CHANNELS] },
  revoked: { seqs: 'seqs', reason: 'text' },
};

const ID = /^\d{17}[\dX]$/;

/** The event's body, or the name of the first field that is not what its kind needs. */
export function eventBody(kind: unknown, data: unknown): { body: EventBody } | { field: string } {
  if (typeof kind !== 'string' || !(EVENT_KINDS as readonly string[]).includes(kind)) return { field: 'kind' };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { field: 'data' };
  const fields = FIELDS[kind as EventKind];
  const given = data as Record<string, unknown>;
  for (const key of Object.keys(given)) if (!(key in fields)) return { field: `data.${key}` };
  for (const [key, type] of Object.entries(fields)) {
    const v = given[key] ?? null;
    const ok = (() => {
      if (Array.isArray(type)) {
        const [t, values] = type;
        if (t === 'enum?' && v === null) return true;
        return (values as readonly unknown[]).includes(v);
      }
      const optional = type.endsWith('?');
      if (optional && v === null) return true;
      switch (type.replace('?', '')) {
        case 'text':
          return typeof v === 'string' && v.trim() !== '' && v.length <= 500 && !/[\u0000-\u001f\u007f-\u009f]/.test(v);
        case 'date':
          return typeof v === 'string' && parseIsoDate(v) !== null;
        case 'bool':
          return typeof v === 'boolean';
        case 'card':
          return typeof v === 'string' && /^[0-9A-Z]{9}$/.test(v);
        case 'id':
          return typeof v === 'string' && ID.test(v);
        case 'fen':
          return Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= 1_000_000_000;
        case 'seqs':
          return Array.isArray(v) && v.length > 0 && v.every((s) => Number.isSafeInteger(s) && s > 0);
        default:
          return false;
      }
    })();
    if (!ok) return { field: `data.${key}` };
  }
  return { body: { kind, ...Object.fromEntries(Object.keys(fields).map((k) => [k, given[k] ?? null])) } as EventBody };
}
