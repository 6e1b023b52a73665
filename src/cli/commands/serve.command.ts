// `sscard serve`: its declaration (options, help texts, completion); the work is in ./serve.ts, loaded when it runs.
import { Option } from 'commander';
import { command } from './shared/declaration.js';

export const serveCommand = command({
  name: 'serve',
  help: 'serve',
  options: (w) => [
    new Option('--port <n>', w.port),
    new Option('--host <addr>', w.host),
    new Option('--no-open', w.noOpen),
    new Option('--allow-remote', w.allowRemote),
  ],
  load: () => import('./serve.js'),
});
