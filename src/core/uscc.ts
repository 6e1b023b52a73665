// The unified social credit code (统一社会信用代码) of an employer, GB
// 32100-2015 《法人和其他组织统一社会信用代码编码规则》: 18 characters from
// the code's 31-character alphabet (digits and capital letters without I, O,
// S, V, Z): the registering authority (1), the kind of organisation (1), the
// registering authority's administrative division (6 digits, GB/T 2260), the
// organisation code (9) and a check character (1) computed modulo 31 with
// the weights 3^i mod 31. Checked as python-stdnum's cn.uscc does (its test
// cases are in test/core/uscc.test.ts).

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** What is wrong with a code; the CLI words it. */
export type UsccProblem = 'length' | 'character' | 'division' | 'check';

export type UsccCheck = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly problem: UsccProblem };

/** The check character for the first 17 characters (all from the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The code as stored (capitals, without the spaces and hyphens people type
 * between its groups), or what is wrong with it.
 */
export function checkUscc(input: string): UsccCheck {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'length' };
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return { ok: false, problem: 'character' };
  // Characters 3-8 are an administrative division code: digits only.
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, problem: 'division' };
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return { ok: false, problem: 'check' };
  return { ok: true, code };
}
