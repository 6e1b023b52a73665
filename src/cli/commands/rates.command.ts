// `sscard rates [city]` and `sscard rates load`: one module (./rates.ts) runs both.
import { Argument } from 'commander';
import { command } from './shared/declaration.js';

export const ratesCommand = command({
  name: 'rates',
  help: 'rates',
  arguments: (w) => [new Argument('[city]', w.city)],
  toArgs: ([city]) => ({ city }),
  load: () => import('./rates.js'),
  subcommands: [
    command({
      name: 'load',
      help: 'ratesLoad',
      arguments: (w) => [new Argument('<file.json>', w.file)],
      toArgs: ([file], o) => ({ file, ...o }),
      load: async () => ({ run: (await import('./rates.js')).load }),
    }),
  ],
});
