// Is what SQLite would recover beside a ledger sound? Checked from the bytes,
// BEFORE SQLite opens the file (issue 29 item 4). On open SQLite rebuilds
// its view of a WAL by walking the frames and stops at the first frame whose
// checksum fails, silently: right for a torn last write, but when frames
// after it still verify, the WAL was damaged, and those later commits exist
// nowhere else; the last connection's checkpoint then deletes the WAL and
// them with it. Likewise a hot rollback journal is played back up to its first
// bad record, leaving the file half rolled back.
// Layouts and checksums: https://www.sqlite.org/fileformat2.html sections
// 4.1 (rollback journal) and 4.3-4.4 (WAL, its checksum algorithm).
import fs from 'node:fs';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const WAL_MAGIC_LE = 0x377f0682; // checksums over little-endian words
const WAL_MAGIC_BE = 0x377f0683; // big-endian
// A Uint8Array (Buffer's equals takes one): Buffer.from(array) at load compiled Node's code for it at every start (issue 31).
const JOURNAL_MAGIC = new Uint8Array([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

/** What the check found: nothing to fear, or where the damage is. */
export type JournalFinding =
  | { readonly sound: true }
  | {
      readonly sound: false;
      readonly file: string;
      /** 1-based frame (WAL) or page record (journal) where SQLite would stop. */
      readonly at: number;
      /** Committed transactions (WAL) or records (journal) after it that still verify: what would be lost. */
      readonly after: number;
    };

const SOUND: JournalFinding = { sound: true };

/** Read in pieces of this size (whole frames at a time). */
const CHUNK = 4 * 1024 * 1024;

/**
 * SQLite's WAL checksum (fileformat2 4.4): over 32-bit words two at a time,
 * s1 += x0 + s2, s2 += x1 + s1, continued from `s`. `words` must already be
 * in the WAL's byte order as host integers.
 */
function checksum(words: Uint32Array, s: [number, number]): [number, number] {
  let s1 = s[0];
  let s2 = s[1];
  for (let i = 0; i < words.length; i += 2) {
    s1 = (s1 + words[i]! + s2) >>> 0;
    s2 = (s2 + words[i + 1]! + s1) >>> 0;
  }
  return [s1, s2];
}

const HOST_LE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `bytes` (a multiple of 8 long) as 32-bit words in the given order. */
function wordsOf(bytes: Buffer, littleEndian: boolean): Uint32Array {
  const copy = Buffer.from(bytes); // aligned, and ours to swap
  if (littleEndian !== HOST_LE) copy.swap32();
  return new Uint32Array(copy.buffer, copy.byteOffset, copy.length / 4);
}

/**
 * The WAL beside `ledger`. Damage: a frame that SQLite would stop at (its
 * salts or its checksum wrong), followed by a commit frame of this WAL's
 * salts that verifies against the checksums stored in the frames before it
 * (the stored chain: each frame's checksum continues its predecessor's as
 * written). A bad frame with nothing committed after it is a torn tail.
 * A header that fails its own checksum, or lost its magic, while whole
 * frames follow, is damage too (SQLite would ignore the whole WAL).
 */
export function checkWal(ledger: string): JournalFinding {
  const file = `${ledger}-wal`;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return SOUND;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < WAL_HEADER) return SOUND;
    const header = Buffer.alloc(WAL_HEADER);
    fs.readSync(fd, header, 0, WAL_HEADER, 0);
    const magic = header.readUInt32BE(0);
    const pageSize = header.readUInt32BE(8);
    const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
    const frameSize = FRAME_HEADER + pageSize;
    const frames = validPageSize ? Math.floor((size - WAL_HEADER) / frameSize) : 0;
    if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) {
      // SQLite never writes frames under a header without its magic.
      return frames > 0 ? { sound: false, file, at: 0, after: frames } : SOUND;
    }
    // One flipped bit of a power of two is never a power of two: SQLite would ignore the whole WAL.
    if (!validPageSize) return size >= WAL_HEADER + FRAME_HEADER + 512 ? { sound: false, file, at: 0, after: 1 } : SOUND;
    const littleEndian = magic === WAL_MAGIC_LE;
    const stored: [number, number] = [header.readUInt32BE(24), header.readUInt32BE(28)];
    const headerSum = checksum(wordsOf(header.subarray(0, 24), littleEndian), [0, 0]);
    if (frames === 0) return SOUND;
    const headerOk = headerSum[0] === stored[0] && headerSum[1] === stored[1];
    // A damaged header may be what is wrong with the salts: then the first frame's are this WAL's.
    const saltsAt = headerOk ? 16 : WAL_HEADER + 8;
    const salts = Buffer.alloc(8);
    fs.readSync(fd, salts, 0, 8, saltsAt);
    const [salt1, salt2] = [salts.readUInt32BE(0), salts.readUInt32BE(4)];

    let previous = stored; // the checksum the next frame continues, as stored
    let firstBad = headerOk ? -1 : 0; // 0-based frame SQLite stops at; 0 for a bad header
    let committedAfter = 0;
    const framesPerChunk = Math.max(1, Math.floor(CHUNK / frameSize));
    const buffer = Buffer.alloc(framesPerChunk * frameSize);
    for (let first = 0; first < frames; first += framesPerChunk) {
      const count = Math.min(framesPerChunk, frames - first);
      const got = fs.readSync(fd, buffer, 0, count * frameSize, WAL_HEADER + first * frameSize);
      const whole = Math.floor(got / frameSize);
      for (let k = 0; k < whole; k++) {
        const i = first + k;
        const frame = buffer.subarray(k * frameSize, (k + 1) * frameSize);
        const ownSalts = frame.readUInt32BE(8) === salt1 && frame.readUInt32BE(12) === salt2;
        let sum = checksum(wordsOf(frame.subarray(0, 8), littleEndian), previous);
        sum = checksum(wordsOf(frame.subarray(FRAME_HEADER), littleEndian), sum);
        const verifies = ownSalts && sum[0] === frame.readUInt32BE(16) && sum[1] === frame.readUInt32BE(20);
        const commit = frame.readUInt32BE(4) !== 0;
        if (firstBad === -1 && !verifies) firstBad = i;
        else if (firstBad !== -1 && verifies && commit) committedAfter++;
        previous = [frame.readUInt32BE(16), frame.readUInt32BE(20)];
      }
      if (whole < count) break; // the file shrank while being read (a checkpoint): what was read is judged
    }
    return firstBad !== -1 && committedAfter > 0 ? { sound: false, file, at: firstBad + 1, after: committedAfter } : SOUND;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A hot rollback journal beside `ledger` (fileformat2 4.1): its page records
 * each carry a checksum (the header's nonce plus every 200th byte of the
 * page). Playback stops at the first record that fails; when a later record
 * still verifies, the journal is damaged and playing it back would leave the
 * file half restored.
 */
export function checkRollbackJournal(ledger: string): JournalFinding {
  const file = `${ledger}-journal`;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return SOUND;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(28);
    if (size < 28 || fs.readSync(fd, header, 0, 28, 0) < 28 || !header.subarray(0, 8).equals(JOURNAL_MAGIC)) return SOUND; // no journal SQLite would play back
    const sector = header.readUInt32BE(20);
    const pageSize = header.readUInt32BE(24);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0 || sector < 512 || (sector & (sector - 1)) !== 0) {
      return { sound: false, file, at: 0, after: 0 };
    }
    const recordSize = 4 + pageSize + 4;
    const page = Buffer.alloc(recordSize);
    let firstBad = -1;
    let after = 0;
    let index = 0;
    // Segments: a header (padded to a sector), then its nRec records; 0xFFFFFFFF: as many as the file holds.
    for (let at = 0; at + 28 <= size; ) {
      if (at > 0 && (fs.readSync(fd, header, 0, 28, at) < 28 || !header.subarray(0, 8).equals(JOURNAL_MAGIC))) break;
      const nRec = header.readUInt32BE(8);
      const segmentNonce = header.readUInt32BE(12);
      const start = at + sector;
      const fit = Math.floor((size - start) / recordSize);
      const count = nRec === 0xffffffff ? fit : Math.min(nRec, fit);
      if (count <= 0) break;
      for (let i = 0; i < count; i++, index++) {
        if (fs.readSync(fd, page, 0, recordSize, start + i * recordSize) < recordSize) break;
        let sum = segmentNonce;
        for (let b = pageSize - 200; b > 0; b -= 200) sum = (sum + page[4 + b]!) >>> 0;
        const verifies = page.readUInt32BE(0) !== 0 && sum === page.readUInt32BE(4 + pageSize);
        if (firstBad === -1 && !verifies) firstBad = index;
        else if (firstBad !== -1 && verifies) after++;
      }
      if (nRec === 0xffffffff) break;
      at = Math.ceil((start + count * recordSize) / sector) * sector;
    }
    return firstBad !== -1 && after > 0 ? { sound: false, file, at: firstBad + 1, after } : SOUND;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Both, with a second look before calling a WAL damaged: a writer in another
 * process may restart the WAL (new salts, from its first frame) while it is
 * read, which looks like damage for that moment only.
 */
export function checkRecoverable(ledger: string): JournalFinding {
  let wal = checkWal(ledger);
  for (let attempt = 0; !wal.sound && attempt < 2; attempt++) {
    const again = checkWal(ledger);
    if (again.sound || (again.at === wal.at && again.after === wal.after)) {
      wal = again;
      break;
    }
    wal = again;
  }
  if (!wal.sound) return wal;
  return checkRollbackJournal(ledger);
}
