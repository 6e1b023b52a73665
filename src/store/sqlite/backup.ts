// sscard backup's engine (SPEC 3.1, issue 12 items 1-3). The copy is made
// with `VACUUM INTO`, which reads the ledger inside ONE read transaction: in
// WAL mode writers carry on meanwhile and the copy is the ledger as of its
// start. SQLite's online backup API, used before, restarts whenever another
// process writes, and on a large ledger with writers never finished. The
// copy is written to a temporary file beside the target, made durable, then
// renamed onto the final name, so a killed backup never leaves a partial
// file under that name, and the target is never the ledger itself.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { refused } from '../../core/errors.js';
import { isAlive } from '../leftovers.js';

// Our temporary files, and the journal SQLite may keep beside one while writing it.
const TEMP = /^\.(.+)\.sscard-backup-(\d+)-[0-9a-f]{8}\.tmp(-journal)?$/;

export function backupLedger(db: Database.Database, target: string): void {
  const ledger = db.name;
  refuseLedgerItself(ledger, target);
  const dir = path.dirname(path.resolve(target));
  const base = path.basename(target);
  removeStaleTemps(dir, base);
  const temp = path.join(dir, `.${base}.sscard-backup-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  // Private from its first byte: the copy holds the same personal information (SPEC 3.1).
  fs.closeSync(fs.openSync(temp, 'wx', 0o600));
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    syncDirectory(dir);
  } catch (error) {
    // With the journal SQLite keeps beside the copy while writing it (a full disk left it: issue 29 item 3).
    for (const suffix of ['', '-journal', '-wal']) fs.rmSync(temp + suffix, { force: true });
    throw error;
  }
}

/** The paths SQLite keeps the ledger in: the file and its side files. */
function ledgerPaths(ledger: string): string[] {
  const real = realpathOrResolve(ledger);
  return ['', '-wal', '-shm', '-journal'].map((suffix) => real + suffix);
}

function realpathOrResolve(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    // Not there yet: its directory resolved, so `dir/../x.db` and links to the directory compare equal.
    try {
      return path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Same path after resolving links, or the same file under another name (a hard link): refused. */
function refuseLedgerItself(ledger: string, target: string): void {
  const resolved = realpathOrResolve(target);
  const paths = ledgerPaths(ledger);
  let sameFile = false;
  try {
    const [a, b] = [fs.statSync(target), fs.statSync(ledger)];
    sameFile = a.dev === b.dev && a.ino === b.ino;
  } catch {
    // the target does not exist yet
  }
  if (sameFile || paths.includes(resolved)) {
    throw refused('backup-is-ledger', { file: target });
  }
}

/**
 * Temporary files of backups that were killed: removed only when clearly
 * ours (our naming, for this target) and their process is gone.
 */
function removeStaleTemps(dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== base || isAlive(Number(m[2]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** The rename itself is durable only once the directory is synced (POSIX). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a directory; the rename is still atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
