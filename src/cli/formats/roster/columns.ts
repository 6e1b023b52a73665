// A roster's header row: English column names or the Chinese names HR
// departments use (SPEC 2.3's alias table), matched in any case with
// surrounding spaces ignored.
import { type Column, COLUMNS } from '../ledger-columns.js';

/** SPEC 2.3: the first alias of each column is its Chinese header in exports (`--headers zh`). */
export const ALIASES: Readonly<Record<Column, readonly string[]>> = {
  id: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '社会保障号码', '社保号'],
  name: ['姓名'],
  employer: ['用人单位', '单位', '单位名称', '公司'],
  hired_on: ['入职日期', '用工日期', '入职时间'],
  registered_on: ['参保日期', '参保登记日期', '登记日期'],
  left_on: ['离职日期'],
  separation_done_on: ['转移日期', '减员日期'],
  // Not in SPEC 2.3's table (columns of sscard's own): the kind of hire, and a card out of force.
  hire_kind: ['用工形式'],
  card_number: ['社保卡号', '卡号'],
  bank: ['银行', '服务银行', '发卡银行'],
  policy: ['卡政策'],
  issued_on: ['制卡日期', '发卡日期'],
  received_on: ['领卡日期'],
  enabled_on: ['启用日期'],
  activated_on: ['激活日期'],
  // Not in SPEC 2.3's table ("at least these names"): a child's card is activated by a guardian (SPEC 1.3).
  guardian_id: ['监护人身份证号', '监护人身份证号码', '监护人证件号码'],
  expires_on: ['有效期至'],
  card_state: ['卡状态'],
  card_ended_on: ['挂失注销日期'],
  ecard_channel: ['电子社保卡渠道'],
  ecard_claimed_on: ['电子社保卡申领日期'],
  // SPEC 1.10: the employer's record.
  employer_uscc: ['统一社会信用代码', '单位统一社会信用代码'],
  employer_city: ['参保地', '参保城市'],
  // SPEC 1.9: the hire's monthly contribution base.
  base: ['缴费基数', '月缴费基数'],
  // SPEC 1.3 v3: card-making progress in the words of the progress queries (社保卡进度查询: 申领, 制卡中,
  // 银行网点签收 and its 领卡网点, 制卡失败; e.g. 中山人社, reported by 中山日报), and the card's generation (第三代社保卡).
  generation: ['社保卡代次', '卡代次'],
  applied_on: ['申领日期', '社保卡申领日期'],
  ready_on: ['网点签收日期', '待领卡日期'],
  ready_outlet: ['领卡网点'],
  failed_on: ['制卡失败日期'],
  failure_reason: ['制卡失败原因'],
};

/** The sheet of a blank roster (`sscard template`), named in the language of its headers. */
export const ROSTER_SHEET = { en: 'roster', zh: '花名册' } as const;

/** Columns holding dates: in an xlsx a number there is an Excel serial date. */
export const DATE_COLUMNS: ReadonlySet<Column> = new Set(COLUMNS.filter((c) => c.endsWith('_on')));

const BY_NAME = new Map<string, Column>();
for (const column of COLUMNS) {
  BY_NAME.set(column, column);
  for (const alias of ALIASES[column]) BY_NAME.set(alias, column);
}

/** A header cell's column, or null for one sscard does not know. Full-width spaces count as spaces. */
export function columnOf(header: string): Column | null {
  return BY_NAME.get(header.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '').toLowerCase()) ?? null;
}

export function headerName(column: Column, headers: 'en' | 'zh'): string {
  return headers === 'zh' ? ALIASES[column][0]! : column;
}

export type { HeaderProblem } from '../problems.js';
import type { HeaderProblem } from '../problems.js';

export interface Header {
  /** Each position's column, or null where the column is ignored. */
  readonly columns: readonly (Column | null)[];
  /** The header cells not recognised, as written (the caller names them once). */
  readonly unknownColumns: readonly string[];
}

export function resolveHeader(cells: readonly string[]): { header: Header } | { problem: HeaderProblem } {
  const columns: (Column | null)[] = [];
  const unknownColumns: string[] = [];
  const seenAt = new Map<Column, number>();
  for (const [i, cell] of cells.entries()) {
    const column = columnOf(cell);
    columns.push(column);
    if (column === null) {
      if (cell.trim() !== '') unknownColumns.push(cell.trim());
      continue;
    }
    const first = seenAt.get(column);
    if (first !== undefined) return { problem: { kind: 'duplicate-column', column, headers: [cells[first]!.trim(), cell.trim()] } };
    seenAt.set(column, i);
  }
  if (!seenAt.has('id')) return { problem: { kind: 'missing-id-column' } };
  return { header: { columns, unknownColumns } };
}
