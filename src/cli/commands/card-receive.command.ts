// `sscard card receive`: its declaration (options, help texts, completion); the work is in ./card-receive.ts, loaded when it runs.
import { cardNumber, onDate } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardReceiveCommand = command({
  name: 'receive',
  help: 'cardReceive',
  options: (w) => [cardNumber(w.card), onDate(w.on)],
  load: () => import('./card-receive.js'),
});
