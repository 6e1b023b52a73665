// export --format json writes each event from its columns and its payload's
// text (issue 31), no longer from a rebuilt event through JSON.stringify: the
// same bytes as before for whatever a ledger's payload column holds, and a
// damaged payload still refused.
import { describe, expect, it } from 'vitest';
import { maskId } from '../../src/core/masking.js';
import { exportedEventLine } from '../../src/cli/formats/ledger-json.js';
import { type EventRow, storedEvent, toEvent } from '../../src/store/rows.js';

/** What export wrote before: the event as allEvents gives it, its body without the kind as `data`, JSON.stringify. */
function rebuilt(row: EventRow, show: (id: string) => string): string {
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
    ['a payload naming a kind that is no text', row('person.recorded', '{"kind":5,"card":"A12345678"}', { source: 'import hires.csv line 2' })],
    ['a payload naming a null kind', row('person.recorded', '{"kind":null}', { source: 'import hires.csv line 2' })],
    ['a duplicate key among three', row('hire.recorded', '{"employer":"a","hiredOn":"2026-07-01","employer":"b"}')],
    ['the second and third keys the same', row('hire.recorded', '{"employer":"a","hiredOn":"2026-07-01","hiredOn":"2026-07-02"}')],
    ['a key ending another', row('person.recorded', '{"ab":1,"b":2,"xb":[1,2]}')],
    ['a key starting another', row('person.recorded', '{"b":1,"bc":"x","bcd":null}')],
    ['a value holding what looks like a key', row('person.recorded', '{"name":",name:","x":",\\"name\\":1"}')],
    ['a guardian', row('card.activated', '{"card":"A12345678","outlet":null,"guardian":"110105201001010016"}')],
    ['revoked seqs', row('revoked', '{"seqs":[3,4],"reason":"typo"}', { seq: '12' })],
    ['an emoji and a line separator', row('person.recorded', '{"name":"王😀\u2028x"}')],
    ['a lone surrogate', row('person.recorded', `{"name":"a${String.fromCharCode(0xd800)}b"}`)],
    ['minus zero and a long integer', row('hire.based', '{"employer":null,"hiredOn":"2026-07-01","base":-0,"x":12345678901234567890}')],
    ['a nested object', row('person.recorded', '{"name":{"a":1}}')],
    ['an empty payload', row('ecard.claimed', '{}')],
    ['a digit in a key', row('person.recorded', '{"name1":"x"}')],
    ['a plain source', row('person.recorded', '{"name":"x"}', { source: 'import hires.csv line 2' })],
  ])('%s', (_, r) => {
    for (const show of [(id: string) => id, maskId]) expect(exported(r, show)).toBe(rebuilt(r, show));
  });

  it('random flat payloads, keys repeated or not: the same bytes', () => {
    // A fixed generator (no clock): keys that repeat, end or start one another; values of every plain kind and some not.
    let state = 31;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % n;
    };
    const keys = ['a', 'b', 'ab', 'ba', 'name', 'kind', 'x1'];
    const values = ['1', '-0', '0', '12', 'null', 'true', 'false', '"x"', '""', '",\\"a\\":"', '",a:"', '[]', '[1,2]', '[1, 2]', '1.5', '{"a":1}', '"\\u0041"'];
    for (let i = 0; i < 3000; i++) {
      const members = Array.from({ length: next(5) }, () => `"${keys[next(keys.length)]}":${values[next(values.length)]}`);
      // Half with a source that needs escapes (the line's slow path), half without.
      const r = row('person.recorded', `{${members.join(',')}}`, i % 2 === 0 ? {} : { source: 'import hires.csv line 2' });
      for (const show of [(id: string) => id, maskId]) expect(exported(r, show)).toBe(rebuilt(r, show));
    }
  });

  it('a payload in the form sscard writes is written through as stored', () => {
    const data = '{"employer":"Company 0","hiredOn":"2026-07-01","hireKind":"employee","base":500000,"seqs":[1,2]}';
    expect(storedEvent(1, '11010519491231002X', 'hire.recorded', null, 'x', 's', data).payload).toBe(data);
  });

  it('a damaged payload or kind is refused, as allEvents refuses it', () => {
    for (const r of [row('person.recorded', '{"name":"x"'), row('person.recorded', '[1]'), row('person.recorded', 'null'), row('card.beceived', '{}')]) {
      expect(() => exported(r, maskId)).toThrow();
      expect(() => toEvent(r)).toThrow();
    }
  });
});
