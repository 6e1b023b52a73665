// `sscard import`: its declaration (options, help texts, completion); the work is in ./import.ts, loaded when it runs.
import { Argument, Option } from 'commander';
import { command } from './shared/declaration.js';

export const importCommand = command({
  name: 'import',
  help: 'import',
  arguments: (w) => [new Argument('[file]', w.file)],
  options: (w) => [
    new Option('--dry-run', w.dryRun),
    new Option('--skip-invalid', w.skipInvalid),
    new Option('--sheet <name>', w.sheet),
    new Option('--header-row <n>', w.headerRow),
  ],
  toArgs: ([file], o) => ({ file, ...o }),
  load: () => import('./import.js'),
});
