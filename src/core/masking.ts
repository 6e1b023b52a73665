// Identity numbers are personal information (PIPL): output shows them masked
// unless --reveal, and error messages never carry them. No dependencies, so
// the command line's entry bundle can use it without loading the rules.
/** `110105********002X`: the first six and last four characters. */
export function maskId(number: string): string {
  return number.length <= 10 ? '*'.repeat(number.length) : number.slice(0, 6) + '*'.repeat(number.length - 10) + number.slice(-4);
}

/** A number as maskId shows an 18-character one (`110105********002X`): what a masked export holds in place of the number. */
export function isMaskedId(text: string): boolean {
  // Most texts hold no asterisk (each row of an import asks): no regular expression for them.
  return text.includes('*') && /^\d{6}\*{8}[\dXx]{4}$/.test(text.trim());
}

/**
 * Masks anything in free text that looks like an identity number: 18
 * characters (17 digits and a digit or X, either case) or a first-generation
 * 15-digit number, wherever it stands, letters on either side included
 * (`/x/emp<ID>data/x.db`, a header cell `x<ID>`): for messages that quote
 * user input back, such as "unknown command '...'" or a path, so that a
 * number typed in the wrong place is not printed in full. Longer runs of
 * digits are not identity numbers and stay as they are.
 */
export function redactIds(text: string): string {
  return text.replace(/(?<!\d)(?:\d{17}[\dXx]|\d{15})(?!\d)/g, (match) => maskId(match.toUpperCase()));
}
