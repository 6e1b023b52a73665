// Process entry point (bundled to dist/sscard.cjs; bin/sscard calls start()).
// The only place that hands the process to main(): its environment, its
// streams and the clock, read once here.
import type { IO } from './context.js';
import { main } from './main.js';

export { main };

/** Runs `process.argv` as a command of this process, and sets its exit code. */
export function start(): void {
  // A library's deprecation notice (exceljs calls Buffer()) is for its authors,
  // not for a user reading one sentence per problem on stderr (SPEC 2.2).
  process.noDeprecation = true;

  // When the reader of our output goes away (`sscard due | head`), writes fail
  // with EPIPE, reported as an 'error' event that would otherwise crash with a
  // stack trace. SPEC 2.2: stop quietly with exit 0. Writes are synchronous on
  // Linux pipes and a ledger transaction is synchronous too, so the event
  // arrives between them: a write command has committed before it printed, and
  // the command still closes its ledger normally (main.ts's finally).
  let readerGone = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
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
