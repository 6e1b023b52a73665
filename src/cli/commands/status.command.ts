// `sscard status`: its declaration (options, help texts, completion); the work is in ./status.ts, loaded when it runs.
import { Argument } from 'commander';
import { command } from './shared/declaration.js';

export const statusCommand = command({
  name: 'status',
  help: 'status',
  arguments: (w) => [new Argument('[id]', w.id)],
  toArgs: ([id]) => ({ id }),
  load: () => import('./status.js'),
});
