// `sscard card found`: its declaration (options, help texts, completion); the work is in ./card-found.ts, loaded when it runs.
import { cardNumber, onDate } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardFoundCommand = command({
  name: 'found',
  help: 'cardFound',
  options: (w) => [cardNumber(w.card), onDate(w.on)],
  load: () => import('./card-found.js'),
});
