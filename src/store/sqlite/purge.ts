// The right to deletion (PIPL Art. 47) as SQLite needs it done (SPEC 3.1,
// issue 12 item 4): deleting rows is not enough. `secure_delete` zeroes
// what a DELETE frees, but index b-tree pages keep stale copies of keys
// moved by earlier page splits, and the WAL keeps every page version
// written since the last checkpoint. So: delete and scrub in one
// transaction, then rebuild every page (VACUUM) and empty the WAL
// (checkpoint TRUNCATE).
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { legacyForm } from '../../core/citizen-id.js';
import { maskId } from '../../core/masking.js';
import { refused } from '../../core/errors.js';

/**
 * Every spelling of the number in free text (issue 29 item 13): as stored,
 * with the check character's x in either case, and the legacy 15-digit form
 * (only where no digit touches it: inside a longer run of digits it is part
 * of another number).
 */
export function spellingPattern(id: string): RegExp {
  const first17 = id.slice(0, 17);
  const last = id.slice(17);
  const eighteen = `${first17}${last === 'X' || last === 'x' ? '[Xx]' : last}`;
  const fifteen = legacyForm(id.toUpperCase());
  return new RegExp(fifteen ? `${eighteen}|(?<!\\d)${fifteen}(?!\\d)` : eighteen, 'g');
}

/** What to look for with instr()/strpos() before the pattern decides: the first 17 characters, and the 15-digit form. */
export function spellingNeedles(id: string): [string, string] {
  return [id.slice(0, 17), legacyForm(id.toUpperCase()) ?? id.slice(0, 17)];
}

const spelledIn = (text: string, id: string) => {
  const pattern = spellingPattern(id);
  return pattern.test(text);
};

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
      const c = quote(name);
      const candidates = db.prepare(`SELECT ${c} FROM ${quote(table)} WHERE typeof(${c}) = 'text' AND (instr(${c}, ?) > 0 OR instr(${c}, ?) > 0)`).pluck();
      for (const text of candidates.iterate(...spellingNeedles(id)) as Iterable<string>) if (spelledIn(text, id)) return true;
    }
  }
  return false;
}

function scrubColumn(db: Database.Database, table: string, column: { name: string; notNull: number; pk: number }, id: string): void {
  const [t, c] = [quote(table), quote(column.name)];
  const lower = id.toLowerCase();
  if (column.notNull || column.pk) db.prepare(`DELETE FROM ${t} WHERE ${c} IN (?, ?)`).run(id, lower);
  else db.prepare(`UPDATE ${t} SET ${c} = NULL WHERE ${c} IN (?, ?)`).run(id, lower);
  // By value, not rowid: person, card and ecard are WITHOUT ROWID tables.
  const values = db
    .prepare(`SELECT DISTINCT ${c} AS v FROM ${t} WHERE typeof(${c}) = 'text' AND (instr(${c}, ?) > 0 OR instr(${c}, ?) > 0)`)
    .all(...spellingNeedles(id)) as { v: string }[];
  const update = values.length > 0 ? db.prepare(`UPDATE ${t} SET ${c} = ? WHERE ${c} = ?`) : null;
  for (const { v } of values) {
    const scrubbed = scrubText(v, id);
    if (scrubbed !== v) update!.run(scrubbed, v);
  }
}

/** JSON: values that are the number (in any spelling) become null, strings containing it get it masked; other text: masked. */
export function scrubText(text: string, id: string): string {
  const pattern = spellingPattern(id);
  const masked = (value: string) => value.replace(pattern, (found) => maskId(found.toUpperCase()));
  if (!spelledIn(text, id)) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return masked(text);
  }
  const whole = new RegExp(`^(?:${pattern.source})$`);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return whole.test(value) ? null : masked(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [masked(k), walk(v)]));
    return value;
  };
  return JSON.stringify(walk(parsed));
}

/**
 * Whether the bytes of the ledger file, its WAL or journal still hold the
 * number in any spelling, in live or unused space (issue 29 item 5): a purge
 * killed after its commit, or stopped by a reader before its checkpoint,
 * left the rows gone but copies in stale pages; purge finds them this way
 * and finishes the rewrite. Read in pieces that overlap by a number's length.
 */
export function staleCopies(file: string, id: string): boolean {
  const fifteen = legacyForm(id.toUpperCase());
  const needles = [...new Set([id, id.toLowerCase(), id.toUpperCase()])].map((n) => Buffer.from(n, 'latin1'));
  const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  for (const suffix of ['', '-wal', '-journal']) {
    let fd: number;
    try {
      fd = fs.openSync(file + suffix, 'r');
    } catch {
      continue;
    }
    try {
      for (let position = 0, kept = 0; ; ) {
        const read = fs.readSync(fd, chunk, kept, chunk.length - kept, position);
        if (read === 0) break;
        const view = chunk.subarray(0, kept + read);
        if (needles.some((n) => view.includes(n))) return true;
        if (fifteen) {
          const n = Buffer.from(fifteen, 'latin1');
          for (let at = view.indexOf(n); at !== -1; at = view.indexOf(n, at + 1)) if (!isDigit(view[at - 1]) && !isDigit(view[at + 15])) return true;
        }
        position += read;
        kept = Math.min(32, view.length);
        view.copyWithin(0, view.length - kept);
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  return false;
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
    throw refused('purge-incomplete', { file: db.name });
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
