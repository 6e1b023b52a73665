// `sscard leave`: its declaration (options, help texts, completion); the work is in ./leave.ts, loaded when it runs.
import { Option } from 'commander';
import { employerName, hiredOn, idNumber } from './shared/options.js';
import { command } from './shared/declaration.js';

export const leaveCommand = command({
  name: 'leave',
  help: 'leave',
  options: (w) => [
    idNumber(w.id),
    employerName(w.employer),
    new Option('--left-on <date>', w.leftOn),
    hiredOn(w.hiredOn),
    new Option('--done-on <date>', w.doneOn),
  ],
  load: () => import('./leave.js'),
});
