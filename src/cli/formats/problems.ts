// What can be wrong with a file sscard reads, as values: the formats
// return or throw these codes with their details, and the catalogue words
// them in the user's language (text/messages, `roster`). A leaf (types
// only), so that the catalogue imports no reader and no reader's module
// imports the catalogue back through it.
import type { IdProblem } from '../../core/citizen-id.js';
import type { UsccProblem } from '../../core/uscc.js';
import type { Column } from './ledger-columns.js';

/** A column of the ledger's rows: problems name one, and the words name it as the user's file does. */
export type { Column };

export type HeaderProblem =
  | { readonly kind: 'duplicate-column'; readonly column: Column; readonly headers: readonly [string, string] }
  /** `searched`: the non-blank rows looked at for a header that names the id column. */
  | { readonly kind: 'missing-id-column'; readonly searched?: number }
  /** --header-row names a line that is blank or past the end. */
  | { readonly kind: 'header-row-missing'; readonly line: number }
  | { readonly kind: 'empty-file' };

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
  /** A part that would unpack past a limit (roster/xlsx-limits.ts): its size, or its compression ratio (a bomb; `limitMib` is then the ratio). */
  | { readonly kind: 'xlsx-too-large'; readonly part: string; readonly mib: number; readonly limitMib: number; readonly why: 'memory' | 'size' | 'ratio' }
  /** More shared strings than the reader holds in memory (roster/xlsx-limits.ts). */
  | { readonly kind: 'xlsx-too-many-strings'; readonly limit: number };

export type IdDamage =
  /** An xlsx cell of type number in the id column. */
  | { readonly kind: 'number-cell' }
  /** Text in Excel's scientific notation, e.g. 1.10105E+17 or 4.4E+17. */
  | { readonly kind: 'scientific' }
  /** 18 digits ending in zeros that fail the check character: rounded by Excel. */
  | { readonly kind: 'rounded' };

/** What is wrong with one cell of a ledger row (ledger-csv.ts, readRow) whose words take no value: the keys of the catalogue's `row`. */
export type PlainCellIssue =
  | 'idEmpty'
  | 'notADate'
  | 'outOfRange'
  | 'badName'
  | 'employerRecordWithoutEmployer'
  | 'base'
  | 'hireMissing'
  | 'hireKind'
  | 'cardNumber'
  | 'cardState'
  | 'cardColumns'
  | 'generation';

/** Cell issues whose words name another column of the row: named as the user's file names it (issue 28 item 8). */
export type OtherColumnIssue =
  | 'leftWithoutEmployer'
  | 'doneWithoutLeaving'
  | 'guardianWithoutActivation'
  | 'cardStatePair'
  | 'claimedOnMissing'
  | 'outletWithoutReady'
  | 'reasonWithoutFailure'
  | 'failureWithoutApplication'
  | 'failedWithCard';

/** What is wrong with one cell of a ledger row, as a value; the catalogue's `row` words it (text/cell-issue.ts). */
export type CellIssue =
  | { readonly kind: PlainCellIssue }
  | { readonly kind: OtherColumnIssue }
  | { readonly kind: 'id'; readonly problem: IdProblem }
  | { readonly kind: 'uscc'; readonly problem: UsccProblem }
  /** `known`: the known policies' ids, listed. */
  | { readonly kind: 'policy'; readonly known: string }
  | { readonly kind: 'channel'; readonly channels: string };
