// A ledger row's cell problem (formats/problems.ts, CellIssue) in the user's language.
import type { CellIssue } from '../formats/problems.js';
import type { Messages } from './messages/index.js';

export function cellIssueText(m: Messages, issue: CellIssue): string {
  switch (issue.kind) {
    case 'id':
      return m.idProblem(issue.problem, m.row.idNumber);
    case 'uscc':
      return m.row.uscc(issue.problem);
    case 'policy':
      return m.row.policy(issue.known);
    case 'channel':
      return m.row.channel(issue.channels);
    default:
      return m.row[issue.kind];
  }
}
