// `sscard card ready`: its declaration (options, help texts, completion); the work is in ./card-ready.ts, loaded when it runs.
import { cardNumber, onDate, outletName } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardReadyCommand = command({
  name: 'ready',
  help: 'cardReady',
  options: (w) => [cardNumber(w.card), onDate(w.on), outletName(w.outlet)],
  load: () => import('./card-ready.js'),
});
