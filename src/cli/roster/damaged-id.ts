// Identity numbers that Excel has damaged. Excel stores a number cell as a
// double and shows at most 15 significant digits, so an 18-digit identity
// number typed into a cell formatted "General" becomes 1.10105E+17, and the
// digits after the 15th are replaced by zeros for good. The file cannot be
// repaired by sscard; the column must be formatted as text and the file
// exported again from the source (SPEC 2.3).
import { checkCharacter } from '../../core/citizen-id.js';

export type IdDamage =
  /** An xlsx cell of type number in the id column. */
  | { readonly kind: 'number-cell' }
  /** Text in Excel's scientific notation, e.g. 1.10105E+17 or 4.4E+17. */
  | { readonly kind: 'scientific' }
  /** 18 digits ending in zeros that fail the check character: rounded by Excel. */
  | { readonly kind: 'rounded' };

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d{1,2}$/i;

export function idDamage(cell: string, isNumberCell: boolean): IdDamage | null {
  const text = cell.trim();
  // A 15-digit (pre-1999) number fits a double exactly, so only longer ones are damaged.
  if (isNumberCell && !/^\d{15}$/.test(text)) return { kind: 'number-cell' };
  if (SCIENTIFIC.test(text)) return { kind: 'scientific' };
  // 15 significant digits survive, so an 18-digit number loses the last three.
  if (/^\d{15}0{3}$/.test(text) && checkCharacter(text.slice(0, 17)) !== text[17]) return { kind: 'rounded' };
  return null;
}

export function idDamageText(damage: IdDamage, lang: 'en' | 'zh'): string {
  if (lang === 'zh') {
    const what = { 'number-cell': '是数字单元格', scientific: '是科学计数法', rounded: '末几位被 Excel 舍入为 0' }[damage.kind];
    return `身份证号${what}，Excel 已损坏该号码；请将该列设置为“文本”格式，从原始数据重新填入后再导出文件。`;
  }
  const what = {
    'number-cell': 'is a number cell',
    scientific: 'is in scientific notation',
    rounded: 'ends in digits Excel rounded to zeros',
  }[damage.kind];
  return `id ${what}, so Excel has damaged the number; format the column as text, enter the numbers again from the source and export the file again.`;
}
