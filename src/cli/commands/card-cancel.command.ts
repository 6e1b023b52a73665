// `sscard card cancel`: its declaration (options, help texts, completion); the work is in ./card-cancel.ts, loaded when it runs.
import { cardNumber, onDate, yes } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardCancelCommand = command({
  name: 'cancel',
  help: 'cardCancel',
  options: (w) => [cardNumber(w.card), onDate(w.on), yes(w.yes)],
  load: () => import('./card-cancel.js'),
});
