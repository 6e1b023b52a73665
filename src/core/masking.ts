// Identity numbers are personal information (PIPL): output shows them masked
// unless --reveal, and error messages never carry them. No dependencies, so
// the command line's entry bundle can use it without loading the rules.
/** `110105********002X`: the first six and last four characters. */
export function maskId(number: string): string {
  return number.length <= 10 ? '*'.repeat(number.length) : number.slice(0, 6) + '*'.repeat(number.length - 10) + number.slice(-4);
}

/**
 * Masks anything in free text that looks like an identity number (15 to 18
 * digits, or 17 and an X): for messages that quote user input back, such as
 * "unknown command '...'", so that a number typed in the wrong place is not
 * printed in full.
 */
export function redactIds(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])\d{15,17}[\dXx]?(?![0-9A-Za-z])/g, (match) => (match.length >= 15 ? maskId(match.toUpperCase()) : match));
}
