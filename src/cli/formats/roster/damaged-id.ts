// Identity numbers that Excel has damaged. Excel stores a number cell as a
// double and shows at most 15 significant digits, so an 18-digit identity
// number typed into a cell formatted "General" becomes 1.10105E+17, and the
// digits after the 15th are replaced by zeros for good. The file cannot be
// repaired by sscard; the column must be formatted as text and the file
// exported again from the source (SPEC 2.3).
import { checkCharacter } from '../../../core/citizen-id.js';

export type { IdDamage } from '../problems.js';
import type { IdDamage } from '../problems.js';

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d{1,2}$/i;

export function idDamage(cell: string, isNumberCell: boolean): IdDamage | null {
  const text = cell.trim();
  // A 15-digit (pre-1999) number fits a double exactly, so only longer ones are damaged.
  if (isNumberCell && !/^\d{15}$/.test(text)) return { kind: 'number-cell' };
  // Each row of an import asks: a text that cannot match (second character neither '.' nor 'e', or not ending
  // in 000) is not put to the regular expressions.
  const second = text.charCodeAt(1) | 0x20; // '.' (0x2e) stays itself, 'E' becomes 'e'
  if ((second === 0x2e || second === 0x65) && SCIENTIFIC.test(text)) return { kind: 'scientific' };
  // 15 significant digits survive, so an 18-digit number loses the last three.
  if (text.length === 18 && text.endsWith('000') && /^\d{15}0{3}$/.test(text) && checkCharacter(text.slice(0, 17)) !== text[17]) return { kind: 'rounded' };
  return null;
}
