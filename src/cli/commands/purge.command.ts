// `sscard purge`: its declaration (options, help texts, completion); the work is in ./purge.ts, loaded when it runs.
import { Argument } from 'commander';
import { yes } from './shared/options.js';
import { command } from './shared/declaration.js';

export const purgeCommand = command({
  name: 'purge',
  help: 'purge',
  arguments: (w) => [new Argument('[id]', w.id)],
  options: (w) => [yes(w.yes)],
  toArgs: ([id], o) => ({ id, ...o }),
  load: () => import('./purge.js'),
});
