// Money and rates as a person reads them: fen as yuan with two decimals
// (SPEC 1.9: computed in integer fen, shown in yuan), rates in percent.
import type { Fen, MilliPercent } from '../../core/contributions.js';

/** 1234567 fen -> "12,345.67". */
export function yuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${thousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A whole number of zero or more, below 1e21 (String writes larger ones in
 * exponent form; sscard's amounts stay far below), with commas between groups
 * of three digits, as toLocaleString('en-US') writes it (test/cli/money.test.ts), without ICU:
 * its first call builds a number format from ICU's locale data, 13.6-14.9 ms
 * here, which every `status` naming a late registration's cost paid (issue 31).
 */
export function thousands(whole: number): string {
  const digits = String(whole);
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return grouped;
}

/** A range of money: one figure when both ends agree. */
export function yuanRange(range: { min: Fen; max: Fen }): string {
  return range.min === range.max ? yuan(range.min) : `${yuan(range.min)} .. ${yuan(range.max)}`;
}

/** 16000 -> "16%", 140 -> "0.14%". */
export function percent(rate: MilliPercent): string {
  const whole = Math.floor(rate / 1000);
  const rest = rate % 1000;
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(3, '0').replace(/0+$/, '')}%`;
}
