// `sscard history`: its declaration (options, help texts, completion); the work is in ./history.ts, loaded when it runs.
import { Argument } from 'commander';
import { command } from './shared/declaration.js';

export const historyCommand = command({
  name: 'history',
  help: 'history',
  arguments: (w) => [new Argument('[id]', w.id)],
  toArgs: ([id]) => ({ id }),
  load: () => import('./history.js'),
});
