// The ledger's CSV form, shared by `import` and `export` (SPEC 2): the
// columns, reading a row's cells into typed values, and the spreadsheet
// formula guard.
import type { IsoDate } from '../core/calendar-date.js';
import { normaliseCardNumber } from '../core/card.js';
import { parseCitizenId } from '../core/citizen-id.js';
import { en } from './messages/en.js';
import { EARLIEST_DATE, HIRE_MONTHS_AHEAD, hireDateProblem, inRange, LATEST_DATE } from '../core/date-bounds.js';
import { ECARD_CHANNELS, parseEcardChannel } from '../core/ecard.js';
import type { LedgerRow } from '../core/ledger-row.js';
import { parseRosterDate } from './roster/dates.js';

export const COLUMNS = [
  'id',
  'name',
  'employer',
  'hired_on',
  'registered_on',
  'left_on',
  'separation_done_on',
  'card_number',
  'bank',
  'policy',
  'issued_on',
  'received_on',
  'enabled_on',
  'activated_on',
  'guardian_id',
  'expires_on',
  'ecard_channel',
  'ecard_claimed_on',
] as const;
export type Column = (typeof COLUMNS)[number];

// A cell starting with one of these is a formula to a spreadsheet (CSV
// injection). Export prefixes it with a single quote; import removes a single
// quote only where it stands before one of these characters, so such cells
// round-trip and no other text is touched.
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralise = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
export const unneutralise = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

export interface CellProblem {
  readonly field: Column;
  readonly message: string;
}

/** The row's cells as typed values, or the first cell that is malformed. */
/**
 * `policies`: the known card policy IDs (SPEC 1.8) and the one a card without
 * a policy cell is issued under (SSCARD_POLICY, else seed).
 */
export function readRow(
  cells: Partial<Record<Column, string>>,
  today: IsoDate,
  policies: { readonly known: readonly string[]; readonly fallback: string } = { known: ['seed'], fallback: 'seed' },
): { row: LedgerRow } | { problem: CellProblem } {
  const defaultPolicy = policies.fallback;
  const text = (column: Column): string | null => {
    const value = unneutralise((cells[column] ?? '').trim());
    return value === '' ? null : value;
  };
  let problem: CellProblem | null = null;
  const bad = (field: Column, message: string) => {
    problem ??= { field, message };
    return null;
  };
  const date = (column: Column): IsoDate | null => {
    const value = text(column);
    const parsed = value === null ? null : (parseRosterDate(value) ?? bad(column, 'is not a real date written YYYY-MM-DD'));
    return parsed === null || inRange(parsed) ? parsed : bad(column, `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`);
  };
  const name = (column: Column): string | null => {
    const value = text(column);
    if (value === null) return null;
    if (value.length > 200 || /[\u0000-\u001f\u007f]/.test(value)) return bad(column, 'is longer than 200 characters or contains control characters');
    return value;
  };

  const rawId = text('id');
  if (rawId === null) return { problem: { field: 'id', message: 'is empty; every row needs the identity number' } };
  const id = parseCitizenId(rawId, today);
  if (!id.ok) return { problem: { field: 'id', message: en.idProblem(id.problem, 'the number') } };

  const employer = name('employer');
  const hiredOn = date('hired_on');
  const registeredOn = date('registered_on');
  const leftOn = date('left_on');
  const separationDoneOn = date('separation_done_on');
  const hireProblem = hiredOn && hireDateProblem(hiredOn, id.id.birthDate, today);
  if (hireProblem) bad('hired_on', hireProblem === 'before-birth' ? "is before the holder's date of birth" : `is more than ${HIRE_MONTHS_AHEAD} months after today`);
  if (hiredOn === null && (employer ?? registeredOn ?? leftOn ?? separationDoneOn) !== null) bad('hired_on', 'is empty but the row has employer, registration or leaving columns');
  if (leftOn !== null && employer === null) bad('employer', 'is empty but the row has left_on: say which employer the person left');
  if (separationDoneOn !== null && leftOn === null) bad('left_on', 'is empty but the row has separation_done_on');

  const rawCard = text('card_number');
  const cardNumber = rawCard === null ? null : (normaliseCardNumber(rawCard) ?? bad('card_number', 'must be 9 letters or digits'));
  const bank = name('bank');
  const issuedOn = date('issued_on');
  const receivedOn = date('received_on');
  const activatedOn = date('activated_on');
  const enabledOn = date('enabled_on');
  const expiresOn = date('expires_on');
  const policy = text('policy');
  if (policy !== null && !policies.known.includes(policy)) bad('policy', `is not a known card policy; the known ones are ${policies.known.join(', ')} (see \`sscard policies\`)`);
  const rawGuardian = text('guardian_id');
  const guardianId = rawGuardian === null ? null : parseCitizenId(rawGuardian, today);
  if (guardianId !== null && !guardianId.ok) bad('guardian_id', en.idProblem(guardianId.problem, 'the number'));
  if (guardianId !== null && activatedOn === null) bad('activated_on', 'is empty but guardian_id is given: a guardian is recorded with the activation');
  if (rawCard === null && (bank ?? issuedOn ?? receivedOn ?? activatedOn) !== null) bad('card_number', 'is empty but the row has card columns');

  const rawChannel = text('ecard_channel');
  // Chinese names too (微信, 支付宝, 云闪付, ...: SPEC 1.4), as `ecard claim --channel` takes them.
  const channel = rawChannel === null ? null : (parseEcardChannel(rawChannel) ?? bad('ecard_channel', `must be one of ${ECARD_CHANNELS.join(', ')}`));
  const claimedOn = date('ecard_claimed_on');
  if (rawChannel !== null && claimedOn === null && problem === null) bad('ecard_claimed_on', 'is empty but ecard_channel is given');

  const personName = name('name');
  if (problem) return { problem };
  return {
    row: {
      id: id.id,
      name: personName,
      hire: hiredOn === null ? null : { employer, hiredOn, registeredOn, leftOn, separationDoneOn },
      card: cardNumber === null ? null : { number: cardNumber, bank, policy: policy ?? defaultPolicy, issuedOn, receivedOn, enabledOn, activatedOn, guardian: guardianId?.ok ? guardianId.id : null, expiresOn },
      ecard: claimedOn === null ? null : { channel, claimedOn },
    },
  };
}
