// `sscard completion`: its declaration (options, help texts, completion); the work is in ./completion.ts, loaded when it runs.
import { Argument } from 'commander';
import { SHELLS } from '../formats/completion.js';
import { command } from './shared/declaration.js';

export const completionCommand = command({
  name: 'completion',
  help: 'completion',
  arguments: (w) => [new Argument('<shell>', w.shell)],
  toArgs: ([shell], _, registry) => ({ shell, tree: registry.tree() }),
  completion: { '': [...SHELLS] },
  load: () => import('./completion.js'),
});
