import { describe, expect, it } from 'vitest';
import { padded, width } from '../../src/cli/text/human.js';

describe('padded: table cells aligned in terminal columns', () => {
  it.each([
    ['abc', 5, 'abc  '],
    ['王芳', 6, '王芳  '], // a CJK character takes two columns
    ['abc', 3, 'abc'],
    // due and people measure in one reading and print in another: a cell written meanwhile may be wider (it crashed with "Invalid count value")
    ['wider than measured', 3, 'wider than measured'],
  ])('%j in %i columns', (cell, columns, expected) => {
    expect(padded(cell, columns)).toBe(expected);
  });

  it('width counts CJK characters as two columns', () => {
    expect(width('Acme 北京')).toBe(9);
  });
});
