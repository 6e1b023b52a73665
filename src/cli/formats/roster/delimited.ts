// Records of delimited text (RFC 4180): comma, tab or semicolon, detected from
// the header line; quoted cells may hold delimiters, doubled quotes and line
// breaks. A record is numbered by its first line, counting the line breaks
// inside quoted cells, so that a message points where an editor shows it.
// A file is bad, never a crash or a swallowed remainder, when a line or a
// record passes 1 MiB or a quote is never closed (SPEC 2.3).
// Records come in pages, one per decoded chunk of text: a million-row import
// pays for one step of each stream per page, not per record (issue 11's bench).
import { MAX_LINE, RosterFileError } from './problems.js';

export type Delimiter = ',' | '\t' | ';';

export interface RawRecord {
  /** The line the record starts on (1-based). */
  readonly line: number;
  readonly cells: string[];
}

/** The delimiter used most often outside quotes in the header line; a comma when there is none. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === '\t' || c === ';')) counts[c]++;
  }
  return (['\t', ';', ','] as const).reduce((best, d) => (counts[d] > counts[best] ? d : best), ',' as Delimiter);
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export async function* parseDelimited(texts: AsyncIterable<string>, options: { onDelimiter?: (d: Delimiter) => void } = {}): AsyncGenerator<RawRecord[]> {
  const iterator = texts[Symbol.asyncIterator]();

  // The header line decides the delimiter: read until it is complete.
  let head = '';
  let done = false;
  while (!/[\r\n]/.test(head)) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
    if (head.length > MAX_LINE && !/[\r\n]/.test(head.slice(0, MAX_LINE + 1))) throw new RosterFileError({ kind: 'line-too-long', line: 1 });
  }
  const delimiter = detectDelimiter(head.split(/[\r\n]/, 1)[0]!);
  options.onDelimiter?.(delimiter);
  const delim = delimiter.charCodeAt(0);

  let line = 1; // the current physical line
  let lineLength = 0;
  let recordLine = 1;
  let recordLength = 0;
  let quoteLine = 0;
  let cells: string[] = [];
  let field = '';
  let anyQuote = false;
  // 0 field start, 1 unquoted, 2 quoted, 3 a quote seen inside a quoted cell
  let state = 0;
  let prevCR = false;

  // A quoted cell past MAX_LINE is either never closed or too long (issue 29 item 14: a closed 2 MB cell was
  // called "never closed"): the rest is scanned for its closing quote, keeping nothing, and that decides.
  let overlong = false;
  const fail = (): void => {
    if (state !== 2 && state !== 3) throw new RosterFileError({ kind: 'line-too-long', line });
    overlong = true;
    field = '';
  };

  /** The records that end in `text`; a record cut at its end is completed by the next text. */
  function feed(text: string): RawRecord[] {
    const page: RawRecord[] = [];
    let start = 0; // where the current run of the field began in `text`
    for (let i = 0; i < text.length; i++) {
      // A whole line at a record's start with no quote and no lone CR (most lines of most files) is split at
      // once, as the steps below would split it (issue 31: the import stepped through every character). A line
      // near MAX_LINE, a quote, a CR not before its LF, or a line cut by the chunk's end take the steps.
      if (state === 0 && cells.length === 0 && !prevCR && !overlong) {
        const end = text.indexOf('\n', i);
        if (end !== -1 && end - i < MAX_LINE) {
          const stop = end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end;
          const whole = text.slice(i, stop);
          if (!whole.includes('"') && !whole.includes('\r')) {
            const split = whole.split(delimiter);
            if (!(split.length === 1 && split[0] === '')) page.push({ line: recordLine, cells: split });
            line++;
            lineLength = 0;
            recordLine = line;
            recordLength = 0;
            start = end + 1;
            i = end;
            continue;
          }
        }
      }
      const c = text.charCodeAt(i);
      if (overlong) {
        if (state === 2 && c === QUOTE) state = 3;
        else if (state === 3) {
          if (c !== QUOTE) throw new RosterFileError({ kind: 'line-too-long', line: recordLine });
          state = 2;
        }
        continue;
      }
      if (c === LF && prevCR) {
        // the LF of a CRLF: the record or the line already ended at the CR
        prevCR = false;
        if (state === 2) continue;
        start = i + 1;
        continue;
      }
      prevCR = c === CR;
      if (++lineLength > MAX_LINE || ++recordLength > MAX_LINE) fail();
      const lineBreak = c === LF || c === CR;
      if (state === 2) {
        if (c === QUOTE) {
          field += text.slice(start, i);
          state = 3;
        } else if (lineBreak) {
          line++;
          lineLength = 0;
        }
        continue;
      }
      if (state === 3) {
        if (c === QUOTE) {
          field += '"';
          start = i + 1;
          state = 2;
          continue;
        }
        // After a closing quote: the end of the cell, or (outside RFC 4180) more text, kept as written.
        state = 1;
        start = i;
      }
      if (c === delim) {
        cells.push(state === 0 ? '' : field + text.slice(start, i));
        field = '';
        state = 0;
        start = i + 1;
      } else if (lineBreak) {
        cells.push(state === 0 ? '' : field + text.slice(start, i));
        const record = { line: recordLine, cells };
        const empty = cells.length === 1 && cells[0] === '' && !anyQuote;
        cells = [];
        field = '';
        state = 0;
        anyQuote = false;
        line++;
        lineLength = 0;
        recordLine = line;
        recordLength = 0;
        start = i + 1;
        if (!empty) page.push(record);
      } else if (state === 0) {
        if (c === QUOTE) {
          state = 2;
          anyQuote = true;
          quoteLine = line;
          start = i + 1;
        } else {
          state = 1;
          start = i;
        }
      }
    }
    // A cell cut by the text's end (state 1 or 2) keeps its part. Written as a range: with (state === 1 || state
    // === 2) the second test ran only when a text ended between cells, long after V8 had optimised feed without
    // feedback for it, and feed was deoptimised and compiled again (issue 31).
    if (!overlong && state >= 1 && state <= 2) field += text.slice(start);
    return page;
  }

  const first = feed(head);
  if (first.length > 0) yield first;
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    const page = feed(next.value);
    if (page.length > 0) yield page;
  }
  if (state === 2) throw new RosterFileError({ kind: 'unterminated-quote', line: quoteLine });
  if (overlong) throw new RosterFileError({ kind: 'line-too-long', line: recordLine });
  if (state !== 0 || cells.length > 0) {
    cells.push(field);
    if (!(cells.length === 1 && cells[0] === '' && !anyQuote)) yield [{ line: recordLine, cells }];
  }
}
