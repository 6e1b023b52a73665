import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/core/events.js';
import { equalData, mergedByKey, payload } from '../../src/store/rows.js';

describe('payload: an event body as stored, without its kind (a column of its own)', () => {
  it.each<[string, EventBody]>([
    ['kind first', { kind: 'hire.recorded', employer: 'Acme "东" Co', hiredOn: '2026-11-02', hireKind: 'employee' } as EventBody],
    ['kind last', { employer: 'Acme', hiredOn: '2026-11-02', kind: 'hire.registered' } as unknown as EventBody],
    ['nothing else', { kind: 'card.found', card: 'A1' } as unknown as EventBody],
    ['kind alone', { kind: 'ecard.claimed' } as unknown as EventBody],
  ])('%s', (_, body) => {
    const { kind: _kind, ...rest } = body as unknown as Record<string, unknown>;
    expect(JSON.parse(payload(body))).toEqual(rest);
    expect(payload(body)).not.toContain('"kind"');
  });
});

describe('equalData: whether the cached rows need rewriting', () => {
  it.each([
    [[], [], true],
    [[{ a: 1, b: null }], [{ b: null, a: 1 }], true],
    [[{ a: 1 }], [{ a: 2 }], false],
    [[{ a: 1 }], [{ a: 1, b: null }], false],
    [null, { a: 1 }, false],
    [{ a: [1, 2] }, { a: [1, 2, 3] }, false],
    [[1], { 0: 1 }, false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(equalData(a, b)).toBe(same);
  });
});

describe('mergedByKey: replayed rows put in their places among a query’s pages', () => {
  it('keeps key order across pages, with extra rows before, between and after', async () => {
    async function* pages() {
      yield ['b', 'd'];
      yield ['f'];
    }
    const out: string[] = [];
    for await (const page of mergedByKey(pages(), ['g', 'a', 'e', 'd'], (x) => x)) out.push(...page);
    expect(out).toEqual(['a', 'b', 'd', 'd', 'e', 'f', 'g']);
  });

  it('takes the extra rows as pages already in key order (a past day read back from its temporary file)', async () => {
    async function* pages() {
      yield ['b', 'd'];
      yield [];
      yield ['f', 'h'];
    }
    async function* extra() {
      yield ['a'];
      yield ['c', 'd', 'e'];
      yield [];
      yield ['i', 'j'];
    }
    const out: string[] = [];
    for await (const page of mergedByKey(pages(), extra(), (x) => x)) out.push(...page);
    expect(out).toEqual(['a', 'b', 'c', 'd', 'd', 'e', 'f', 'h', 'i', 'j']);
  });
});
