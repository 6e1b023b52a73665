// Why a roster file cannot be read, as values; the sentence is made once, in
// the user's language, when the error is thrown. Every one is a bad file or
// bad usage (exit 2, SPEC 2.2).
import { InvalidInput } from '../../core/errors.js';
import type { Column } from '../ledger-csv.js';
import type { HeaderProblem } from './columns.js';

export type RosterProblem =
  | HeaderProblem
  | { readonly kind: 'not-a-regular-file'; readonly path: string; readonly what: 'directory' | 'device' | 'fifo' | 'socket' | 'other' }
  | { readonly kind: 'unreadable'; readonly path: string; readonly code: string }
  | { readonly kind: 'unknown-format'; readonly path: string }
  | { readonly kind: 'nul-byte'; readonly line: number }
  | { readonly kind: 'not-utf8-later'; readonly line: number }
  | { readonly kind: 'not-text'; readonly line: number }
  /** A workbook (a zip file) given as text: on standard input or under a .csv name. */
  | { readonly kind: 'workbook-as-text' }
  | { readonly kind: 'line-too-long'; readonly line: number }
  | { readonly kind: 'unterminated-quote'; readonly line: number }
  | { readonly kind: 'sheet-not-found'; readonly sheet: string; readonly sheets: readonly string[] }
  | { readonly kind: 'bad-xlsx'; readonly path: string };

/** A line (or a record, quoted line breaks included) longer than this makes the file bad (SPEC 2.3). */
export const MAX_LINE = 1024 * 1024;

export class RosterFileError extends InvalidInput {
  constructor(
    readonly problem: RosterProblem,
    lang: 'en' | 'zh' = 'en',
  ) {
    super(problem.kind, rosterProblemText(problem, lang));
  }
}

const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n.slice(0, 40))).join(', ');

export function rosterProblemText(p: RosterProblem, lang: 'en' | 'zh'): string {
  const zh = lang === 'zh';
  switch (p.kind) {
    case 'duplicate-column':
      return zh
        ? `表头中 ${p.column} 列出现了两次（${quoted(p.headers)}）；请只保留一列。`
        : `Column ${p.column} appears twice in the header (${quoted(p.headers)}); keep one.`;
    case 'missing-id-column':
      return zh
        ? '表头中没有身份证号列（id 或 身份证号）；每一行都需要身份证号。'
        : 'The header has no id column (id or 身份证号); every row needs the identity number.';
    case 'empty-file':
      return zh
        ? '文件是空的：没有表头行；第一行应为列名，如 id,name,employer,hired_on。'
        : 'The file is empty: there is no header row; the first line names the columns, e.g. id,name,employer,hired_on.';
    case 'not-a-regular-file':
      return zh
        ? `<file>：${p.path} 不是普通文件（${{ directory: '目录', device: '设备', fifo: '管道', socket: '套接字', other: '特殊文件' }[p.what]}）；请给出文件路径，或用 - 从标准输入读取。`
        : `<file>: ${p.path} is a ${p.what === 'other' ? 'special file' : p.what}, not a regular file; give the path of a file, or - to read standard input.`;
    case 'unreadable':
      return zh ? `<file>：无法读取 ${p.path}（${p.code}）；请检查路径。` : `<file>: ${p.path} cannot be read (${p.code}); check the path.`;
    case 'unknown-format':
      return zh
        ? `<file>：${p.path} 不是可导入的格式；请用 .xlsx、.csv、.tsv 或 .txt 文件。`
        : `<file>: ${p.path} is not a format sscard imports; use an .xlsx, .csv, .tsv or .txt file.`;
    case 'nul-byte':
      return zh
        ? `第 ${p.line} 行含有 NUL 字节，这不是文本文件；请从表格软件另存为 CSV。`
        : `Line ${p.line} contains a NUL byte, so this is not a text file; save the roster again as CSV from the spreadsheet.`;
    case 'not-utf8-later':
      return zh
        ? `文件开头是 UTF-8，但第 ${p.line} 行不是；文件混用了两种编码，请另存为 CSV UTF-8。`
        : `The file starts as UTF-8 but line ${p.line} is not UTF-8; it mixes encodings, so save it again as CSV UTF-8.`;
    case 'not-text':
      return zh
        ? `第 ${p.line} 行既不是 UTF-8 也不是 GB18030 文本；请另存为 CSV UTF-8。`
        : `Line ${p.line} is neither UTF-8 nor GB18030 text; save the file again as CSV UTF-8.`;
    case 'workbook-as-text':
      return zh
        ? '这是一个 .xlsx 工作簿（zip 文件），不是文本；请以 .xlsx 扩展名的文件路径给出（标准输入只接受 CSV 文本）。'
        : 'This is an .xlsx workbook (a zip file), not text; give it as a file path ending in .xlsx (standard input takes CSV text only).';
    case 'line-too-long':
      return zh ? `第 ${p.line} 行超过 1 MiB，这不是一份花名册；请检查文件。` : `Line ${p.line} is longer than 1 MiB, so this is not a roster; check the file.`;
    case 'unterminated-quote':
      return zh
        ? `第 ${p.line} 行开始的引号没有结束；请补上结尾的双引号（单元格内的引号写作 ""）。`
        : `The quote opened on line ${p.line} is never closed; add the closing double quote (a quote inside a cell is written "").`;
    case 'sheet-not-found':
      return zh
        ? `--sheet：工作簿中没有名为 ${JSON.stringify(p.sheet)} 的工作表；现有：${quoted(p.sheets)}。`
        : `--sheet: the workbook has no sheet ${JSON.stringify(p.sheet)}; it has ${quoted(p.sheets)}.`;
    case 'bad-xlsx':
      return zh
        ? `<file>：${p.path} 不是有效的 .xlsx 工作簿；请在 Excel 中重新另存为 .xlsx。`
        : `<file>: ${p.path} is not a valid .xlsx workbook; save it again as .xlsx from the spreadsheet.`;
  }
}

export type { Column };
