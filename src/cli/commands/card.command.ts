// `sscard card`: a group, its subcommands each declared beside its module (card-issue.command.ts is `sscard card issue`).
import { cardApplyCommand } from './card-apply.command.js';
import { cardCancelCommand } from './card-cancel.command.js';
import { cardFailCommand } from './card-fail.command.js';
import { cardFoundCommand } from './card-found.command.js';
import { cardIssueCommand } from './card-issue.command.js';
import { cardReadyCommand } from './card-ready.command.js';
import { cardReceiveCommand } from './card-receive.command.js';
import { cardReplaceCommand } from './card-replace.command.js';
import { cardReportLossCommand } from './card-report-loss.command.js';
import { cardSetPolicyCommand } from './card-set-policy.command.js';
import { command } from './shared/declaration.js';

export const cardCommand = command({
  name: 'card',
  help: 'card',
  // In the order help lists them: a card's life, from its issue to its cancellation.
  subcommands: [
    cardIssueCommand,
    cardApplyCommand,
    cardReadyCommand,
    cardFailCommand,
    cardSetPolicyCommand,
    cardReceiveCommand,
    cardReportLossCommand,
    cardFoundCommand,
    cardReplaceCommand,
    cardCancelCommand,
  ],
});
