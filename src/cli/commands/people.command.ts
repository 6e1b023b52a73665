// `sscard people`: its declaration (options, help texts, completion); the work is in ./people.ts, loaded when it runs.
import { Option } from 'commander';
import { employerName } from './shared/options.js';
import { command } from './shared/declaration.js';

export const peopleCommand = command({
  name: 'people',
  help: 'people',
  options: (w) => [employerName(w.employer), new Option('--name <text>', w.name)],
  load: () => import('./people.js'),
});
