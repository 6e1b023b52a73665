// A ledger row's cell problem (formats/problems.ts, CellIssue) in the user's language.
import type { CellIssue, Column } from '../formats/problems.js';
import type { Messages } from './messages/index.js';

/** `named`: a column as the user's file names it (its header), for the words that name another column of the row. */
export function cellIssueText(m: Messages, issue: CellIssue, named: (column: Column) => string = (column) => column): string {
  switch (issue.kind) {
    case 'id':
      return m.idProblem(issue.problem, m.row.idNumber);
    case 'uscc':
      return m.row.uscc(issue.problem);
    case 'policy':
      return m.row.policy(issue.known);
    case 'channel':
      return m.row.channel(issue.channels);
    case 'leftWithoutEmployer':
    case 'doneWithoutLeaving':
    case 'guardianWithoutActivation':
    case 'cardStatePair':
    case 'claimedOnMissing':
    case 'outletWithoutReady':
    case 'reasonWithoutFailure':
    case 'failureWithoutApplication':
    case 'failedWithCard':
      return m.row[issue.kind](named);
    default:
      return m.row[issue.kind];
  }
}
