// Free text a person types (a name, an employer, a bank, an outlet), on the
// command line or in a roster cell: one rule for both. Two hundred
// characters hold any real name of a person, company or bank branch (the
// longest registered company names are under 100); more is a pasted
// paragraph. C0 control characters and DEL break a terminal line and a CSV
// cell; other unusual characters (C1, bidi overrides) are kept and shown
// escaped on output (SPEC 2.2, src/cli/text/safe-text.ts).

export const TEXT_MAX_LENGTH = 200;

export type TextProblem = 'empty' | 'too-long' | 'control-characters';

/** What is wrong with a text as given (after trimming), or null. */
export function textProblem(text: string): TextProblem | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > TEXT_MAX_LENGTH) return 'too-long';
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'control-characters';
  return null;
}
