// The text of a delimited roster, decoded as it streams in. Encoding (SPEC
// 2.3): a BOM means UTF-8; text that is valid UTF-8 is UTF-8; anything else is
// GB18030, what Excel on Chinese Windows writes as "CSV". GB18030 rather than
// GBK: a `gbk` decoder maps some characters (䶮 among them) to private-use
// code points, while GB18030 is a superset that decodes them correctly.
// Excel's "Unicode Text" (tab-separated UTF-16 with a BOM) is read too: its
// NUL bytes are characters' halves there, not a sign of a binary file.
import { TextDecoder } from 'node:util';
import { RosterFileError } from './problems.js';

/** How much of the file decides the encoding. */
export const PROBE_BYTES = 64 * 1024;

export type RosterEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const LF = 0x0a;

function countLines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i !== -1 && i < end; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/** The line of the first byte the encoding rejects, given the lines before `bytes`. */
function lineOfInvalid(bytes: Uint8Array, encoding: RosterEncoding, linesBefore: number): number {
  const text = new TextDecoder(encoding).decode(bytes);
  const at = text.indexOf('\uFFFD');
  const upTo = at === -1 ? text : text.slice(0, at);
  let n = 0;
  for (let i = upTo.indexOf('\n'); i !== -1; i = upTo.indexOf('\n', i + 1)) n++;
  return linesBefore + n + 1;
}

/** The bytes from the start of the last character of `bytes` (so that it decodes whole or not at all). */
function lastCharacter(bytes: Uint8Array): Uint8Array {
  let i = bytes.length - 1;
  while (i > 0 && i > bytes.length - 4 && (bytes[i]! & 0xc0) === 0x80) i--;
  return bytes.subarray(Math.max(i, 0));
}

export interface DecodeOptions {
  /** Called with the number of bytes of each chunk as it is read. */
  readonly onBytes?: (bytes: number) => void;
  /** Reports the encoding once it is decided. */
  readonly onEncoding?: (encoding: RosterEncoding) => void;
}

export async function* decodeRoster(chunks: AsyncIterable<Uint8Array>, options: DecodeOptions = {}): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let encoding: RosterEncoding = 'utf-8';
  let probe: Uint8Array[] = [];
  let probed = 0;
  let lines = 0; // line breaks before the current chunk
  let previous: Uint8Array = new Uint8Array(0);

  const decide = (bytes: Uint8Array, final: boolean): string => {
    const utf16 = utf16Of(bytes);
    if (utf16) {
      encoding = utf16;
      decoder = new TextDecoder(utf16, { fatal: true });
      try {
        return decoder.decode(bytes, { stream: !final });
      } catch {
        throw new RosterFileError({ kind: 'not-text', line: lineOfInvalid(bytes, utf16, 0) });
      }
    }
    // A zip's local file header: an xlsx renamed .csv, or piped to `import -`.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw new RosterFileError({ kind: 'workbook-as-text' });
    checkNul(bytes, 0);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    try {
      // stream: a character cut at the end of the probe is completed by the next chunk, not an error
      const text = utf8.decode(bytes, { stream: !final });
      decoder = utf8;
      encoding = 'utf-8';
      return text;
    } catch (error) {
      if (bom) throw new RosterFileError({ kind: 'not-utf8-later', line: lineOfInvalid(bytes, 'utf-8', 0) });
      void error;
    }
    const gb = new TextDecoder('gb18030', { fatal: true });
    try {
      const text = gb.decode(bytes, { stream: !final });
      decoder = gb;
      encoding = 'gb18030';
      return text;
    } catch {
      throw new RosterFileError({ kind: 'not-text', line: lineOfInvalid(bytes, 'gb18030', 0) });
    }
  };

  const decodeChunk = (chunk: Uint8Array): string => {
    try {
      return decoder!.decode(chunk, { stream: true });
    } catch {
      const tail = lastCharacter(previous);
      const joined = new Uint8Array(tail.length + chunk.length);
      joined.set(tail);
      joined.set(chunk, tail.length);
      const line = lineOfInvalid(joined, encoding, lines - countLines(tail));
      throw new RosterFileError(encoding === 'utf-8' ? { kind: 'not-utf8-later', line } : { kind: 'not-text', line });
    }
  };

  const checkNul = (chunk: Uint8Array, linesBefore = lines) => {
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return;
    const at = chunk.indexOf(0);
    if (at !== -1) throw new RosterFileError({ kind: 'nul-byte', line: linesBefore + countLines(chunk, at) + 1 });
  };

  for await (const raw of chunks) {
    const chunk = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBufferLike);
    options.onBytes?.(chunk.length);
    if (decoder === null) {
      probe.push(chunk);
      probed += chunk.length;
      lines += countLines(chunk);
      if (probed < PROBE_BYTES) continue;
      const bytes = Buffer.concat(probe);
      probe = [];
      const text = decide(bytes, false);
      options.onEncoding?.(encoding);
      previous = bytes;
      if (text) yield text;
      continue;
    }
    checkNul(chunk);
    const text = decodeChunk(chunk);
    lines += countLines(chunk); // approximate in UTF-16, where an 0x0A byte can be half of another character
    previous = chunk;
    if (text) yield text;
  }
  if (decoder === null) {
    const text = decide(Buffer.concat(probe), true);
    options.onEncoding?.(encoding);
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = (decoder as TextDecoder | null)?.decode() ?? '';
  } catch {
    throw new RosterFileError(encoding === 'utf-8' ? { kind: 'not-utf8-later', line: lines + 1 } : { kind: 'not-text', line: lines + 1 });
  }
  if (rest) yield rest;
}

function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}
