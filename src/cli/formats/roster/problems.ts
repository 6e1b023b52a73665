// Why a roster file cannot be read, as values; the sentence is made by the
// CLI, in the user's language, from the catalogue's `roster` (src/cli/exit.ts). Every one is a bad file or
// bad usage (exit 2, SPEC 2.2).
import { InvalidInput } from '../../../core/errors.js';
import type { Column } from '../ledger-columns.js';

export type { RosterProblem } from '../problems.js';
import type { RosterProblem } from '../problems.js';

/** A line (or a record, quoted line breaks included) longer than this makes the file bad (SPEC 2.3). */
export const MAX_LINE = 1024 * 1024;

export class RosterFileError extends InvalidInput {
  /** The message is the problem's kind: the CLI words the problem in the user's language (src/cli/exit.ts, failureOf). */
  constructor(readonly problem: RosterProblem) {
    super(problem.kind, problem.kind);
  }
}

export type { Column };
