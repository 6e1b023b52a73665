// `sscard card replace`: its declaration (options, help texts, completion); the work is in ./card-replace.ts, loaded when it runs.
import { Option } from 'commander';
import { REPLACE_REASONS } from '../../core/state.js';
import { bankName, cardNumber, onDate, policyId, yes } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardReplaceCommand = command({
  name: 'replace',
  help: 'cardReplace',
  options: (w) => [
    cardNumber(w.card),
    new Option('--new-card <card-number>', w.newCard),
    onDate(w.on),
    bankName(w.bank),
    new Option('--reason <reason>', w.reason),
    policyId(w.policy),
    yes(w.yes),
  ],
  completion: { '--reason': [...REPLACE_REASONS] },
  load: () => import('./card-replace.js'),
});
