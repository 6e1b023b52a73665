// What an import counts and the bad rows it lists, shared by the roster
// reader (commands/import.ts) and the JSON events reader (import-events.ts):
// a leaf, so that neither imports the other for it.

export interface BadRow {
  readonly line: number;
  readonly field: string;
  /** The same code a command gives for the same problem: a decision's refusal code, or `invalid-<column>` for a malformed cell (as `invalid-<option>`). */
  readonly code: string;
  readonly message: string;
  /** The column's header as the file writes it (参保登记日期), where it differs from `field`: what the line on stderr names. */
  readonly header?: string;
}

export interface ImportTally {
  rows: number;
  changed: number;
  unchanged: number;
  events: number;
  invalid: number;
  bad: BadRow[];
  /** Rows that add a second open hire at the same employer (a corrected hire date?): the first LISTED are said as they come, the rest counted. */
  secondOpenHires: number;
}
