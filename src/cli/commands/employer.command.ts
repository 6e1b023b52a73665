// `sscard employer add|list|set`: one module (./employer.ts) runs the three.
import { Argument } from 'commander';
import { command } from './shared/declaration.js';
import { cityName, usccCode } from './shared/options.js';

export const employerCommand = command({
  name: 'employer',
  help: 'employer',
  subcommands: [
    command({
      name: 'add',
      help: 'employerAdd',
      arguments: (w) => [new Argument('[name]', w.name)],
      options: (w) => [usccCode(w.uscc), cityName(w.city)],
      toArgs: ([name], o) => ({ name, ...o }),
      load: async () => ({ run: (await import('./employer.js')).add }),
    }),
    command({
      name: 'list',
      help: 'employerList',
      toArgs: () => ({}),
      load: async () => ({ run: (await import('./employer.js')).list }),
    }),
    command({
      name: 'set',
      help: 'employerSet',
      // The same words as `employer add`'s: the catalogue holds them once.
      arguments: (_, h) => [new Argument('[name]', h.employerAdd.name)],
      options: (_, h) => [cityName(h.employerAdd.city), usccCode(h.employerAdd.uscc)],
      toArgs: ([name], o) => ({ name, ...o }),
      load: async () => ({ run: (await import('./employer.js')).set }),
    }),
  ],
});
