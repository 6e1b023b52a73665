// The right to deletion (PIPL Art. 47) as SQLite needs it done (SPEC 3.1,
// issue 12 item 4): deleting rows is not enough. `secure_delete` zeroes
// what a DELETE frees, but index b-tree pages keep stale copies of keys
// moved by earlier page splits, and the WAL keeps every page version
// written since the last checkpoint. So: delete and scrub in one
// transaction, then rebuild every page (VACUUM) and empty the WAL
// (checkpoint TRUNCATE).
import type Database from 'better-sqlite3';
import { maskId } from '../../core/masking.js';
import { Refused } from '../../core/errors.js';

/**
 * Inside the caller's write transaction: the person's rows (ON DELETE
 * CASCADE takes their hires, cards, e-card and events), then the number
 * wherever else it stands, e.g. as the guardian on someone else's card or
 * in a `card.activated` event's data: a column equal to it becomes NULL
 * (a row whose NOT NULL column equals it goes), a JSON value equal to it
 * becomes null, and text containing it gets it masked.
 *
 * Events are append-only by trigger; erasure is the one exception, so every
 * trigger is set aside for the transaction and recreated, with its exact
 * SQL, before it commits.
 */
export function erasePersonRows(db: Database.Database, personId: string): void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${quote(t.name)}`);
  db.pragma('secure_delete = ON');
  db.prepare('DELETE FROM person WHERE id = ?').run(personId);
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name: table } of tables) {
    const columns = db.prepare(`SELECT name, "notnull" AS "notNull", pk FROM pragma_table_info(?)`).all(table) as {
      name: string;
      notNull: number;
      pk: number;
    }[];
    for (const column of columns) scrubColumn(db, table, column, personId);
  }
  for (const t of triggers) db.exec(t.sql);
}

/** Whether the number stands anywhere in the ledger: a person's rows, or only as someone's guardian. A full scan: purge is rare. */
export function isMentioned(db: Database.Database, id: string): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name: table } of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[];
    for (const { name } of columns) {
      if (db.prepare(`SELECT 1 FROM ${quote(table)} WHERE typeof(${quote(name)}) = 'text' AND instr(${quote(name)}, ?) > 0 LIMIT 1`).get(id)) return true;
    }
  }
  return false;
}

function scrubColumn(db: Database.Database, table: string, column: { name: string; notNull: number; pk: number }, id: string): void {
  const [t, c] = [quote(table), quote(column.name)];
  if (column.notNull || column.pk) db.prepare(`DELETE FROM ${t} WHERE ${c} = ?`).run(id);
  else db.prepare(`UPDATE ${t} SET ${c} = NULL WHERE ${c} = ?`).run(id);
  // By value, not rowid: person, card and ecard are WITHOUT ROWID tables.
  const values = db.prepare(`SELECT DISTINCT ${c} AS v FROM ${t} WHERE typeof(${c}) = 'text' AND instr(${c}, ?) > 0`).all(id) as { v: string }[];
  const update = values.length > 0 ? db.prepare(`UPDATE ${t} SET ${c} = ? WHERE ${c} = ?`) : null;
  for (const { v } of values) update!.run(scrubText(v, id), v);
}

/** JSON: values equal to the number become null, strings containing it get it masked; other text: masked. */
export function scrubText(text: string, id: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text.replaceAll(id, maskId(id));
  }
  const walk = (value: unknown): unknown => {
    if (value === id) return null;
    if (typeof value === 'string') return value.replaceAll(id, maskId(id));
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll(id, maskId(id)), walk(v)]));
    return value;
  };
  return JSON.stringify(walk(parsed));
}

/**
 * After the erasure committed: every page rebuilt (VACUUM, with secure_delete
 * so fresh pages start zeroed), then the WAL copied into the file and
 * truncated to nothing. A reader in another process can hold the WAL open;
 * the checkpoint waits for it (busy timeout), and if it still cannot finish
 * says so rather than claim the number is gone.
 */
export function scrubFile(db: Database.Database): void {
  db.pragma('secure_delete = ON');
  db.exec('VACUUM');
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (result && result.busy !== 0) {
    throw new Refused(
      'purge-incomplete',
      'The person was deleted, but another sscard process kept the ledger open, so older copies may remain in its -wal file until it is checkpointed; run the purge again when no other sscard is running.',
    );
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
