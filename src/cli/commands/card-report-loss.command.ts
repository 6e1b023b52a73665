// `sscard card report-loss`: its declaration (options, help texts, completion); the work is in ./card-report-loss.ts, loaded when it runs.
import { Option } from 'commander';
import { cardNumber, onDate } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardReportLossCommand = command({
  name: 'report-loss',
  help: 'cardReportLoss',
  options: (w) => [cardNumber(w.card), new Option('--temporary', w.temporary), onDate(w.on)],
  load: () => import('./card-report-loss.js'),
});
