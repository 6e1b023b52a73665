// `sscard card apply`: its declaration (options, help texts, completion); the work is in ./card-apply.ts, loaded when it runs.
import { CARD_GENERATIONS } from '../../core/state.js';
import { generation, idNumber, onDate, policyId } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardApplyCommand = command({
  name: 'apply',
  help: 'cardApply',
  options: (w) => [idNumber(w.id), onDate(w.on), policyId(w.policy), generation(w.generation)],
  completion: { '--generation': CARD_GENERATIONS.map(String) },
  load: () => import('./card-apply.js'),
});
