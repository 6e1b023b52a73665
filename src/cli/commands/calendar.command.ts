// `sscard calendar` and `sscard calendar load`: one module (./calendar.ts) runs both.
import { Argument } from 'commander';
import { command } from './shared/declaration.js';
import { yes } from './shared/options.js';

export const calendarCommand = command({
  name: 'calendar',
  help: 'calendar',
  toArgs: () => ({}),
  load: () => import('./calendar.js'),
  subcommands: [
    command({
      name: 'load',
      help: 'calendarLoad',
      arguments: (w) => [new Argument('<file.json>', w.file)],
      options: (w) => [yes(w.yes)],
      toArgs: ([file], o) => ({ file, ...o }),
      load: async () => ({ run: (await import('./calendar.js')).load }),
    }),
  ],
});
