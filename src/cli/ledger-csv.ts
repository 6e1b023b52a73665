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

// A cell starting with one of these is a formula to a spreadsheet (CSV
// injection). Export prefixes it with a single quote; import removes a single
// quote only where it stands before one of these characters, so such cells
// round-trip and no other text is touched.
export const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralise = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
export const unneutralise = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/** hire_kind's values, in English and Chinese. */
const HIRE_KINDS: Record<string, 'employee' | 'flexible'> = {
  employee: 'employee',
  单位职工: 'employee',
  职工: 'employee',
  flexible: 'flexible',
  灵活就业: 'flexible',
};

/** card_state's values: a card out of force (a card in force leaves it empty). */
const CARD_ENDS: Record<string, { state: 'lost' | 'cancelled'; temporary: boolean }> = {
  lost: { state: 'lost', temporary: false },
  挂失: { state: 'lost', temporary: false },
  正式挂失: { state: 'lost', temporary: false },
  'lost-temporary': { state: 'lost', temporary: true },
  临时挂失: { state: 'lost', temporary: true },
  cancelled: { state: 'cancelled', temporary: false },
  注销: { state: 'cancelled', temporary: false },
};

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
  if (hireProblem)
    bad('hired_on', hireProblem === 'before-birth' ? "is before the holder's date of birth" : `is more than ${HIRE_MONTHS_AHEAD} months after today`);
  if (hiredOn === null && (employer ?? registeredOn ?? leftOn ?? separationDoneOn) !== null)
    bad('hired_on', 'is empty but the row has employer, registration or leaving columns');
  if (leftOn !== null && employer === null) bad('employer', 'is empty but the row has left_on: say which employer the person left');
  if (separationDoneOn !== null && leftOn === null) bad('left_on', 'is empty but the row has separation_done_on');
  const rawKind = text('hire_kind');
  const hireKind =
    rawKind === null ? 'employee' : (HIRE_KINDS[rawKind.toLowerCase()] ?? bad('hire_kind', 'must be employee (单位职工) or flexible (灵活就业)'));
  if (hireKind === 'flexible' && employer !== null) bad('employer', 'must be empty for a flexible worker (hire_kind flexible): they register themselves');

  const rawCard = text('card_number');
  const cardNumber = rawCard === null ? null : (normaliseCardNumber(rawCard) ?? bad('card_number', 'must be 9 letters or digits'));
  const bank = name('bank');
  const issuedOn = date('issued_on');
  const receivedOn = date('received_on');
  const activatedOn = date('activated_on');
  const enabledOn = date('enabled_on');
  const expiresOn = date('expires_on');
  const policy = text('policy');
  if (policy !== null && !policies.known.includes(policy))
    bad('policy', `is not a known card policy; the known ones are ${policies.known.join(', ')} (see \`sscard policies\`)`);
  const rawGuardian = text('guardian_id');
  const guardianId = rawGuardian === null ? null : parseCitizenId(rawGuardian, today);
  if (guardianId !== null && !guardianId.ok) bad('guardian_id', en.idProblem(guardianId.problem, 'the number'));
  if (guardianId !== null && activatedOn === null) bad('activated_on', 'is empty but guardian_id is given: a guardian is recorded with the activation');
  const rawState = text('card_state');
  const endedOn = date('card_ended_on');
  const end =
    rawState === null
      ? null
      : (CARD_ENDS[rawState.toLowerCase()] ??
        bad('card_state', 'must be lost, lost-temporary or cancelled (挂失, 临时挂失, 注销), or empty for a card in force'));
  if ((rawState === null) !== (endedOn === null))
    bad(rawState === null ? 'card_state' : 'card_ended_on', 'goes with card_ended_on/card_state: give both, or neither for a card in force');
  if (rawCard === null && (bank ?? issuedOn ?? receivedOn ?? activatedOn ?? rawState) !== null) bad('card_number', 'is empty but the row has card columns');

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
      hire: hiredOn === null ? null : { kind: hireKind ?? 'employee', employer, hiredOn, registeredOn, leftOn, separationDoneOn },
      card:
        cardNumber === null
          ? null
          : {
              number: cardNumber,
              bank,
              policy: policy ?? defaultPolicy,
              issuedOn,
              receivedOn,
              enabledOn,
              activatedOn,
              guardian: guardianId?.ok ? guardianId.id : null,
              expiresOn,
              end: end && endedOn && { ...end, on: endedOn },
            },
      ecard: claimedOn === null ? null : { channel, claimedOn },
    },
  };
}
