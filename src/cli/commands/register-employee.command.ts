// `sscard register-employee`: its declaration (options, help texts, completion); the work is in ./register-employee.ts, loaded when it runs.
import { Option } from 'commander';
import { employerName, hiredOn, idNumber, personName } from './shared/options.js';
import { command } from './shared/declaration.js';

export const registerEmployeeCommand = command({
  name: 'register-employee',
  help: 'registerEmployee',
  options: (w) => [
    idNumber(w.id),
    hiredOn(w.hiredOn),
    personName(w.name),
    employerName(w.employer),
    new Option('--registered-on <date>', w.registeredOn),
    new Option('--pending', w.pending),
    new Option('--flexible', w.flexible),
    new Option('--base <yuan>', w.base),
  ],
  load: () => import('./register-employee.js'),
});
