// `sscard ecard claim`: its declaration (options, help texts, completion); the work is in ./ecard-claim.ts, loaded when it runs.
import { ECARD_CHANNELS } from '../../core/state.js';
import { channel, idNumber, onDate } from './shared/options.js';
import { command } from './shared/declaration.js';

export const ecardClaimCommand = command({
  name: 'claim',
  help: 'ecardClaim',
  options: (w) => [idNumber(w.id), channel(w.channel), onDate(w.on)],
  completion: { '--channel': [...ECARD_CHANNELS] },
  load: () => import('./ecard-claim.js'),
});
