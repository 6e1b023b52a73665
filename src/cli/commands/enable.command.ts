// `sscard enable`: its declaration (options, help texts, completion); the work is in ./enable.ts, loaded when it runs.
import { ENABLE_CHANNELS } from '../../core/state.js';
import { cardNumber, channel, onDate } from './shared/options.js';
import { command } from './shared/declaration.js';

export const enableCommand = command({
  name: 'enable',
  help: 'enable',
  options: (w) => [cardNumber(w.card), onDate(w.on), channel(w.channel)],
  completion: { '--channel': [...ENABLE_CHANNELS] },
  load: () => import('./enable.js'),
});
