// Money and rates as a person reads them: fen as yuan with two decimals
// (SPEC 1.9: computed in integer fen, shown in yuan), rates in percent.
import type { Fen, MilliPercent } from '../../core/contributions.js';

/** 1234567 fen -> "12,345.67". */
export function yuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
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
