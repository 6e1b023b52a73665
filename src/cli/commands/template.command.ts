// `sscard template`: its declaration (options, help texts, completion); the work is in ./template.ts, loaded when it runs.
import { Option } from 'commander';
import { command } from './shared/declaration.js';

export const templateCommand = command({
  name: 'template',
  help: 'template',
  options: (w) => [
    new Option('--format <format>', w.format).choices(['csv', 'xlsx']).default('csv'),
    new Option('--headers <lang>', w.headers).choices(['en', 'zh']).default('en'),
  ],
  load: () => import('./template.js'),
});
