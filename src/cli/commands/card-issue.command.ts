// `sscard card issue`: its declaration (options, help texts, completion); the work is in ./card-issue.ts, loaded when it runs.
import { Option } from 'commander';
import { CARD_GENERATIONS } from '../../core/state.js';
import { bankName, cardNumber, generation, idNumber, personName, policyId } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardIssueCommand = command({
  name: 'issue',
  help: 'cardIssue',
  options: (w) => [
    idNumber(w.id),
    cardNumber(w.card),
    bankName(w.bank),
    new Option('--issued-on <date>', w.issuedOn),
    personName(w.name),
    policyId(w.policy),
    new Option('--expires-on <date>', w.expiresOn),
    generation(w.generation),
  ],
  completion: { '--generation': CARD_GENERATIONS.map(String) },
  load: () => import('./card-issue.js'),
});
