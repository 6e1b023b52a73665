// What a workbook may unpack to, checked from its zip central directory before
// the workbook reader opens it (issue 29 item 8). The reader (exceljs) holds
// every shared string in memory and may write a whole sheet to a temporary
// file; a small crafted file unpacked without bound (6 M shared strings in 15
// MB took 793 MB of memory; a 2 MB sheet of one repeated byte, 2 GB of disk).
// Measured ratios of real workbooks: 6.6 (sscard's export), 12.8 (openpyxl),
// under 20 for text rosters; one byte repeated compresses about 1000:1.
// Layout: PKWARE APPNOTE 6.3.10, sections 4.3.12 (central directory), 4.3.16
// (its end), 4.5.3 (the ZIP64 sizes).
import fs from 'node:fs';
import type { Messages } from '../../text/messages/index.js';
import { RosterFileError } from './problems.js';

/** Any one part (a sheet's XML): past this a workbook is refused. */
export const PART_LIMIT = 1024 * 1024 * 1024;
/** The shared strings, all held in memory while the sheet is read. */
export const SHARED_STRINGS_LIMIT = 32 * 1024 * 1024;
/** Unpacked to packed, for a part over RATIO_FROM bytes: a compression bomb. */
export const RATIO_LIMIT = 100;
const RATIO_FROM = 1024 * 1024;

interface Entry {
  readonly name: string;
  readonly packed: number;
  readonly unpacked: number;
}

/** The central directory's entries, or null when the file is not a zip at all (the reader then says so). */
function entries(file: string): Entry[] | null {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 65_557));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end === -1 || end + 22 > tail.length) return null;
    let count = tail.readUInt16LE(end + 10);
    let length = tail.readUInt32LE(end + 12);
    let offset = tail.readUInt32LE(end + 16);
    const locator = end - 20;
    if ((offset === 0xffffffff || count === 0xffff) && locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
      const record = Buffer.alloc(56);
      fs.readSync(fd, record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
      count = Number(record.readBigUInt64LE(32));
      length = Number(record.readBigUInt64LE(40));
      offset = Number(record.readBigUInt64LE(48));
    }
    if (offset + length > size || length > 64 * 1024 * 1024) return null;
    const directory = Buffer.alloc(length);
    fs.readSync(fd, directory, 0, length, offset);
    const found: Entry[] = [];
    for (let at = 0, i = 0; i < count && at + 46 <= directory.length; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) return null;
      let packed = directory.readUInt32LE(at + 20);
      let unpacked = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      // ZIP64: the real sizes in the extra field (id 1), unpacked first, each only where the header says 0xFFFFFFFF.
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
        const id = directory.readUInt16LE(e);
        const dataLength = directory.readUInt16LE(e + 2);
        if (id === 1) {
          let p = e + 4;
          if (unpacked === 0xffffffff) {
            unpacked = Number(directory.readBigUInt64LE(p));
            p += 8;
          }
          if (packed === 0xffffffff) packed = Number(directory.readBigUInt64LE(p));
        }
        e += 4 + dataLength;
      }
      found.push({ name, packed, unpacked });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return found;
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuses a workbook whose parts would unpack past the limits, in one sentence; a file that is no zip is left to the reader. */
export function checkXlsxLimits(file: string, m: Messages | undefined): void {
  const list = entries(file);
  if (list === null) return;
  const mib = (n: number) => Math.ceil(n / 1024 / 1024);
  for (const entry of list) {
    const sharedStrings = /sharedStrings[^/]*\.xml$/i.test(entry.name);
    const limit = sharedStrings ? SHARED_STRINGS_LIMIT : PART_LIMIT;
    if (entry.unpacked > limit) {
      throw new RosterFileError(
        { kind: 'xlsx-too-large', part: entry.name, mib: mib(entry.unpacked), limitMib: mib(limit), why: sharedStrings ? 'memory' : 'size' },
        m,
      );
    }
    if (entry.unpacked > RATIO_FROM && entry.unpacked > entry.packed * RATIO_LIMIT) {
      throw new RosterFileError({ kind: 'xlsx-too-large', part: entry.name, mib: mib(entry.unpacked), limitMib: RATIO_LIMIT, why: 'ratio' }, m);
    }
  }
}
