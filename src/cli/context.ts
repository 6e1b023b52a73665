// What a command gets to work with. Commands never touch `process` or the
// clock: everything from the outside world arrives in an IO (the process's,
// built by entry.ts; in-memory streams and a fixed instant in the tests,
// test/e2e/in-process.cjs), and main.ts turns it into a Context per run.
import type { ChalkInstance } from 'chalk';
import type { IsoDate } from '../core/calendar-date.js';
import type { SourcedCalendar } from '../core/holidays.js';
import type { Store } from '../store/store.js';

export type { Lang } from './text/lang.js';
import type { Lang } from './text/lang.js';
import type { Messages } from './text/messages/index.js';

/** A stream end as a command sees it: a terminal or not. */
interface Terminal {
  readonly isTTY?: boolean;
  /** A terminal's width, for help's wrapping. */
  readonly columns?: number;
}

/**
 * The outside world of one run: main(argv, io) reads nothing else (no
 * `process`, no clock), so that a run can happen inside another program
 * (the tests) with its own environment, streams and instant.
 */
export interface IO {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Read only by the commands that take standard input (import -, prompts); the process's is built on first use. */
  readonly stdin: NodeJS.ReadableStream & Terminal;
  /** Whether standard input is a terminal, when that can be told without building `stdin` (the process: isatty(0), issue 17's start-up). */
  readonly stdinIsTTY?: () => boolean;
  readonly stdout: NodeJS.WritableStream & Terminal;
  readonly stderr: NodeJS.WritableStream & Terminal;
  /** Whether standard output (error) is a terminal, when that can be told without building `stdout` (`stderr`): issue 31's start-up. */
  readonly stdoutIsTTY?: () => boolean;
  readonly stderrIsTTY?: () => boolean;
  /**
   * Writes text to standard output as `stdout.write` does (false: wait for 'drain'), without building `stdout`
   * where it can (the process: a file, /dev/null or a pipe, entry.ts). Absent: `stdout.write`.
   */
  readonly writeOut?: (chunk: string | Uint8Array) => boolean;
  /** The instant the run happens at: today in China, unless --as-of or SSCARD_TODAY say otherwise. */
  readonly now: Date;
}

export interface TextSink {
  write(text: string): unknown;
}

export interface Context {
  readonly out: TextSink;
  readonly err: TextSink;
  /** Standard input is a terminal: prompts are allowed. */
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  /** Standard error is a terminal: progress may be drawn there. */
  readonly stderrIsTTY: boolean;
  readonly color: ChalkInstance;
  /** Standard input, for a file given as `-`. */
  readonly stdin: NodeJS.ReadableStream;
  /** Where prompts read and draw (the terminal; stderr, so stdout stays clean for the answer). */
  readonly promptIO: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /**
   * The day the command judges (`--as-of`, SSCARD_TODAY, else today in China):
   * deadlines are counted to it and it is the default for `--on` dates. One
   * name everywhere (core's `Judging.today`); `--json` documents call it `asOf`.
   */
  readonly today: IsoDate;
  /**
   * The day the ledger is viewed as it stood on (SPEC 1.6): `today` when
   * `--as-of` or SSCARD_TODAY names it, and then only facts dated on or before
   * it count. Not a second name for the day but a cut-off (the store's and
   * replay's `viewOn`): null
   * (no day given): every recorded fact counts, including those announced
   * ahead, such as a leaving date after today.
   */
  readonly viewOn: IsoDate | null;
  /** The card policy a new card is issued under when `--policy` is not given: SSCARD_POLICY, else `seed` (SPEC 1.8). */
  readonly defaultPolicy: string;
  /** The ledger as it may be shown to the user: the file path, or a database URL without its password. */
  readonly ledger: string;
  /** The command being run (`card issue`), recorded as the source of its events. */
  readonly command: string;
  readonly lang: Lang;
  /** The message catalogue of `lang` (src/cli/text/messages/): every word shown to the user comes from it. */
  readonly m: Messages;
  readonly json: boolean;
  readonly reveal: boolean;
  /** The rest days: the package's schedules, provisional years, and the years loaded into the ledger once it is opened. */
  readonly calendar: SourcedCalendar;
  /**
   * The ledger. `write: false` returns null when the file does not exist yet
   * (nothing to read; nothing is created by a read).
   * `bulk`: an import, whose work is too large to rehearse in memory; a new
   * ledger file is then created at once (otherwise only by the first write
   * that goes through, src/store/first-write.ts).
   */
  openStore(mode: { write: true; bulk?: boolean; dryRun?: boolean }): Promise<Store>;
  openStore(mode: { write: false; dryRun?: boolean }): Promise<Store | null>;
  /** An empty, throw-away ledger in memory (a dry run when no ledger exists yet). */
  scratchStore(): Promise<Store>;
  /** Another ledger than --db's, a file or a postgres:// URL (`sscard copy`); null as for openStore. */
  openLedgerAt(location: string, mode: { write: true }): Promise<Store>;
  openLedgerAt(location: string, mode: { write: false }): Promise<Store | null>;
}
