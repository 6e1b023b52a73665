// What sscard's workbook reader (xlsx.ts) may unpack and hold (issue 29 item
// 8): exceljs's reader held every shared string as an object and wrote sheets
// to temporary files without bound (6 M shared strings in a 15 MB file took
// 793 MB of memory; a 2 MB sheet of one repeated byte, 2 GB of disk). Every
// part's declared size is checked before anything is inflated, and no part
// inflates past its declared size (yauzl, as it inflates): a zip that lies
// about its sizes is refused with bounded memory.
// Measured ratios of real workbooks: 6.6 (sscard's export), 12.8 (openpyxl),
// under 20 for text rosters; one byte repeated compresses about 1000:1.
import { RosterFileError } from './problems.js';

/** Any one part (a sheet's XML, parsed as it is inflated): past this a workbook is refused. */
export const PART_LIMIT = 1024 * 1024 * 1024;
/** The shared strings' XML, all held in memory while the sheet is read (their text is no longer than their XML: no entity is defined). */
export const SHARED_STRINGS_LIMIT = 32 * 1024 * 1024;
/**
 * Shared strings held at most: 32 MiB of `<si/>` is 6.7 M of them. A roster
 * saved by Excel with a different ID and name on each row has two per row:
 * 2 M is a roster of a million rows, and its strings already fill 32 MiB.
 */
export const SHARED_STRINGS_COUNT_LIMIT = 2_000_000;
/** The other parts read whole (the workbook, its relationships, the styles): what they name is held in memory. */
export const HELD_PART_LIMIT = 32 * 1024 * 1024;
/** Unpacked to packed, for a part over RATIO_FROM bytes: a compression bomb. */
export const RATIO_LIMIT = 100;
const RATIO_FROM = 1024 * 1024;
/** Parts in one zip: a workbook has tens; each is listed in memory. */
export const PARTS_LIMIT = 10_000;
/** Columns in a sheet (Excel's, A to XFD): a cell reference past it would make a row of millions of empty cells. */
export const COLUMN_LIMIT = 16_384;
/** XML bytes between two parser events (one text or attribute): the parser holds them whole. */
export const NODE_LIMIT = 4 * 1024 * 1024;
/** The text of one row, all its cells: a roster row of more is refused (read.ts refuses 1 MiB in the columns it reads). */
export const ROW_TEXT_LIMIT = 4 * 1024 * 1024;

interface Part {
  readonly name: string;
  readonly packed: number;
  readonly unpacked: number;
}

const mib = (n: number) => Math.ceil(n / 1024 / 1024);
const isSharedStrings = (name: string) => /sharedStrings[^/]*\.xml$/i.test(name);

/** Refuses a workbook whose parts say they would unpack past the limits, in one sentence, before any is inflated. */
export function checkPartSizes(parts: readonly Part[]): void {
  for (const part of parts) {
    const sharedStrings = isSharedStrings(part.name);
    const limit = sharedStrings ? SHARED_STRINGS_LIMIT : PART_LIMIT;
    if (part.unpacked > limit) {
      throw new RosterFileError({
        kind: 'xlsx-too-large',
        part: part.name,
        mib: mib(part.unpacked),
        limitMib: mib(limit),
        why: sharedStrings ? 'memory' : 'size',
      });
    }
    if (part.unpacked > RATIO_FROM && part.unpacked > part.packed * RATIO_LIMIT) {
      throw new RosterFileError({ kind: 'xlsx-too-large', part: part.name, mib: mib(part.unpacked), limitMib: RATIO_LIMIT, why: 'ratio' });
    }
  }
}

/** Refuses a part read whole (held in memory) past its limit: the shared strings, the workbook, its relationships, the styles. */
export function checkHeldPart(name: string, unpacked: number): void {
  const sharedStrings = isSharedStrings(name);
  const limit = sharedStrings ? SHARED_STRINGS_LIMIT : HELD_PART_LIMIT;
  if (unpacked > limit) {
    throw new RosterFileError({ kind: 'xlsx-too-large', part: name, mib: mib(unpacked), limitMib: mib(limit), why: sharedStrings ? 'memory' : 'size' });
  }
}
