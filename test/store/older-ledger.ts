// A ledger as an older sscard left it: the rows of `file` (a ledger of the current version) in a file whose
// schema is made by the first `version` migrations, as that sscard made it (src/store/sqlite/schema.ts), with
// its application id and version. From v4 on each table has the same columns in the same order, so the rows copy
// as they are (v1-v3 lack columns: refused). Replaces `file` (its WAL and shared-memory files too), private to its
// owner.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { runMigrations } from '../../src/store/sqlite/file.js';
import { APPLICATION_ID } from '../../src/store/sqlite/schema.js';

export function rewriteAtVersion(file: string, version: number): void {
  if (version < 4) throw new Error(`rewriteAtVersion: v${version}'s tables lack columns of the current ones`);
  const older = `${file}.older`;
  fs.rmSync(older, { force: true });
  const db = new Database(older);
  try {
    runMigrations(db, 0, version);
    db.exec(`ATTACH DATABASE '${file.replaceAll("'", "''")}' AS current`);
    const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    db.transaction(() => {
      // Parents first: the person keys hold in every version.
      for (const table of ['person', ...tables.filter((t) => t !== 'person')]) db.exec(`INSERT INTO main.${table} SELECT * FROM current.${table}`);
    })();
    db.exec('DETACH DATABASE current');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${version}`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  for (const side of ['-wal', '-shm']) fs.rmSync(`${file}${side}`, { force: true });
  fs.renameSync(older, file);
  fs.chmodSync(file, 0o600);
}
