// The ledger's CSV form, shared by `import` and `export` (SPEC 2): the
// columns, reading a row's cells into typed values, and the spreadsheet
// formula guard.
import type { IsoDate } from '../../core/calendar-date.js';
import { normaliseCardNumber } from '../../core/card.js';
import { parseCitizenId } from '../../core/citizen-id.js';
import type { CellIssue } from './problems.js';
import { inRange } from '../../core/date-bounds.js';
import { ECARD_CHANNELS, parseEcardChannel } from '../../core/ecard.js';
import type { LedgerRow } from '../../core/ledger-row.js';
import { findPolicy, type PolicyBook } from '../../core/policy.js';
import { textProblem } from '../../core/text-limits.js';
import { parseRosterDate } from './roster/dates.js';
import { MAX_BASE } from '../../core/registration.js';
import { checkUscc } from '../../core/uscc.js';

export { type Column, COLUMNS } from './ledger-columns.js';
import type { Column } from './ledger-columns.js';

// A cell starting with one of these is a formula to a spreadsheet (CSV
// injection). Export prefixes it with a single quote; import removes a single
// quote only where it stands before one of these characters, so such cells
// round-trip and no other text is touched.
export const FORMULA_START = /^[=+\-@\t\r]/;
// A cell that already starts with quotes before one of them (a name typed as
// '=Li) gets one more quote too, in CSV and xlsx alike, so that the quote
// import removes is the one export added (issue 29 item 14).
export const QUOTED_FORMULA = /^'+[=+\-@\t\r]/;
export const neutralise = (cell: string): string => (FORMULA_START.test(cell) || QUOTED_FORMULA.test(cell) ? `'${cell}` : cell);
/** A workbook's text cells are never evaluated: only the quotes import would take off are kept. */
export const keepQuotes = (cell: string): string => (QUOTED_FORMULA.test(cell) ? `'${cell}` : cell);
// 0x27: the quote QUOTED_FORMULA starts with (most cells have none: no regular expression for them).
export const unneutralise = (cell: string): string => (cell.charCodeAt(0) === 0x27 && QUOTED_FORMULA.test(cell) ? cell.slice(1) : cell);

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

/** generation's values: 第二代 or 第三代 社保卡 (a card or an application; empty: second). */
const GENERATIONS: Record<string, 2 | 3> = {
  '2': 2,
  二代: 2,
  第二代: 2,
  '3': 3,
  三代: 3,
  第三代: 3,
};

export interface CellProblem {
  readonly field: Column;
  /** What is wrong, as a value: the command words it (the catalogue's `row`). */
  readonly issue: CellIssue;
  /** The code where a command has one of its own for the same problem (`--policy atlantis`: unknown-policy); else import says invalid-<column>. */
  readonly code?: string;
}

/**
 * The row's cells as typed values, or the first cell that is malformed (its
 * form: a date that is no date, a number that is no number, columns that
 * need each other). Whether the row's facts may be recorded is the core's
 * decision, the same as the commands' (planRow).
 * `policies`: the card policies (SPEC 1.8), matched as the core matches
 * ids (findPolicy), and the one a card without a policy cell is issued under
 * (SSCARD_POLICY, else seed).
 */
export function readRow(
  cells: Partial<Record<Column, string>>,
  today: IsoDate,
  policies: { readonly book: PolicyBook; readonly fallback: string },
): { row: LedgerRow; employer: EmployerCells | null } | { problem: CellProblem } {
  const defaultPolicy = policies.fallback;
  // One reader per row, not four closures over it, and each cell read by its name (cells.hired_on): a load V8
  // resolves from the row's shape, where cells[column] inside a helper was a megamorphic lookup per column
  // (about 1.5% of a 100k import's CPU samples: issue 31).
  const r = new RowCells();

  const rawId = r.text(cells.id);
  if (rawId === null) return { problem: { field: 'id', issue: { kind: 'idEmpty' } } };
  const id = parseCitizenId(rawId, today);
  if (!id.ok) return { problem: { field: 'id', issue: { kind: 'id', problem: id.problem } } };

  const employer = r.name(cells.employer, 'employer');
  const hiredOn = r.date(cells.hired_on, 'hired_on');
  const registeredOn = r.date(cells.registered_on, 'registered_on');
  const leftOn = r.date(cells.left_on, 'left_on');
  const separationDoneOn = r.date(cells.separation_done_on, 'separation_done_on');
  if (hiredOn === null && (employer ?? registeredOn ?? leftOn ?? separationDoneOn) !== null) r.bad('hired_on', { kind: 'hireMissing' });
  if (leftOn !== null && employer === null) r.bad('employer', { kind: 'leftWithoutEmployer' });
  if (separationDoneOn !== null && leftOn === null) r.bad('left_on', { kind: 'doneWithoutLeaving' });
  // The employer's record (SPEC 1.10): its credit code, checked here, and its city, resolved by the import.
  const rawUscc = r.text(cells.employer_uscc);
  const uscc = rawUscc === null ? null : ((c) => (c.ok ? c.code : r.bad('employer_uscc', { kind: 'uscc', problem: c.problem })))(checkUscc(rawUscc));
  const employerCity = r.name(cells.employer_city, 'employer_city');
  if ((rawUscc ?? employerCity) !== null && employer === null)
    r.bad(rawUscc !== null ? 'employer_uscc' : 'employer_city', { kind: 'employerRecordWithoutEmployer' });
  const base = ((value) => (value === null ? null : (parseYuan(value) ?? r.bad('base', { kind: 'base' }))))(r.text(cells.base));
  const rawKind = r.text(cells.hire_kind);
  const hireKind = rawKind === null ? 'employee' : (HIRE_KINDS[rawKind.toLowerCase()] ?? r.bad('hire_kind', { kind: 'hireKind' }));

  const rawCard = r.text(cells.card_number);
  const cardNumber = rawCard === null ? null : (normaliseCardNumber(rawCard) ?? r.bad('card_number', { kind: 'cardNumber' }));
  const bank = r.name(cells.bank, 'bank');
  const issuedOn = r.date(cells.issued_on, 'issued_on');
  const receivedOn = r.date(cells.received_on, 'received_on');
  const activatedOn = r.date(cells.activated_on, 'activated_on');
  const enabledOn = r.date(cells.enabled_on, 'enabled_on');
  const expiresOn = r.date(cells.expires_on, 'expires_on');
  const rawPolicy = r.text(cells.policy);
  const policy =
    rawPolicy === null
      ? null
      : (findPolicy(policies.book, rawPolicy)?.id ?? r.bad('policy', { kind: 'policy', known: [...policies.book.keys()].join(', ') }, 'unknown-policy'));
  const rawGuardian = r.text(cells.guardian_id);
  const guardianId = rawGuardian === null ? null : parseCitizenId(rawGuardian, today);
  if (guardianId !== null && !guardianId.ok) r.bad('guardian_id', { kind: 'id', problem: guardianId.problem });
  if (guardianId !== null && activatedOn === null) r.bad('activated_on', { kind: 'guardianWithoutActivation' });
  const rawGeneration = r.text(cells.generation);
  const generation =
    rawGeneration === null ? 2 : (GENERATIONS[rawGeneration.replace(/社保卡|社会保障卡|卡$/g, '')] ?? r.bad('generation', { kind: 'generation' }));
  // Card-making progress (制卡进度, SPEC 1.3 v3): with a card number, the application it completed and its wait at the
  // outlet; without one, an application no card completed yet, being made or failed.
  const appliedOn = r.date(cells.applied_on, 'applied_on');
  const readyOn = r.date(cells.ready_on, 'ready_on');
  const readyAt = r.name(cells.ready_outlet, 'ready_outlet');
  const failedOn = r.date(cells.failed_on, 'failed_on');
  const failure = r.name(cells.failure_reason, 'failure_reason');
  if (readyAt !== null && readyOn === null) r.bad('ready_on', { kind: 'outletWithoutReady' });
  if (failure !== null && failedOn === null) r.bad('failed_on', { kind: 'reasonWithoutFailure' });
  if (failedOn !== null && appliedOn === null) r.bad('applied_on', { kind: 'failureWithoutApplication' });
  if (failedOn !== null && rawCard !== null) r.bad('failed_on', { kind: 'failedWithCard' });
  const rawState = r.text(cells.card_state);
  const endedOn = r.date(cells.card_ended_on, 'card_ended_on');
  const end = rawState === null ? null : (CARD_ENDS[rawState.toLowerCase()] ?? r.bad('card_state', { kind: 'cardState' }));
  if ((rawState === null) !== (endedOn === null)) r.bad(rawState === null ? 'card_state' : 'card_ended_on', { kind: 'cardStatePair' });
  if (rawCard === null && (bank ?? issuedOn ?? readyOn ?? receivedOn ?? activatedOn ?? rawState) !== null) r.bad('card_number', { kind: 'cardColumns' });
  if (rawCard === null && appliedOn === null && rawGeneration !== null) r.bad('card_number', { kind: 'cardColumns' });

  const rawChannel = r.text(cells.ecard_channel);
  // Chinese names too (微信, 支付宝, 云闪付, ...: SPEC 1.4), as `ecard claim --channel` takes them.
  const channel =
    rawChannel === null ? null : (parseEcardChannel(rawChannel) ?? r.bad('ecard_channel', { kind: 'channel', channels: ECARD_CHANNELS.join(', ') }));
  const claimedOn = r.date(cells.ecard_claimed_on, 'ecard_claimed_on');
  if (rawChannel !== null && claimedOn === null && r.problem === null) r.bad('ecard_claimed_on', { kind: 'claimedOnMissing' });

  const personName = r.name(cells.name, 'name');
  if (r.problem) return { problem: r.problem };
  return {
    row: {
      id: id.id,
      name: personName,
      hire: hiredOn === null ? null : { kind: hireKind ?? 'employee', employer, hiredOn, registeredOn, leftOn, separationDoneOn, base },
      card:
        cardNumber === null
          ? null
          : {
              number: cardNumber,
              bank,
              policy: policy ?? defaultPolicy,
              policyGiven: policy !== null,
              generation: generation ?? 2,
              appliedOn,
              issuedOn,
              readyOn,
              readyAt,
              receivedOn,
              enabledOn,
              activatedOn,
              guardian: guardianId?.ok ? guardianId.id : null,
              expiresOn,
              end: end && endedOn && { ...end, on: endedOn },
            },
      application:
        cardNumber !== null || appliedOn === null
          ? null
          : { appliedOn, policy: policy ?? defaultPolicy, generation: generation ?? 2, failedOn, reason: failure },
      ecard: claimedOn === null ? null : { channel, claimedOn },
    },
    employer: employer !== null && (uscc ?? employerCity) !== null ? { uscc, city: employerCity } : null,
  };
}

/**
 * A row's cells as readRow reads them, and the first malformed one found
 * (`problem`): later checks of the row do not replace it.
 */
class RowCells {
  problem: CellProblem | null = null;

  /** The cell's text, trimmed and without the export's formula quote; null when empty. */
  text(cell: string | undefined): string | null {
    if (cell === undefined || cell === '') return null; // most columns of most rows: no work
    const value = unneutralise(cell.trim());
    return value === '' ? null : value;
  }

  bad(field: Column, issue: CellIssue, code?: string): null {
    this.problem ??= code === undefined ? { field, issue } : { field, issue, code };
    return null;
  }

  date(cell: string | undefined, column: Column): IsoDate | null {
    const value = this.text(cell);
    const parsed = value === null ? null : (parseRosterDate(value) ?? this.bad(column, { kind: 'notADate' }));
    return parsed === null || inRange(parsed) ? parsed : this.bad(column, { kind: 'outOfRange' });
  }

  name(cell: string | undefined, column: Column): string | null {
    const value = this.text(cell);
    if (value === null) return null;
    if (textProblem(value) !== null) return this.bad(column, { kind: 'badName' });
    return value;
  }
}

/** What a row says of its employer's record: the credit code (checked) and the city as written. */
export interface EmployerCells {
  readonly uscc: string | null;
  readonly city: string | null;
}

/** A monthly amount in yuan ("8000", "8,000.50", "8000元") to fen; null when it is not one. */
export function parseYuan(text: string): number | null {
  // \u5143: 元, escaped so that the bundles are ASCII (bin/sscard reads them without decoding UTF-8, issue 31).
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*\u5143?$/.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 && fen <= MAX_BASE ? fen : null;
}
