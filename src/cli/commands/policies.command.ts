// `sscard policies`: its declaration (options, help texts, completion); the work is in ./policies.ts, loaded when it runs.
import { Argument } from 'commander';
import { command } from './shared/declaration.js';

export const policiesCommand = command({
  name: 'policies',
  help: 'policies',
  arguments: (w) => [new Argument('[id]', w.id)],
  toArgs: ([id]) => ({ id }),
  load: () => import('./policies.js'),
});
