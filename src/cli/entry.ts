// Process entry point (bundled to dist/sscard.cjs, and with status inside to dist/lazy/status-cli.cjs; bin/sscard
// calls start()).
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
  const onError = (isStdout: boolean) => (error: NodeJS.ErrnoException) => {
    // A full disk or a size limit under standard output (issue 29 item 3): one sentence, and never exit 0 with
    // incomplete output. At once: a write command prints only after it committed, and the ledger is closed by exit.
    const failed = isStdout ? outputFailure(error.code) : null;
    if (failed !== null) {
      stderr.get().write(`sscard: ${failed}\n`);
      process.exit(1);
    }
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      readerGone = true;
      process.exitCode = 0;
      return;
    }
    throw error;
  };
  // The process's output streams are built on first use (issue 31): building process.stderr on a pipe loads
  // node:net and its streams, process.stdout node:stream, and `status` needs neither (see directOutput).
  const stdout = onFirstUse(() => {
    writeEveryByte(process.stdout);
    return process.stdout.on('error', onError(true));
  });
  const stderr = onFirstUse(() => process.stderr.on('error', onError(false)));
  const plainStdout = plainStream(1);
  const plainStderr = plainStream(2);

  const io: IO = {
    env: process.env,
    // A getter: touching process.stdin builds a stream (and loads readline); only some commands read it.
    get stdin() {
      return process.stdin;
    },
    // A file, a pipe or /dev/null is no terminal: told without node:tty, which loads node:net and node:stream (a
    // command's optional values are asked for only at a terminal, so a script's `card issue` asked this; issue 31).
    stdinIsTTY: () => plainStream(0) === null && (require('node:tty') as typeof import('node:tty')).isatty(0),
    get stdout() {
      return stdout.get();
    },
    get stderr() {
      return stderr.get();
    },
    // A file, a pipe or /dev/null is no terminal: told without building the stream.
    stdoutIsTTY: () => plainStdout === null && Boolean(stdout.get().isTTY),
    stderrIsTTY: () => plainStderr === null && Boolean(stderr.get().isTTY),
    writeOut: directOutput(plainStdout, stdout),
    now: new Date(),
  };
  void main(process.argv, io).then((code) => {
    process.exitCode = readerGone ? 0 : code;
    setImmediate(endWhenIdle);
  });
}

/**
 * Ends the process once the command is done and nothing is left that would
 * keep Node running (no handle, request, timer or stream: an output stream
 * built on a pipe is one, so its writes still finish first). Node would then
 * end by itself, after taking down the heap and the environment, which a
 * process that is about to end need not do: 0.20-0.34 ms of `status` (whole
 * processes, pinned, three sets of 101-151 paired rounds; `node -e ""` gains
 * nothing from it). 'exit' listeners run as before (bin/sscard writes code
 * caches there). Checked on the next turn of the event loop, after every
 * callback the command's last step queued.
 */
function endWhenIdle(): void {
  if (process.getActiveResourcesInfo().length === 0) process.exit();
}

/** A value made by `make` when first asked for; `made` tells whether it was. */
function onFirstUse<T>(make: () => T): { get(): T; readonly made: boolean } {
  let value: T | undefined;
  let made = false;
  return {
    get() {
      if (!made) {
        value = make();
        made = true;
      }
      return value as T;
    },
    get made() {
      return made;
    },
  };
}

/**
 * What a standard stream is when it is no terminal: a regular file or
 * /dev/null ('file'), a pipe or socket ('pipe'); null for a terminal or
 * anything else (and on Windows). For output, null means only the process's
 * stream writes it; for any of the three, only node:tty tells whether it is a
 * terminal.
 */
function plainStream(fd: number): 'file' | 'pipe' | null {
  if (process.platform === 'win32') return null;
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile()) return 'file';
    if (stat.isFIFO() || stat.isSocket()) return 'pipe';
    return stat.isCharacterDevice() && stat.rdev === fs.statSync('/dev/null').rdev ? 'file' : null;
  } catch {
    return null;
  }
}

/**
 * Decision (issue 31): standard output into a file, /dev/null or a pipe is
 * written with write(2) itself, as long as that is what process.stdout would
 * do, so that a command printing a page (`status`) does not build the stream:
 * process.stdout loads node:stream (some twenty modules), and on a pipe
 * node:net too. Node writes a file with one synchronous write(2) per chunk
 * (its SyncWriteStream), so a file or /dev/null is written here to its end
 * the same way. A pipe only up to PIPE_BUF bytes in all: a pipe holds at least
 * that much, so those writes never wait for the reader (a write(2) that waits
 * would hold off the signal handlers, private-temp.ts); the rest, and
 * everything once the stream exists, goes through the stream, which waits
 * without blocking. Anything but a whole write (an error, EAGAIN, a full
 * disk) hands the bytes not yet written to the stream, which writes them
 * again and reports what fails as it always did (its 'error' handler above).
 */
function directOutput(kind: 'file' | 'pipe' | null, stream: { get(): NodeJS.WriteStream; readonly made: boolean }): (chunk: string | Uint8Array) => boolean {
  let budget = kind === 'file' ? Number.POSITIVE_INFINITY : kind === 'pipe' ? 4096 : 0;
  return (chunk) => {
    if (stream.made || budget === 0) return stream.get().write(chunk);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length > budget) return stream.get().write(bytes);
    budget -= bytes.length;
    let at = 0;
    try {
      while (at < bytes.length) {
        const written = fs.writeSync(1, bytes, at);
        if (written === 0) break;
        at += written;
      }
    } catch {
      // handed to the stream below
    }
    return at === bytes.length || stream.get().write(bytes.subarray(at));
  };
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
