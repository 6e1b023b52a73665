// Issue 31: displayWidth counts by code unit instead of a regular expression
// per character (a text table measures every cell of every row). It must
// count as the per-character rule did (UAX #11 W and F: two columns; colour
// codes none; a surrogate pair one character), which is written out here as
// the reference, on random strings built from the ranges' edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/text/width.js';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const reference = (text: string): number => {
  let w = 0;
  for (const ch of text.replace(/\x1b\[\d*(;\d+)*m/g, '')) w += WIDE.test(ch) ? 2 : 1;
  return w;
};

/** Code units at and beside every range's edge, surrogates (paired and lone), and a colour code's pieces. */
const EDGES = [
  0x41, 0x20, 0x1b, 0x5b, 0x33, 0x6d, 0x10ff, 0x1100, 0x115f, 0x1160, 0x2e7f, 0x2e80, 0x4e2d, 0xa4cf, 0xa4d0, 0xabff, 0xac00, 0xd7a3, 0xd7a4, 0xd800, 0xdbff,
  0xdc00, 0xdfff, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0xfe2f, 0xfe30, 0xfe4f, 0xfe50, 0xfeff, 0xff00, 0xff60, 0xff61, 0xffdf, 0xffe0, 0xffe6, 0xffe7, 0xffff,
];
const piece = fc.oneof(
  fc.constantFrom(...EDGES.map((c) => String.fromCharCode(c))),
  fc.constantFrom('\x1b[31m', '\x1b[0m', '\x1b[1;33m', '😀', '张三', 'Ａ'),
  fc.string(),
);

describe('displayWidth', () => {
  it('counts as the per-character rule: two columns for wide characters, none for colour codes', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['Company 7', 9],
    ['张三', 4],
    ['ＡＣＭＥ', 8],
    ['\x1b[31m张\x1b[0m', 2],
    ['😀', 1],
    ['', 0],
  ])('%j is %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});
