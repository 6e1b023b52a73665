// `sscard copy`: its declaration (options, help texts, completion); the work is in ./copy.ts, loaded when it runs.
import { Option } from 'commander';
import { command } from './shared/declaration.js';

export const copyCommand = command({
  name: 'copy',
  help: 'copy',
  options: (w) => [new Option('--from <db-or-url>', w.from), new Option('--to <db-or-url>', w.to)],
  load: () => import('./copy.js'),
});
