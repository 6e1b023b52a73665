import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../src/cli/formats/roster/progress.js';
import { en } from '../../src/cli/text/messages/en.js';
import { zh } from '../../src/cli/text/messages/zh.js';

const words = en.import.progress;

function fakeStderr(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  const written: string[] = [];
  stream.on('data', (chunk: Buffer) => written.push(chunk.toString()));
  return { stream, written };
}

describe('progress bar', () => {
  it.each([
    [{ rows: 0, bytes: 0, totalBytes: 100 }, 100, '[------------------------------]   0% 0 rows'],
    [{ rows: 12345, bytes: 50, totalBytes: 100 }, 100, '[###############---------------]  50% 12,345 rows'],
    [{ rows: 1_000_000, bytes: 100, totalBytes: 100 }, 100, '[##############################] 100% 1,000,000 rows'],
    [{ rows: 42, bytes: 7, totalBytes: null }, null, 'reading… 42 rows'], // standard input: no total
  ])('%j', (progress, total, line) => expect(progressLine(progress, total, words)).toBe(line));

  it('in Chinese', () =>
    expect(progressLine({ rows: 12345, bytes: 50, totalBytes: 100 }, 100, zh.import.progress)).toBe('[###############---------------]  50% 12,345 行'));

  it('draws on a terminal at most every 100 ms and clears its line when done', async () => {
    const { stream, written } = fakeStderr(true);
    let now = 0;
    const bar = progressBar(stream, 100, words, () => now);
    bar.update({ rows: 1000, bytes: 10, totalBytes: 100 });
    now = 50;
    bar.update({ rows: 2000, bytes: 20, totalBytes: 100 }); // too soon: skipped
    now = 150;
    bar.update({ rows: 3000, bytes: 30, totalBytes: 100 });
    bar.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\[###-+\] {2}10% 1,000 rows$/);
    expect(written[1]).toMatch(/^\r\[#########-+\] {2}30% 3,000 rows$/);
    expect(written[2]).toMatch(/^\r +\r$/);
  });
});
