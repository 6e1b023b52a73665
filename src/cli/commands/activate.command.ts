// `sscard activate`: its declaration (options, help texts, completion); the work is in ./activate.ts, loaded when it runs.
import { Option } from 'commander';
import { cardNumber, onDate, outletName } from './shared/options.js';
import { command } from './shared/declaration.js';

export const activateCommand = command({
  name: 'activate',
  help: 'activate',
  options: (w) => [
    cardNumber(w.card),
    new Option('--id-doc <id-number>', w.idDoc),
    onDate(w.on),
    outletName(w.outlet),
    new Option('--guardian-id <id-number>', w.guardianId),
  ],
  load: () => import('./activate.js'),
});
