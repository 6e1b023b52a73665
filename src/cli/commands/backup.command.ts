// `sscard backup`: its declaration (options, help texts, completion); the work is in ./backup.ts, loaded when it runs.
import { Argument, Option } from 'commander';
import { command } from './shared/declaration.js';

export const backupCommand = command({
  name: 'backup',
  help: 'backup',
  arguments: (w) => [new Argument('[file]', w.file)],
  options: (w) => [new Option('--force', w.force)],
  toArgs: ([file], o) => ({ file, ...o }),
  load: () => import('./backup.js'),
});
