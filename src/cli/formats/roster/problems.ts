// Why a roster file cannot be read, as values; the sentence is made once, in
// the user's language, when the error is thrown (the catalogue's `roster`). Every one is a bad file or
// bad usage (exit 2, SPEC 2.2).
import { InvalidInput } from '../../../core/errors.js';
import type { Column } from '../ledger-columns.js';
import type { Messages } from '../../text/messages/index.js';

export type { RosterProblem } from '../problems.js';
import type { RosterProblem } from '../problems.js';

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
