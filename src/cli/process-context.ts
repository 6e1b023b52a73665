// Builds a command's Context from a run's IO (src/cli/context.ts): the only
// code that reads the environment, the clock and the terminal. Loaded lazily by main.ts, so that
// --help and --version load neither chalk, nor the holiday data, nor SQLite.
// chalk, node:tty and node:os are required on first use (issue 17): chalk's
// colour detection alone loads node:tty, node:os and node:net at import.
import type { ChalkInstance } from 'chalk';
import fs from 'node:fs';
import path from 'node:path';
import { chinaDate, type IsoDate, isoInstant, parseWrittenDate } from '../core/calendar-date.js';
import { inRange } from '../core/date-bounds.js';
import { InvalidInput } from '../core/errors.js';
import { chinaCalendar, officialCalendar } from '../core/official-calendar.js';
import { displayUrl, isPostgresUrl } from '../store/location.js';
import { openLedger } from '../store/open.js';
import { openMemoryStore } from '../store/sqlite/file.js';
import { createByRename, createOnFirstWrite } from '../store/first-write.js';
import { removeDeadStaging } from '../store/leftovers.js';
import { removeDeadTempDirs } from './private-temp.js';
import type { Store } from '../store/store.js';
import type { Context, IO } from './context.js';
import { type Lang, langOf } from './text/lang.js';
import type { Messages } from './text/messages/index.js';
import { guardedStderr, guardedStdout, type OutputState } from './text/safe-text.js';

export interface GlobalOptions {
  db?: string;
  asOf?: string;
  json?: boolean;
  reveal?: boolean;
  color?: boolean;
  lang?: string;
}

function defaultDbPath(env: IO['env']): string {
  // HOME from the run's environment first (os.homedir() reads the process's, which is the same for a process of its own).
  const dataHome = env.XDG_DATA_HOME || path.join(env.HOME || (require('node:os') as typeof import('node:os')).homedir(), '.local', 'share');
  return path.join(dataHome, 'sscard', 'sscard.db');
}

function todayOf(option: string | undefined, env: IO['env'], now: Date, m: Messages): IsoDate {
  const plausible = (date: IsoDate | null) => (date !== null && inRange(date) ? date : null);
  if (option !== undefined) {
    return plausible(parseWrittenDate(option)) ?? fail('invalid-as-of', m.input.invalidAsOf);
  }
  if (env.SSCARD_TODAY) {
    return plausible(parseWrittenDate(env.SSCARD_TODAY)) ?? fail('invalid-sscard-today', m.input.invalidToday);
  }
  return chinaDate(now);
}

function fail(code: string, message: string): never {
  throw new InvalidInput(code, message);
}

function colorLevel(option: boolean | undefined, env: IO['env'], isTTY: () => boolean): 0 | 1 | 2 | 3 {
  if (option === false || 'NO_COLOR' in env) return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : 1;
  return isTTY() && env.TERM !== 'dumb' ? 1 : 0;
}

/** chalk's styles made from arguments (its README, "256 and Truecolor color support"), by their exact names: a Set, not a case-insensitive pattern, which V8 compiles through ICU's case folding at the first style asked for (issue 31). */
const STYLE_MAKERS = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

/**
 * Colours at `level`. At level 0 (a pipe, a file, NO_COLOR: most runs)
 * chalk returns its text as given whatever the styles, and `visible` returns
 * nothing: this does the same without loading chalk.
 */
export function colours(level: 0 | 1 | 2 | 3): ChalkInstance {
  if (level > 0) return new (require('chalk') as typeof import('chalk')).Chalk({ level });
  const styled = (hidden: boolean): unknown => {
    const style = (...text: unknown[]) => (hidden ? '' : text.length === 1 ? `${text[0]}` : text.join(' '));
    return new Proxy(style, {
      get: (target, key) => {
        if (key === 'level') return 0;
        if (typeof key !== 'string') return Reflect.get(target, key);
        // rgb(…), hex(…), ansi256(…) and their backgrounds make a style from their arguments.
        if (STYLE_MAKERS.has(key)) return () => styled(hidden);
        return styled(hidden || key === 'visible');
      },
    });
  };
  return styled(false) as ChalkInstance;
}

/** What a run opened, for main.ts to close whatever happens. */
export interface Resources {
  readonly stores: Store[];
}

/**
 * `resources` collects the stores the command opened, for main.ts to close
 * whatever happens; `output` tells main.ts whether stdout already carries a
 * document, and `rawStdout` passes a command's data (export) unguarded.
 */
export function buildContext(
  opts: GlobalOptions,
  resources: Resources,
  command: string,
  output: OutputState,
  rawStdout: boolean,
  messagesFor: (lang: Lang) => Messages,
  io: IO,
): Context {
  const opened = resources.stores;
  const { env, now } = io;
  const lang = langOf(opts.lang, env);
  const m = messagesFor(lang);
  // Computed on first use: a command that never needs the day (the offline
  // guide) still works when SSCARD_TODAY is bad.
  let today: IsoDate | undefined;
  const dbPath = opts.db ?? env.SSCARD_DB ?? defaultDbPath(env);
  const isDefaultPath = opts.db === undefined && env.SSCARD_DB === undefined;
  let store: Store | null | undefined;
  let storeWritable = false;
  let calendar = chinaCalendar;
  const openStore = async (mode: { write: boolean; bulk?: boolean; dryRun?: boolean }): Promise<Store | null> => {
    // Reads open the file read-only; a later write in the same command reopens it writable.
    if (store === undefined || (mode.write && !storeWritable)) {
      if (store) {
        await store.close();
        opened.splice(opened.indexOf(store), 1);
      }
      const options = { create: mode.write, createDirectories: isDefaultPath, now: isoInstant(now), dryRun: mode.dryRun === true };
      const isFile = !isPostgresUrl(dbPath);
      // What imports killed while creating this ledger left beside it (personal data purge never reaches).
      if (isFile) removeDeadStaging(dbPath);
      // And the private temporary directories of killed runs (issue 29 items 1 and 2): standard input, unpacked sheets.
      removeDeadTempDirs();
      const isNewFile = mode.write && isFile && !fs.existsSync(dbPath);
      store = !isNewFile
        ? await openLedger(dbPath, options)
        : mode.bulk
          ? createByRename(
              dbPath,
              async (temp) => (await openLedger(temp, options))!,
              async () => (await openLedger(dbPath, options))!,
            )
          : createOnFirstWrite(openMemoryStore(), async () => (await openLedger(dbPath, options))!);
      storeWritable = mode.write;
      if (store) {
        opened.push(store);
        // A year's schedule loaded into the ledger overrides the package's (SPEC 1.2).
        const loaded = await store.calendarYears();
        calendar = loaded.length === 0 ? chinaCalendar : officialCalendar(loaded.map((y) => y.schedule));
      }
    }
    return store;
  };
  let color: ChalkInstance | undefined;
  const stdoutIsTTY = () => (io.stdoutIsTTY ? io.stdoutIsTTY() : Boolean(io.stdout.isTTY));
  return {
    out: guardedStdout(io, rawStdout ? 'raw' : opts.json ? 'json' : 'human', output),
    err: guardedStderr(io),
    // Getters: the process's standard streams are built on first use (entry.ts); only some commands need them.
    get stdinIsTTY() {
      return io.stdinIsTTY ? io.stdinIsTTY() : Boolean(io.stdin.isTTY);
    },
    get stdoutIsTTY() {
      return stdoutIsTTY();
    },
    get stderrIsTTY() {
      return io.stderrIsTTY ? io.stderrIsTTY() : Boolean(io.stderr.isTTY);
    },
    get stdin() {
      return io.stdin;
    },
    get promptIO() {
      return { input: io.stdin, output: io.stderr };
    },
    get color() {
      return (color ??= colours(colorLevel(opts.color, env, stdoutIsTTY)));
    },
    get today() {
      return (today ??= todayOf(opts.asOf, env, now, m));
    },
    ledger: displayUrl(dbPath),
    get viewOn() {
      return opts.asOf !== undefined || env.SSCARD_TODAY ? this.today : null;
    },
    defaultPolicy: env.SSCARD_POLICY?.trim() || 'seed',
    command,
    lang,
    m,
    json: Boolean(opts.json),
    reveal: Boolean(opts.reveal),
    get calendar() {
      return calendar;
    },
    openStore: openStore as Context['openStore'],
    scratchStore: async () => openMemoryStore(),
    openLedgerAt: (async (location: string, mode: { write: boolean }) => {
      const other = await openLedger(location, { create: mode.write, createDirectories: false, now: isoInstant(now) });
      if (other) opened.push(other);
      return other;
    }) as Context['openLedgerAt'],
  };
}
