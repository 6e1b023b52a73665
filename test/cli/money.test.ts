// Money as a person reads it (src/cli/text/money.ts): yuan with two decimals,
// the whole yuan grouped by three as toLocaleString('en-US') groups them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fen } from '../../src/core/contributions.js';
import { thousands, yuan } from '../../src/cli/text/money.js';

describe('thousands', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [999999, '999,999'],
    [1000000, '1,000,000'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
  ])('%d -> %s', (n, expected) => {
    expect(thousands(n)).toBe(expected);
  });

  it("writes every safe whole number as toLocaleString('en-US') does", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        (n) => thousands(n) === n.toLocaleString('en-US'),
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('yuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [1234567, '12,345.67'],
    [-1234567, '-12,345.67'],
    [-5, '-0.05'],
    [100000000, '1,000,000.00'],
  ])('%d fen -> %s', (fen, expected) => {
    expect(yuan(fen as Fen)).toBe(expected);
  });
});
