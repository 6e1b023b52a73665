// What a file beside which sscard is asked to work is, read from its bytes
// BEFORE SQLite opens it: SQLite recovers a hot journal (rolls it back) or
// a WAL (checkpoints it on close) as soon as it opens a file, which changes
// a foreign or newer database we must refuse untouched (SPEC 3.1).
// Layouts: https://www.sqlite.org/fileformat2.html (sections 1.3 and 4).
import fs from 'node:fs';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
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
export function readHeaderFields(page: Buffer): HeaderFields | null {
  if (page.length < 100 || !page.subarray(0, 16).equals(MAGIC)) return null;
  const rawSize = page.readUInt16BE(16);
  const pageSize = rawSize === 1 ? 65536 : rawSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return null;
  // The in-header size is valid only when "version-valid-for" equals the change counter.
  const pageCount = page.readUInt32BE(92) === page.readUInt32BE(24) ? page.readUInt32BE(28) : null;
  return { applicationId: page.readUInt32BE(68), userVersion: page.readInt32BE(60), pageCount, pageSize };
}

export function inspectDatabase(file: string): FileKind {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
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
