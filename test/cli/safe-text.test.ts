// The output guard of JSON documents (SPEC 2.2, issue 12 item 10): C1
// controls, bidi controls and the Unicode line separators reach standard
// output as `\uXXXX` escapes. safeJsonBytes finds them in the UTF-8 bytes
// instead of running a regular expression over the text (issue 31): it must
// write exactly what safeJson's escaping, then UTF-8, writes, whatever the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardedStdout, safeJson, safeJsonBytes } from '../../src/cli/text/safe-text.js';

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const reference = (text: string) => Buffer.from(safeJson(text), 'utf8');

describe('safeJsonBytes', () => {
  it('writes what safeJson then UTF-8 writes, for every character of the BMP (lone surrogates too) and the astral planes', () => {
    const missed: string[] = [];
    for (let code = 0; code <= 0x10ffff; code += code < 0x10000 ? 1 : 0x101) {
      const text = `{"name": "a${String.fromCodePoint(code)}b"}`;
      if (!safeJsonBytes(text).equals(reference(text))) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('escapes each unsafe character wherever it stands in a long chunk, among CJK text and the punctuation sharing its lead byte', () => {
    // “”…— (E2 80 9C/9D/A6/94), · (C2 B7) and 调 share a lead byte or a block with unsafe characters and stay as they are.
    const filler = '{"name": "王·芳 “调休” … — Ünïcödé"},\n'.repeat(3000);
    for (const unsafe of ['\u007f', '\u0080', '\u009f', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069']) {
      for (const text of [`${unsafe}${filler}`, `${filler}${unsafe}`, `${filler.slice(0, 40_000)}${unsafe}${filler.slice(40_000)}`]) {
        const written = safeJsonBytes(text);
        expect(written.equals(reference(text))).toBe(true);
        expect(written.toString('utf8')).not.toMatch(UNSAFE_IN_JSON);
      }
    }
    expect(safeJsonBytes(filler).toString('utf8')).toBe(filler);
  });

  it('copies an ASCII chunk as it is, and escapes DEL, the one unsafe ASCII character, wherever it stands', () => {
    const ascii = '{"name": "Employee 1", "employer": "Company 7"},\n'.repeat(1000);
    expect(safeJsonBytes(ascii).equals(Buffer.from(ascii, 'utf8'))).toBe(true);
    for (const text of [`\u007f${ascii}`, `${ascii}\u007f`, `${ascii.slice(0, 20_000)}\u007f${ascii.slice(20_000)}`]) {
      expect(safeJsonBytes(text).equals(reference(text))).toBe(true);
      expect(safeJsonBytes(text).includes(0x7f)).toBe(false);
    }
  });

  it('agrees with safeJson on any text', () => {
    const unsafe = fc.constantFrom('\u007f', '\u0085', '\u061c', '\u200f', '\u2028', '\u202e', '\u2067', '\u00b7', '\u201c', '\u2060', '\u206a', '\ud800');
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), unsafe), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(safeJsonBytes(t).equals(reference(t))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is the guard of standard output in JSON mode: no unsafe character reaches the stream', () => {
    const chunks: (string | Uint8Array)[] = [];
    const out = guardedStdout({ stdout: { write: (chunk) => chunks.push(chunk) } }, 'json', { stdoutWritten: false });
    out.write('{"name": "exe\u202etxt.", "employer": "a\u2028b\u0085"}\n');
    const written = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))).toString('utf8');
    expect(written).toBe('{"name": "exe\\u202Etxt.", "employer": "a\\u2028b\\u0085"}\n');
    expect(JSON.parse(written).name).toBe('exe\u202etxt.');
  });
});
