// export --format json writes each event from its columns and its payload's
// text (issue 31), no longer from a rebuilt event through JSON.stringify: the
// same bytes as before for whatever a ledger's payload column holds, and a
// damaged payload still refused.
import { describe, expect, it } from 'vitest';
import { maskId } from '../../src/core/masking.js';
import { exportedEventLine } from '../../src/cli/formats/ledger-json.js';
import { type EventRow, storedEvent, toEvent } from '../../src/store/rows.js';

/** What export wrote before: the event as allEvents gives it, its body without the kind as `data`, JSON.stringify. */
function before(row: EventRow, show: (id: string) => string): string {
  const e = toEvent(row);
  const { kind, ...data } = e.body;
  const fields: Record<string, unknown> = data;
  if (kind === 'card.activated' && typeof fields.guardian === 'string') fields.guardian = show(fields.guardian);
  return JSON.stringify({ seq: e.seq, id: show(e.personId), kind, on: e.on, recordedAt: e.recordedAt, source: e.source, data: fields });
}

const exported = (row: EventRow, show: (id: string) => string) =>
  exportedEventLine(storedEvent(Number(row.seq), row.person_id, row.kind, row.concerns_on, row.recorded_at, row.source, row.data), show);

const row = (kind: string, data: string, extra: Partial<EventRow> = {}): EventRow => ({
  seq: 7,
  person_id: '11010519491231002X',
  kind: kind as EventRow['kind'],
  concerns_on: '2026-07-01',
  recorded_at: '2026-12-06T06:36:13.667Z',
  source: 'import "hires".csv line 2',
  data,
  ...extra,
});

describe('an exported event line: the bytes of the rebuilt event', () => {
  it.each([
    ['as sscard writes it', row('hire.recorded', '{"employer":"Company 0","hiredOn":"2026-07-01","hireKind":"employee"}')],
    ['no day', row('person.recorded', '{"name":"王芳"}', { concerns_on: null })],
    ['escapes and spaces', row('person.renamed', '{ "name" : "A \\"quoted\\" \\u00e9 name\\u2028" }')],
    ['numbers written otherwise', row('hire.based', '{"employer":null,"hiredOn":"2026-07-01","base":1.0e5}')],
    ['integer-like keys come first', row('person.recorded', '{"name":"x","1":2}')],
    ['a duplicate key', row('person.recorded', '{"name":"x","name":"y"}')],
    ['a payload naming a kind', row('person.recorded', '{"kind":"card.received","card":"A12345678"}')],
    ['a guardian', row('card.activated', '{"card":"A12345678","outlet":null,"guardian":"110105201001010016"}')],
    ['revoked seqs', row('revoked', '{"seqs":[3,4],"reason":"typo"}', { seq: '12' })],
  ])('%s', (_, r) => {
    for (const show of [(id: string) => id, maskId]) expect(exported(r, show)).toBe(before(r, show));
  });

  it('a damaged payload or kind is refused, as allEvents refuses it', () => {
    for (const r of [row('person.recorded', '{"name":"x"'), row('person.recorded', '[1]'), row('person.recorded', 'null'), row('card.beceived', '{}')]) {
      expect(() => exported(r, maskId)).toThrow();
      expect(() => toEvent(r)).toThrow();
    }
  });
});
