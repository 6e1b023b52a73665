// Why a roster file cannot be read, as values; the sentence is made once, in
// the user's language, when the error is thrown (the catalogue's `roster`). Every one is a bad file or
// bad usage (exit 2, SPEC 2.2).
import { InvalidInput } from '../../../core/errors.js';
import type { Column } from '../ledger-csv.js';
import type { Messages } from '../../text/messages/index.js';
import type { HeaderProblem } from './columns.js';

export type RosterProblem =
  | HeaderProblem
  | { readonly kind: 'not-a-regular-file'; readonly path: string; readonly what: 'directory' | 'device' | 'fifo' | 'socket' | 'other' }
  | { readonly kind: 'unreadable'; readonly path: string; readonly code: string }
  | { readonly kind: 'unknown-format'; readonly path: string }
  | { readonly kind: 'nul-byte'; readonly line: number }
  | { readonly kind: 'not-utf8-later'; readonly line: number }
  | { readonly kind: 'not-text'; readonly line: number }
  /** A workbook (a zip file) given as text: on standard input or under a .csv name. */
  | { readonly kind: 'workbook-as-text' }
  | { readonly kind: 'line-too-long'; readonly line: number }
  | { readonly kind: 'unterminated-quote'; readonly line: number }
  | { readonly kind: 'sheet-not-found'; readonly sheet: string; readonly sheets: readonly string[] }
  | { readonly kind: 'bad-xlsx'; readonly path: string }
  /** A part that would unpack past a limit (xlsx-limits.ts): its size, or its compression ratio (a bomb; `limitMib` is then the ratio). */
  | { readonly kind: 'xlsx-too-large'; readonly part: string; readonly mib: number; readonly limitMib: number; readonly why: 'memory' | 'size' | 'ratio' };

/** A line (or a record, quoted line breaks included) longer than this makes the file bad (SPEC 2.3). */
export const MAX_LINE = 1024 * 1024;

export class RosterFileError extends InvalidInput {
  /** `m`: the catalogue that words it; without one (a library caller) the message is the code. */
  constructor(
    readonly problem: RosterProblem,
    m?: Messages,
  ) {
    super(problem.kind, m ? m.roster.problem(problem) : problem.kind);
  }
}

export type { Column };
