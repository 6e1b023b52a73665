// One write into an output that may be slower than sscard (a pipe, a file on a
// slow disk): the write, then, when the output says it is full, a promise that
// settles once it drains (or closes, or fails: the failure itself is reported
// by the output's own 'error' handler, entry.ts). Long outputs wait on it, so
// that millions of rows stream in bounded memory.
export interface Output {
  write(chunk: string | Uint8Array): boolean;
  once?(event: string, listener: () => void): unknown;
  removeListener?(event: string, listener: () => void): unknown;
}

export function writeWaiting(out: Output, chunk: string | Uint8Array): Promise<void> | undefined {
  if (out.write(chunk) !== false || typeof out.once !== 'function') return undefined;
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error']) out.removeListener?.(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) out.once?.(event, done);
  });
}
