// `sscard guide`: its declaration (options, help texts, completion); the work is in ./guide.ts, loaded when it runs.
import { Argument } from 'commander';
import { TOPICS } from '../text/guide-topics.js';
import { command } from './shared/declaration.js';

export const guideCommand = command({
  name: 'guide',
  help: 'guide',
  arguments: (w) => [new Argument('[topic]', w.topic)],
  toArgs: ([topic]) => ({ topic }),
  completion: { '': [...TOPICS] },
  load: () => import('./guide.js'),
});
