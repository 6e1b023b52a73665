// batched() (src/cli/commands/shared/output.ts): rows given one at a time, written in batches of at most
// BATCH_CHARACTERS, and a promise returned exactly when a batch was written to an output that must drain first,
// which every caller awaits (`if (wait) await wait`): on an output slower than sscard (a pipe on macOS, a
// terminal on Windows), a caller that did not would hold the whole output in memory.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BATCH_CHARACTERS, batched } from '../../src/cli/commands/shared/output.js';

/** An output that takes each write, then says it is full (write returns false) until it drains. */
function slowOutput() {
  const events = new EventEmitter();
  const writes: string[] = [];
  const out = {
    write(chunk: string | Uint8Array): boolean {
      writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return false;
    },
    once: (event: string, listener: () => void) => events.once(event, listener),
    removeListener: (event: string, listener: () => void) => events.removeListener(event, listener),
  };
  return { out, writes, drain: () => events.emit('drain') };
}

describe('batched', () => {
  it('writes nothing and returns no promise until a row would take the batch past its size', () => {
    const { out, writes } = slowOutput();
    const batch = batched({ out } as never);
    const row = 'x'.repeat(1000);
    for (let i = 0; i < Math.floor(BATCH_CHARACTERS / row.length); i++) expect(batch.add(row)).toBeUndefined();
    expect(writes).toEqual([]);
    // The row that would cross the size: the batch so far is written, and the caller must wait for the output.
    expect(batch.add(row)).toBeInstanceOf(Promise);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.length).toBeLessThanOrEqual(BATCH_CHARACTERS);
  });

  it('returns a promise that settles only when the output drains, and writes every row once, in order', async () => {
    const { out, writes, drain } = slowOutput();
    const batch = batched({ out } as never);
    const rows = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(4, '0')}:${'y'.repeat(400)}\n`);
    let waits = 0;
    for (const row of rows) {
      const wait = batch.add(row);
      if (wait) {
        waits++;
        let settled = false;
        void wait.then(() => {
          settled = true;
        });
        await Promise.resolve();
        expect(settled).toBe(false); // the output is still full
        drain();
        await wait;
      }
    }
    const last = batch.flush();
    await Promise.resolve();
    drain();
    await last;
    expect(waits).toBeGreaterThan(1);
    expect(writes.every((w) => w.length <= BATCH_CHARACTERS)).toBe(true);
    expect(writes.join('')).toBe(rows.join(''));
  });

  it('writes a row longer than a batch alone', () => {
    const { out, writes } = slowOutput();
    const batch = batched({ out } as never);
    expect(batch.add('a')).toBeUndefined();
    expect(batch.add('b'.repeat(BATCH_CHARACTERS + 10))).toBeInstanceOf(Promise);
    expect(writes).toEqual(['a']);
    expect(batch.add('c')).toBeInstanceOf(Promise);
    expect(writes[1]).toBe('b'.repeat(BATCH_CHARACTERS + 10));
  });
});
