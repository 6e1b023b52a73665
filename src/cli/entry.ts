// Process entry point (bundled to dist/sscard.cjs; bin/sscard calls start()).
// The only place that hands the process to main(): its environment, its
// streams and the clock, read once here.
import fs from 'node:fs';
import type { IO } from './context.js';
import { main, outputFailure } from './main.js';

export { main };

/** Runs `process.argv` as a command of this process, and sets its exit code. */
export function start(): void {
  // A library's deprecation notice is for its authors,
  // not for a user reading one sentence per problem on stderr (SPEC 2.2).
  process.noDeprecation = true;

  // When the reader of our output goes away (`sscard due | head`), writes fail
  // with EPIPE, reported as an 'error' event that would otherwise crash with a
  // stack trace. SPEC 2.2: stop quietly with exit 0. Writes are synchronous on
  // Linux pipes and a ledger transaction is synchronous too, so the event
  // arrives between them: a write command has committed before it printed, and
  // the command still closes its ledger normally (main.ts's finally).
  let readerGone = false;
  writeEveryByte(process.stdout);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // A full disk or a size limit under standard output (issue 29 item 3): one sentence, and never exit 0 with
      // incomplete output. At once: a write command prints only after it committed, and the ledger is closed by exit.
      const failed = stream === process.stdout ? outputFailure(error.code) : null;
      if (failed !== null) {
        process.stderr.write(`sscard: ${failed}\n`);
        process.exit(1);
      }
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        readerGone = true;
        process.exitCode = 0;
        return;
      }
      throw error;
    });
  }

  const io: IO = {
    env: process.env,
    // A getter: touching process.stdin builds a stream (and loads readline); only some commands read it.
    get stdin() {
      return process.stdin;
    },
    stdinIsTTY: () => (require('node:tty') as typeof import('node:tty')).isatty(0),
    stdout: process.stdout,
    stderr: process.stderr,
    now: new Date(),
  };
  void main(process.argv, io).then((code) => {
    process.exitCode = readerGone ? 0 : code;
  });
}

/**
 * Standard output into a file or a device is written by Node with one
 * synchronous write(2) per chunk (its SyncWriteStream), which ignores a short
 * write: past a size limit (`ulimit -f`) or as the disk fills, the rest of the
 * chunk vanished and the command exited 0 with a truncated file (issue 29 item
 * 3, `due --format ics > file`). Each chunk is written here to its end; the
 * write after a short one reports the disk's error.
 */
function writeEveryByte(stream: NodeJS.WriteStream): void {
  const stdout = stream as NodeJS.WriteStream & { _write?: (chunk: Buffer, encoding: string, done: (error?: Error) => void) => void; fd?: number };
  if (stdout.constructor.name !== 'SyncWriteStream') return;
  const fd = stdout.fd ?? 1;
  stdout._write = (chunk, _encoding, done) => {
    try {
      for (let at = 0; at < chunk.length; ) {
        const written = fs.writeSync(fd, chunk, at);
        if (written === 0) throw Object.assign(new Error('nothing written'), { code: 'ENOSPC' });
        at += written;
      }
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  };
}
