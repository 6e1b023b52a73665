// `sscard card fail`: its declaration (options, help texts, completion); the work is in ./card-fail.ts, loaded when it runs.
import { idNumber, onDate, reasonText } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardFailCommand = command({
  name: 'fail',
  help: 'cardFail',
  options: (w) => [idNumber(w.id), onDate(w.on), reasonText(w.reason)],
  load: () => import('./card-fail.js'),
});
