// The ledger's columns (SPEC 2.3), in the order export writes them: a leaf,
// so that the problem types (problems.ts) and the catalogue that words them
// can name a column without loading the CSV reader.
export const COLUMNS = [
  'id',
  'name',
  'employer',
  'hired_on',
  'registered_on',
  'left_on',
  'separation_done_on',
  'hire_kind',
  'card_number',
  'bank',
  'policy',
  'issued_on',
  'received_on',
  'enabled_on',
  'activated_on',
  'guardian_id',
  'expires_on',
  'card_state',
  'card_ended_on',
  'ecard_channel',
  'ecard_claimed_on',
  // v3 (SPEC 1.9, 1.10), last so that the columns before keep their places: the employer's record and the hire's base.
  'employer_uscc',
  'employer_city',
  'base',
  // v3 (SPEC 1.3): card-making progress (制卡进度) and the card's generation, last for the same reason.
  'generation',
  'applied_on',
  'ready_on',
  'ready_outlet',
  'failed_on',
  'failure_reason',
] as const;
export type Column = (typeof COLUMNS)[number];
