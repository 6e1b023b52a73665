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
] as const;
export type Column = (typeof COLUMNS)[number];
