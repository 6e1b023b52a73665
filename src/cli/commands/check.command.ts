// `sscard check`: its declaration (options, help texts, completion); the work is in ./check.ts, loaded when it runs.
import { command } from './shared/declaration.js';

export const checkCommand = command({
  name: 'check',
  help: 'check',
  toArgs: () => ({}),
  load: () => import('./check.js'),
});
