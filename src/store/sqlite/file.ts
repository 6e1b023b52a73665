// The SQLite ledger's file: opening, identity, migrations, permissions.
// Everything that touches the file as a file lives here; queries live in ledger.ts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { InvalidInput, Refused } from '../../core/errors.js';
import { rebuildCache, SqliteStore } from './ledger.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

/** Long enough for a queue of writers (each write is short) before "database is locked". */
const BUSY_TIMEOUT_MS = 30_000;

/**
 * The driver's compiled addon, named directly: without it better-sqlite3 asks
 * the `bindings` package to search a dozen candidate paths on every start.
 */
export function nativeBinding(): string | undefined {
  try {
    return require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined; // an unusual build layout: let the driver search
  }
}

export interface OpenOptions {
  /** Create the file when it does not exist (commands that write). */
  readonly create: boolean;
  /** Create missing parent directories (only for the default location). */
  readonly createDirectories: boolean;
  /** ISO timestamp of this run, stamped on every event written. */
  readonly now: string;
}

/**
 * Opens the ledger at `file`, or returns null when it does not exist and
 * `create` is false (a read of an empty ledger). A file that is not an sscard
 * ledger, or is newer than this version, is refused before anything is
 * written to it.
 */
export function openSqliteStore(file: string, options: OpenOptions): SqliteStore | null {
  if (!fs.existsSync(file)) {
    if (!options.create) return null;
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) {
      if (!options.createDirectories) {
        throw new InvalidInput('db-directory-missing', `--db: the directory ${dir} does not exist; create it first or choose another path.`, { dir });
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
  if (fs.statSync(file).isDirectory()) {
    throw new InvalidInput('db-is-directory', `--db: ${file} is a directory; give a file path such as ${path.join(file, 'sscard.db')}.`, {
      file,
      example: path.join(file, 'sscard.db'),
    });
  }
  const open = (readonly: boolean) => {
    try {
      return new Database(file, { fileMustExist: true, readonly, timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBinding() });
    } catch (error) {
      throw fileError(file, error);
    }
  };
  // A read of a ledger the user may only read opens it read-only. Otherwise
  // it is opened read-write even for a read, so that closing it removes
  // SQLite's -wal and -shm files instead of leaving them beside the ledger.
  let db = open(!options.create && !writable(file));
  try {
    checkIdentity(db, file);
    if (db.readonly && (db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
      db.close(); // an older ledger is migrated forward, which is a write
      db = open(false);
      checkIdentity(db, file);
    }
    if (!db.readonly) {
      if ((db.pragma('journal_mode', { simple: true }) as string) !== 'wal') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, file);
    }
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    if (error instanceof Refused || error instanceof InvalidInput) throw error;
    throw fileError(file, error);
  }
  return new SqliteStore(db, options.now);
}

/** A throw-away ledger in memory (e.g. a dry run when no ledger file exists yet). */
export function openMemoryStore(): SqliteStore {
  const db = new Database(':memory:', { nativeBinding: nativeBinding() });
  db.pragma('foreign_keys = ON');
  migrate(db, ':memory:');
  return new SqliteStore(db, new Date(0).toISOString());
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
    return new Refused('not-a-ledger', `${file} is not an sscard database (or is damaged); it was left untouched. Point --db at an sscard ledger.`, { file });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_PERM') {
    return new Refused('db-not-writable', `${file} cannot be opened or written (permission denied, or a read-only file or directory); fix its permissions or choose another --db.`, { file });
  }
  return new Refused('db-error', `${file} could not be used: ${(error as Error).message}.`, { file, why: (error as Error).message });
}

function checkIdentity(db: Database.Database, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number };
    if (applicationId !== 0 || version !== 0 || tables.n > 0) {
      throw new Refused('not-a-ledger', `${file} is not an sscard database; it was left untouched. Point --db at an sscard ledger.`, { file });
    }
  } else if (version > SCHEMA_VERSION) {
    throw new Refused(
      'ledger-too-new',
      `${file} was written by a newer sscard (schema version ${version}, this one knows ${SCHEMA_VERSION}); it was left untouched. Upgrade sscard.`,
      { file },
    );
  }
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Refused('ledger-too-new', `${file} was written by a newer sscard; upgrade sscard.`, { file });
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    // From v2 on the tables are the replay of the events: rebuilt once from them.
    if (version < 2) rebuildCache(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}


/** Deletes a ledger file (and its -wal/-shm) that holds no fact: what a refused first command leaves behind. */
export function removeIfEmpty(file: string): void {
  try {
    const db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBinding() });
    try {
      const facts = db.prepare("SELECT (SELECT count(*) FROM event) + (SELECT count(*) FROM calendar_year)").pluck().get() as number;
      if (facts !== 0) return;
    } finally {
      db.close();
    }
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  } catch {
    // Not a ledger we can read: leave it as it is.
  }
}
