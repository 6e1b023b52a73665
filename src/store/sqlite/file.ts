// The SQLite ledger's file: opening, identity, migrations, permissions.
// Everything that touches the file as a file lives here; queries live in ledger.ts.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { InvalidInput, invalidInput, Refused, refused } from '../../core/errors.js';
import { cacheDifferencesIn, rebuildCache, SqliteStore } from './ledger.js';
import { type HeaderFields, hasPendingJournal, inspectDatabase, walPageOneHeaders } from './header.js';
import { checkRecoverable } from './journal-check.js';
import { connect } from './connect.js';
import { APPLICATION_ID, IDENTITY_QUERY, MIGRATIONS, SCHEMA_QUERY, SCHEMA_VERSION, TABLES_VERSION } from './schema.js';

/** Long enough for a queue of writers (each write is short) before "database is locked". */
const BUSY_TIMEOUT_MS = 30_000;

export interface OpenOptions {
  /** Create the file when it does not exist (commands that write). */
  readonly create: boolean;
  /** Create missing parent directories (only for the default location). */
  readonly createDirectories: boolean;
  /** ISO timestamp of this run, stamped on every event written. */
  readonly now: string;
  /** A dry run: as LedgerOpenOptions.dryRun (src/store/open.ts) says. */
  readonly dryRun?: boolean;
}

// better-sqlite3 reads this once, when its addon loads: `file:` URIs let a
// read of a file nobody may write use `immutable=1` (see openForRead).
// Every other path handed to SQLite is absolute, so never taken for a URI.
process.env.SQLITE_USE_URI = '1';

/**
 * Files bigger than this skip the quick check before a write: on a small
 * ledger it costs milliseconds and stops a write from making damage worse
 * (issue 12 item 7); on a large one `sscard check` is the place for it.
 */
const QUICK_CHECK_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Files up to this size get SQLite's full integrity check before a write
 * instead (issue 29 item 11): it also compares every index with its table (a
 * flipped bit in an index key gives "row N missing from index", which the
 * quick check does not look at). Up to CACHE_CHECK_MAX_BYTES the cached tables
 * are compared with the replay of the events too, as `check` does. Measured
 * on a 1.04 MiB ledger (1,100 people with a hire and a card), on this shared
 * machine under load: integrity check 6-60 ms, quick check 1-18 ms, the cache
 * comparison 130-380 ms (hence its lower bound: a quarter of that, 256 KiB
 * before schema v5). The comparison's cost is the events' and people's, not
 * the bytes': v5's wider event indexes made the same ledgers 5% larger (the
 * 300-hire ledger of test/e2e/damaged-ledgers.test.ts 262,144 bytes before,
 * 274,432 after; 100,000 hires 71.1 MB, 74.7 MB), so the bound grew with them,
 * to 320 KiB: with room above that ledger (268 KiB would have been its exact
 * size), and for a ledger migrated from v4, whose dropped indexes' pages stay
 * in the file as free pages.
 */
const INTEGRITY_CHECK_MAX_BYTES = 1024 * 1024;
const CACHE_CHECK_MAX_BYTES = 320 * 1024;

/**
 * Opens the ledger at `file`, or returns null when there is nothing to read
 * (no file, or an empty one) and `create` is false. Reads never create or
 * change a file. The file's own bytes are inspected before SQLite opens it,
 * so a file that is not an sscard ledger, or is newer than this version, is
 * refused untouched, journal and WAL included.
 *
 * Decision (SPEC 3.1, issue 12 item 5): a symbolic link as --db is refused,
 * not followed: the link's target would silently become the ledger, and the
 * permission and identity checks would apply to another path than the one
 * the user named. The sentence gives the target to use instead.
 */
export function openSqliteStore(file: string, options: OpenOptions): SqliteStore | null {
  const found = existing(file);
  if (found === null) {
    if (!options.create) return null;
    createEmpty(file, options.createDirectories);
  } else if (found.size === 0 && !options.create) {
    return null; // an empty file is an empty ledger: nothing to read, and a read does not turn it into one
  }
  const header = inspectDatabase(file);
  if (header.kind === 'not-sqlite') throw notALedger(file);
  const walCopies = walPageOneHeaders(file);
  if (header.kind === 'sqlite') checkHeader(file, header, walCopies);
  refuseUnrecoverable(file);

  const canWrite = writable(file);
  if (options.create && canWrite) makePrivate(file);
  const db = !options.create && !canWrite ? openForRead(file) : openDatabase(file, false);
  try {
    const seen = readIdentity(db);
    const blank = checkIdentity(seen, file);
    if (!db.readonly && (options.create || seen.version < SCHEMA_VERSION)) {
      useWal(db);
      db.pragma('synchronous = NORMAL');
      if (!(options.dryRun && seen.version >= TABLES_VERSION)) migrate(db, file);
      // Another command may have made the blank file a ledger meanwhile (migrate then left it as it was): looked at again.
      if (blank) checkIdentity(readIdentity(db), file);
      if (options.create && found !== null) checkBeforeWrite(db, found.size + walSize(file));
    }
    db.pragma('foreign_keys = ON');
    // Reading a cell checks that it fits its page: damage found while reading is an error, not a wrong answer.
    db.pragma('cell_size_check = ON');
  } catch (error) {
    db.close();
    if (error instanceof Refused || error instanceof InvalidInput) throw error;
    throw fileError(file, error);
  }
  if (options.create && canWrite) makePrivate(file); // the -wal and -shm SQLite has just made
  return new SqliteStore(db, options.now);
}

/**
 * Puts the ledger in WAL mode (a new file starts in SQLite's rollback mode). Two commands creating the same ledger at
 * once both find the blank file in rollback mode: SQLite switches it under a write lock that the switch asks for from
 * inside a read, and a connection asking so while another holds that lock gets SQLITE_BUSY at once, without its busy
 * handler (waiting there could deadlock two readers). The command that lost waits here instead, as for any other
 * write, and looks again: by then the other has usually switched the file. (test/e2e/robustness.test.ts's concurrent
 * writers failed so once, "database is locked"; eight processes switching one blank file at the same instant failed
 * so 7 times in 30 trials.)
 */
function useWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
const pause = new Int32Array(new SharedArrayBuffer(4));

/** The file's status (not following a symbolic link), or null when it does not exist; refuses what cannot be a ledger file. */
function existing(file: string): fs.Stats | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileError(file, error);
  }
  if (stat.isSymbolicLink()) {
    let target = '';
    try {
      target = fs.realpathSync(file);
    } catch {
      // a dangling link: no target to suggest
    }
    throw refused('db-is-symlink', {
      file,
      target: target ?? '',
    });
  }
  if (stat.isDirectory()) {
    throw invalidInput('db-is-directory', {
      file,
      example: path.join(file, 'sscard.db'),
    });
  }
  if (!stat.isFile()) throw refused('db-not-a-file', { file });
  return stat;
}

function createEmpty(file: string, createDirectories: boolean): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    if (!createDirectories) {
      throw invalidInput('db-directory-missing', { dir });
    }
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  try {
    // Created here, not by SQLite, so that it is private from the first byte (SQLite gives its -wal and -shm the same mode).
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(file, error);
  }
}

/**
 * SPEC 3.1: the file, its -wal and -shm are readable and writable by their
 * owner only, whether sscard created them or not. Only files we own: the
 * mode of someone else's file is theirs to set. Done before SQLite opens
 * the file, since SQLite gives a new -wal and -shm the file's mode.
 */
function makePrivate(file: string): void {
  const uid = process.getuid?.();
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      const stat = fs.statSync(each);
      if ((stat.mode & 0o077) !== 0 && (uid === undefined || stat.uid === uid)) fs.chmodSync(each, stat.mode & 0o700);
    } catch {
      // absent, or not ours to change
    }
  }
}

function openDatabase(file: string, readonly: boolean): Database.Database {
  try {
    return connect(path.resolve(file), { fileMustExist: true, readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw fileError(file, error);
  }
}

/**
 * A ledger this user may read but not write (another user's 0644 file, a
 * read-only directory or mount: issue 12 item 13). SQLite's read-only mode
 * still needs to create the WAL's -shm beside the file; when nothing is
 * pending in a journal or WAL the file alone is the whole ledger, and
 * `immutable=1` reads it without any lock or side file. With a WAL that has
 * content, the ordinary read-only mode is the only correct one; with a hot
 * rollback journal, only a writer can recover the file.
 */
function openForRead(file: string): Database.Database {
  const pending = hasPendingJournal(file);
  if (pending.journal) {
    throw refused('db-needs-recovery', { file });
  }
  if (pending.wal) return openDatabase(file, true);
  const uri = `file:${encodeURI(path.resolve(file)).replace(/[?#]/g, encodeURIComponent)}?immutable=1`;
  try {
    return connect(uri, { readonly: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw fileError(file, error);
  }
}

function notALedger(file: string): Refused {
  return refused('not-a-ledger', { file });
}

/**
 * The identity in the header bytes of the file and of the copies of its
 * first page in the WAL: refused here, before SQLite could recover anything.
 */
function checkHeader(file: string, header: HeaderFields, walCopies: readonly HeaderFields[]): void {
  const ours = walCopies.some((copy) => copy.applicationId === APPLICATION_ID);
  if (header.applicationId !== APPLICATION_ID) {
    // A brand-new SQLite file with nothing in it may become a ledger (or is
    // one being created, its first transaction still in the WAL); anything
    // else is someone else's.
    const blank = header.applicationId === 0 && header.userVersion === 0 && header.pageCount === 1;
    if (!blank || (walCopies.length > 0 && !ours)) throw notALedger(file);
  } else if (header.userVersion > SCHEMA_VERSION) {
    throw tooNew(file, header.userVersion);
  }
  for (const copy of walCopies) {
    if (copy.applicationId !== APPLICATION_ID && copy.applicationId !== 0) throw notALedger(file);
    if (copy.applicationId === APPLICATION_ID && copy.userVersion > SCHEMA_VERSION) throw tooNew(file, copy.userVersion);
  }
}

/**
 * A WAL or hot journal that SQLite would recover only in part (issue 29 item
 * 4): refused before SQLite sees it, by every command, reads included, since
 * opening is what recovers, and the last connection's checkpoint then deletes
 * the WAL: the commits after the damage would be gone without a word.
 */
function refuseUnrecoverable(file: string): void {
  const finding = checkRecoverable(file);
  if (finding.sound) return;
  const kind = finding.file.endsWith('-wal') ? 'wal' : 'journal';
  throw refused('journal-damaged', { file, journal: finding.file, kind, at: finding.at, after: finding.after });
}

function tooNew(file: string, version: number): Refused {
  return refused('ledger-too-new', { file, version, known: SCHEMA_VERSION });
}

/**
 * The schema a ledger of each version has, made by running the same
 * migrations on an empty database in memory: the current version's by the
 * build, once (scripts/build.mjs defines SSCARD_SCHEMAS; making it here cost
 * every command 2-3 ms of its start); an older version's here, when a ledger
 * of that version is opened (to be migrated), and every one when running from
 * source.
 */
declare const SSCARD_SCHEMAS: Record<number, string> | undefined;
const expectedSchemas = new Map<number, string>(typeof SSCARD_SCHEMAS === 'undefined' ? [] : Object.entries(SSCARD_SCHEMAS).map(([v, s]) => [Number(v), s]));
export function expectedSchema(version: number): string {
  let schema = expectedSchemas.get(version);
  if (schema === undefined) {
    const db = connect(':memory:');
    runMigrations(db, 0, version);
    schema = schemaOf(db);
    db.close();
    expectedSchemas.set(version, schema);
  }
  return schema;
}

function schemaOf(db: Database.Database): string {
  return JSON.stringify(db.prepare(SCHEMA_QUERY).all());
}

/** What an open file says it is, read in one snapshot (schema.ts's IDENTITY_QUERY). */
interface Identity {
  readonly applicationId: number;
  readonly version: number;
  /** Entries in sqlite_schema, SQLite's own included. */
  readonly entries: number;
  /** As schemaOf gives it. */
  readonly schema: string;
}

interface IdentityRow {
  applicationId: number;
  version: number;
  entries: number;
  type: string | null;
  name: string;
  tbl_name: string;
  sql: string;
}

function readIdentity(db: Database.Database): Identity {
  const rows = db.prepare(IDENTITY_QUERY).all() as IdentityRow[];
  const { applicationId, version, entries, type } = rows[0]!;
  const schema = type === null ? [] : rows.map(({ type, name, tbl_name, sql }) => ({ type, name, tbl_name, sql }));
  return { applicationId, version, entries, schema: JSON.stringify(schema) };
}

/** A write never lands on a file `sscard check` would call damaged, as far as can be afforded by its size. */
function checkBeforeWrite(db: Database.Database, bytes: number): void {
  if (bytes > QUICK_CHECK_MAX_BYTES) return;
  if (bytes > INTEGRITY_CHECK_MAX_BYTES) {
    quickCheck(db);
    return;
  }
  const findings = (db.pragma('integrity_check(1)') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (findings[0] !== 'ok') throw damaged(db.name, `SQLite's integrity check: ${findings[0]?.replace(/\s*\n\s*/g, ' ')}`);
  if (bytes > CACHE_CHECK_MAX_BYTES) return;
  // In one read snapshot: other writers commit between statements, and tables read before a commit compared with events read after it would call a sound file damaged.
  const differences = db.transaction(() => cacheDifferencesIn(db))();
  if (differences.length > 0)
    throw damaged(db.name, `its state tables differ from the replay of its events in ${differences.length} place${differences.length === 1 ? '' : 's'}`);
}

function walSize(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** SQLite's quick check (every page's structure, not the indexes' content): a write never lands on a damaged file. */
function quickCheck(db: Database.Database): void {
  const findings = (db.pragma('quick_check(1)') as { quick_check: string }[]).map((r) => r.quick_check);
  if (findings[0] !== 'ok') throw damaged(db.name, `SQLite's quick check: ${findings[0]?.replace(/\s*\n\s*/g, ' ')}`);
}

export function damaged(file: string, finding: string): Refused {
  return refused('ledger-damaged', { file, finding });
}

/** A throw-away ledger in memory (e.g. a dry run when no ledger file exists yet); `now` stamps its events. */
export function openMemoryStore(now = new Date(0).toISOString()): SqliteStore {
  const db = connect(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, ':memory:');
  return new SqliteStore(db, now);
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function fileError(file: string, error: unknown): Refused {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return refused('not-a-ledger', { file });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_PERM') {
    return refused('db-not-writable', { file });
  }
  return refused('db-error', { file, why: (error as Error).message });
}

/**
 * Whose file it is, and a cheap check on every open (one page read): the
 * tables, indexes and triggers are exactly those of the file's version. A
 * flipped bit in the schema, or tables a damaged header calls another
 * version, stop here with one sentence instead of failing half-way through a
 * command. True for a blank SQLite file, which may become a ledger.
 */
function checkIdentity({ applicationId, version, entries, schema }: Identity, file: string): boolean {
  if (applicationId !== APPLICATION_ID) {
    if (applicationId !== 0 || version !== 0 || entries > 0) throw refused('not-a-ledger', { file });
    return true;
  }
  if (version > SCHEMA_VERSION) throw tooNew(file, version);
  if (schema !== expectedSchema(version)) throw damaged(file, `its schema is not that of an sscard ledger of version ${version}`);
  return false;
}

/**
 * The migrations from version `from` up to `to`, run as they are written. better-sqlite3's defensive mode
 * (SQLITE_DBCONFIG_DEFENSIVE, on by default) is off meanwhile: v6 edits sqlite_schema (schema.ts says why and how).
 * The same in scripts/build.mjs, which makes each version's schema the same way; test/store/older-ledger.ts calls this.
 */
export function runMigrations(db: Database.Database, from: number, to: number): void {
  db.unsafeMode(true);
  try {
    for (let v = from; v < to; v++) db.exec(MIGRATIONS[v]!);
  } finally {
    db.unsafeMode(false);
  }
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw refused('ledger-too-new', { file, version, known: SCHEMA_VERSION });
    runMigrations(db, version, SCHEMA_VERSION);
    // From v2 on the tables are the replay of the events: rebuilt once from them.
    if (version < 2) rebuildCache(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
