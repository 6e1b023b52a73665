// Text from the ledger or the command line reaches a terminal without any
// character that could steer it (SPEC 2.2, issue 12 item 10): C0 controls
// and DEL (ESC starts terminal commands), C1 controls (U+009B is a one-byte
// CSI for many terminals), bidi embeddings, overrides and isolates (U+202E
// makes "exe.txt" read as "txt.exe": the Trojan Source trick, CVE-2021-42574)
// and the Unicode line and paragraph separators. They are shown escaped,
// `\u202E`, so the reader sees that something was there.
import { redactIds } from '../../core/masking.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_OUTPUT = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One field (a name, an employer, an outlet, a path) as it may be printed:
 * every control or bidi character escaped, line breaks included, so a value
 * always stays on its line. Use it wherever ledger or command-line text is
 * put into human output or an error message.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/**
 * A whole piece of human output as sscard built it: line breaks, tabs, a
 * carriage return (progress) and colour sequences (SGR, `ESC [ ... m`, what
 * chalk writes) are kept; any other control or bidi character is escaped.
 * The safety net under `printable` for text a command forgot to pass through it.
 */
export function safeOutput(text: string): string {
  return text.replace(UNSAFE_IN_OUTPUT, (match) => (match.length > 1 ? match : escaped(match)));
}

/**
 * A JSON document: JSON.stringify already escapes C0; C1, bidi and the line
 * separators are written as `\uXXXX` escapes too, which JSON reads back as
 * the same characters (lossless), so no terminal acts on them.
 */
export function safeJson(text: string): string {
  return text.replace(UNSAFE_IN_JSON, escaped);
}

/**
 * `safeJson` of a whole chunk of a JSON document, as the UTF-8 bytes written
 * (what the stream would have encoded anyway). Every character UNSAFE_IN_JSON
 * matches starts, in UTF-8, with 0x7F, 0xC2 (U+0080-U+009F: C2 80-9F), 0xD8
 * (U+061C: D8 9C) or 0xE2 (U+200E/F: E2 80 8E/8F; U+2028-U+202E: E2 80
 * A8-AE; U+2066-U+2069: E2 81 A6-A9), bytes that UTF-8 uses for no other
 * purpose than to start a character: the bytes are searched for those (memchr,
 * not a regular expression over every character: the regex was 7% of
 * `due --json`'s instructions at 100,000 hires, issue 31), and only a chunk
 * holding one is escaped by `safeJson` and encoded again.
 */
export function safeJsonBytes(text: string): Buffer {
  // ASCII text, told by its UTF-8 being as long as it is (every other UTF-16 unit takes 2 bytes or more), is its
  // Latin-1 bytes, a plain copy, and of UNSAFE_IN_JSON can hold DEL only: UTF-8 encoding and unsafeInJson's searches
  // were 35 ms for due --json's 29 MB at 100,000 hires, this 22 (issue 31, a script encoding its batches; the whole
  // command 5 to 8 ms of CPU less, paired runs).
  if (Buffer.byteLength(text, 'utf8') === text.length) {
    const bytes = Buffer.from(text, 'latin1');
    return bytes.indexOf(0x7f) === -1 ? bytes : Buffer.from(safeJson(text), 'utf8');
  }
  const bytes = Buffer.from(text, 'utf8');
  return unsafeInJson(bytes) ? Buffer.from(safeJson(text), 'utf8') : bytes;
}

/** Whether UTF-8 bytes hold a character of UNSAFE_IN_JSON (see safeJsonBytes). */
function unsafeInJson(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) !== -1) return true;
  for (let at = bytes.indexOf(0xc2); at !== -1; at = bytes.indexOf(0xc2, at + 1)) if (bytes[at + 1]! <= 0x9f) return true;
  for (let at = bytes.indexOf(0xd8); at !== -1; at = bytes.indexOf(0xd8, at + 1)) if (bytes[at + 1] === 0x9c) return true;
  for (let at = bytes.indexOf(0xe2); at !== -1; at = bytes.indexOf(0xe2, at + 1)) {
    const second = bytes[at + 1];
    const third = bytes[at + 2]!;
    if (second === 0x80 && (third === 0x8e || third === 0x8f || (third >= 0xa8 && third <= 0xae))) return true;
    if (second === 0x81 && third >= 0xa6 && third <= 0xa9) return true;
  }
  return false;
}

export interface Sink {
  /** Standard output is given bytes by the JSON guard (safeJsonBytes); the rest is written text. */
  write(text: string | Uint8Array): unknown;
}

/** What main.ts learns from the sinks: whether stdout already carries a document. */
export interface OutputState {
  stdoutWritten: boolean;
}

/**
 * Standard output as a run has it: the stream, and where the process can
 * (src/cli/entry.ts), a write that spares building it (issue 31). Both read
 * only when written to.
 */
export interface StandardOutput {
  readonly stdout: Sink;
  readonly writeOut?: (chunk: string | Uint8Array) => boolean;
}

/** Standard output through the guard matching its content (`raw`: data such as an export, passed as is). */
export function guardedStdout(io: StandardOutput, mode: 'human' | 'json' | 'raw', state: OutputState): Sink {
  if (mode === 'raw') {
    // A file's bytes (export): the stream itself, so that a writer can pipe into it; only noted as written.
    const stream = io.stdout;
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      state.stdoutWritten = true;
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as Sink['write'];
    return stream;
  }
  const guard: (text: string) => string | Uint8Array = mode === 'json' ? safeJsonBytes : safeOutput;
  const events = () => io.stdout as unknown as NodeJS.EventEmitter;
  const sink = {
    write(text: string | Uint8Array) {
      state.stdoutWritten = true;
      const chunk = typeof text === 'string' ? guard(text) : text;
      return io.writeOut ? io.writeOut(chunk) : io.stdout.write(chunk);
    },
    // Back-pressure (output.ts, send) waits for the stream's 'drain'.
    once(event: string, listener: () => void) {
      events().once?.(event, listener);
      return sink;
    },
    removeListener(event: string, listener: () => void) {
      events().removeListener?.(event, listener);
      return sink;
    },
  };
  return sink;
}

/** Standard error: guarded, and identity numbers masked even under --reveal (SPEC 1.1: never in an error or log line). */
export function guardedStderr(io: { readonly stderr: Sink }): Sink {
  return { write: (text: string) => io.stderr.write(typeof text === 'string' ? safeOutput(redactIds(text)) : text) };
}
