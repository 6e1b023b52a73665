// `sscard revoke`: its declaration (options, help texts, completion); the work is in ./revoke.ts, loaded when it runs.
import { Argument } from 'commander';
import { reasonText, yes } from './shared/options.js';
import { command } from './shared/declaration.js';

export const revokeCommand = command({
  name: 'revoke',
  help: 'revoke',
  arguments: (w) => [new Argument('<seq...>', w.seq)],
  options: (w) => [reasonText(w.reason), yes(w.yes)],
  toArgs: ([seqs], o) => ({ seqs, ...o }),
  load: () => import('./revoke.js'),
});
