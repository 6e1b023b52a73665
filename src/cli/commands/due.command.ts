// `sscard due`: its declaration (options, help texts, completion); the work is in ./due.ts, loaded when it runs.
import { Option } from 'commander';
import { AGENDA_KINDS } from '../../core/agenda-kind.js';
import { employerName } from './shared/options.js';
import { command } from './shared/declaration.js';

export const dueCommand = command({
  name: 'due',
  help: 'due',
  options: (w) => [
    new Option('--within <days>', w.within),
    new Option('--check', w.check),
    employerName(w.employer),
    new Option('--kind <kind>', w.kind).choices(AGENDA_KINDS),
    new Option('--format <format>', w.format).choices(['text', 'json', 'ics']),
    new Option('--by-employer', w.byEmployer),
  ],
  load: () => import('./due.js'),
});
