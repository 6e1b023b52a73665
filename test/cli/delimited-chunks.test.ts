// The delimited parser splits a whole unquoted line at once and steps through
// the rest character by character (issue 31). Where a chunk of the decoded
// text ends decides which way a line goes: the records, their line numbers and
// the file's problems must not depend on it.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseDelimited } from '../../src/cli/formats/roster/delimited.js';
import { MAX_LINE } from '../../src/cli/formats/roster/problems.js';

async function parsed(chunks: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  try {
    for await (const page of parseDelimited(
      (async function* () {
        yield* chunks;
      })(),
    ))
      out.push(...page);
  } catch (error) {
    out.push({ failed: (error as Error).message, ...(error as object) });
  }
  return out;
}

/** The text cut at these places. */
const cut = (text: string, at: number[]) => {
  const points = [...new Set(at.map((p) => Math.min(p, text.length)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks.filter((c) => c !== '');
};

it('reads the same records whatever the chunks: quotes, CR, CRLF, blank lines, a quote never closed', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom('a', 'b', ',', ';', '\t', '"', '\r', '\n', '\r\n', 'xyz', '""', ' '), { maxLength: 60 }),
      fc.array(fc.nat(70), { maxLength: 6 }),
      async (parts, at) => {
        const text = `id,name\n${parts.join('')}`;
        // One character per chunk takes every step; the whole text in one chunk splits every plain line at once.
        expect(await parsed(cut(text, at))).toEqual(await parsed([...text]));
        expect(await parsed([text])).toEqual(await parsed([...text]));
      },
    ),
    { numRuns: 3000 },
  );
});

it('finds a line too long at the same line, however it ends and wherever the chunk ends', async () => {
  // The records before it come in pages, one per chunk: how many were read before the problem depends on the chunks.
  const problem = async (chunks: string[]) => (await parsed(chunks)).at(-1);
  for (const extra of [-3, -2, -1, 0, 1, 2])
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `id,name${eol}1,2${eol}${'x'.repeat(MAX_LINE + extra - 2)},y${eol}3,4${eol}`;
      const whole = await problem([text]);
      expect(await problem(cut(text, [9, 500]))).toEqual(whole);
      expect(await problem(cut(text, [text.length - 3]))).toEqual(whole);
    }
});
