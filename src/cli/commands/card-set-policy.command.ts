// `sscard card set-policy`: its declaration (options, help texts, completion); the work is in ./card-set-policy.ts, loaded when it runs.
import { cardNumber, policyId } from './shared/options.js';
import { command } from './shared/declaration.js';

export const cardSetPolicyCommand = command({
  name: 'set-policy',
  help: 'cardSetPolicy',
  options: (w) => [cardNumber(w.card), policyId(w.policy)],
  load: () => import('./card-set-policy.js'),
});
