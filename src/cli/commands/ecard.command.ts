// `sscard ecard`: a group; `ecard claim` is declared beside its module (ecard-claim.command.ts).
import { ecardClaimCommand } from './ecard-claim.command.js';
import { command } from './shared/declaration.js';

export const ecardCommand = command({
  name: 'ecard',
  help: 'ecard',
  subcommands: [ecardClaimCommand],
});
