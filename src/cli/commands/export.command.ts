// `sscard export`: its declaration (options, help texts, completion); the work is in ./export.ts, loaded when it runs.
import { Option } from 'commander';
import { command } from './shared/declaration.js';

export const exportCommand = command({
  name: 'export',
  help: 'export',
  options: (w) => [
    new Option('--format <format>', w.format).choices(['csv', 'xlsx', 'json']).default('csv'),
    new Option('--headers <lang>', w.headers).choices(['en', 'zh']).default('en'),
  ],
  load: () => import('./export.js'),
});
