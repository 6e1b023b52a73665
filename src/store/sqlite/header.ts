// What a file beside which sscard is asked to work is, read from its bytes
// BEFORE SQLite opens it: SQLite recovers a hot journal (rolls it back) or
// a WAL (checkpoints it on close) as soon as it opens a file, which changes
// a foreign or newer database we must refuse untouched (SPEC 3.1).
// Layouts: https://www.sqlite.org/fileformat2.html (sections 1.3 and 4).
import fs from 'node:fs';

/** The first 16 bytes of every database file (section 1.3). */
const MAGIC = 'SQLite format 3\0';
const WAL_MAGIC = [0x377f0682, 0x377f0683];

export interface HeaderFields {
  readonly applicationId: number;
  readonly userVersion: number;
  /** Pages in the file according to the header, or null when the header does not vouch for it. */
  readonly pageCount: number | null;
  readonly pageSize: number;
}

export type FileKind = { readonly kind: 'empty' } | { readonly kind: 'not-sqlite' } | ({ readonly kind: 'sqlite' } & HeaderFields);

/** The 100-byte database header's fields that tell whose file it is. */
export function readHeaderFields(page: Uint8Array): HeaderFields | null {
  if (page.length < 100) return null;
  for (let i = 0; i < MAGIC.length; i++) if (page[i] !== MAGIC.charCodeAt(i)) return null;
  // The fields are big-endian, as a DataView reads by default. V8's own, where Buffer's equals and readUInt32BE are
  // Node's JavaScript, compiled at their first call: every command opening a ledger paid that (issue 31).
  const fields = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const rawSize = fields.getUint16(16);
  const pageSize = rawSize === 1 ? 65536 : rawSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return null;
  // The in-header size is valid only when "version-valid-for" equals the change counter.
  const pageCount = fields.getUint32(92) === fields.getUint32(24) ? fields.getUint32(28) : null;
  return { applicationId: fields.getUint32(68), userVersion: fields.getInt32(60), pageCount, pageSize };
}

export function inspectDatabase(file: string): FileKind {
  const fd = fs.openSync(file, 'r');
  try {
    const header = new Uint8Array(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read === 0) return { kind: 'empty' };
    const fields = readHeaderFields(header.subarray(0, read));
    return fields ? { kind: 'sqlite', ...fields } : { kind: 'not-sqlite' };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The header of every copy of page 1 in the WAL beside `file` (its valid
 * frames: those carrying the WAL header's salts). A newer sscard's
 * migration may sit there, not yet checkpointed into the file itself.
 */
export function walPageOneHeaders(file: string): HeaderFields[] {
  let fd: number;
  try {
    fd = fs.openSync(`${file}-wal`, 'r');
  } catch {
    return [];
  }
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(32);
    if (size < 32 || fs.readSync(fd, header, 0, 32, 0) < 32 || !WAL_MAGIC.includes(header.readUInt32BE(0))) return [];
    const pageSize = header.readUInt32BE(8);
    const [salt1, salt2] = [header.readUInt32BE(16), header.readUInt32BE(20)];
    // Only committed frames count: a transaction still under way (another
    // process creating this very ledger) may have spilled frames to the WAL
    // that no commit frame follows yet, and SQLite ignores them too.
    const found: HeaderFields[] = [];
    let pending: HeaderFields[] = [];
    const frame = Buffer.alloc(24);
    const page = Buffer.alloc(100);
    for (let at = 32; at + 24 + pageSize <= size; at += 24 + pageSize) {
      fs.readSync(fd, frame, 0, 24, at);
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break; // the rest is from an earlier cycle
      if (frame.readUInt32BE(0) === 1) {
        fs.readSync(fd, page, 0, 100, at + 24);
        const fields = readHeaderFields(page);
        if (fields) pending.push(fields);
      }
      if (frame.readUInt32BE(4) !== 0) {
        // A commit frame: the transaction's frames up to here are the database's.
        found.push(...pending);
        pending = [];
      }
    }
    return found;
  } finally {
    fs.closeSync(fd);
  }
}

/** A rollback journal or a WAL with content beside the file: SQLite would recover it on open. */
export function hasPendingJournal(file: string): { journal: boolean; wal: boolean } {
  const size = (suffix: string) => {
    try {
      return fs.statSync(`${file}${suffix}`).size;
    } catch {
      return 0;
    }
  };
  return { journal: size('-journal') > 0, wal: size('-wal') > 0 };
}
