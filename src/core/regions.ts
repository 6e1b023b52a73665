// Naming the region of an identity number's 6-digit address code (GB/T 2260).
// Codes abolished since a number was issued stay valid for life, so an
// unknown code is never an error: it is named by the nearest known level.

/** The name of one 6-digit code, or null when the table does not know it. */
export type RegionLookup = (code: string) => string | null;

export function regionName(code: string, lookup: RegionLookup): string | null {
  // Foreign permanent resident IDs carry the issuing province in digits 2-3.
  const address = code[0] === '9' ? `${code.slice(1, 3)}0000` : code;
  return lookup(address) ?? lookup(`${address.slice(0, 4)}00`) ?? lookup(`${address.slice(0, 2)}0000`);
}

/**
 * A table's text as a lookup searches it: a string, or the file's bytes
 * searched in place (a Buffer: `indexOf` finds a string's UTF-8 bytes), so
 * that naming one region does not first copy the 130 KB file into a string
 * (issue 31, `status` start-up); `text` then reads the part found.
 */
export interface TableText {
  indexOf(search: string, from?: number): number;
}

/** A lookup over the text of data/regions.tsv ("code<TAB>name" lines). */
export function regionLookup(tsv: string): RegionLookup;
export function regionLookup<T extends TableText>(tsv: T, text: (tsv: T, start: number, end: number | undefined) => string): RegionLookup;
export function regionLookup(tsv: TableText, text = (t: TableText, start: number, end: number | undefined) => (t as string).slice(start, end)): RegionLookup {
  return (code) => {
    const key = `${code}\t`;
    // A line starts after a line break, or the text does.
    const line = tsv.indexOf(`\n${key}`);
    const at = line !== -1 ? line + 1 : tsv.indexOf(key) === 0 ? 0 : -1;
    if (at === -1) return null;
    const end = tsv.indexOf('\n', at + key.length);
    return text(tsv, at + key.length, end === -1 ? undefined : end);
  };
}

/** A code's region; `abolished` when the code has since gone (the number under it stays valid). */
export interface Region {
  readonly name: string;
  readonly abolished: null | { readonly year: number; readonly successor: string | null };
}

/** An abolished code's name as it was, the year it went, and its successor code where known. */
export type HistoryLookup = (code: string) => { name: string; year: number; successor: string | null } | null;

/**
 * The region of an identity number's code: today's table first, then the codes
 * abolished since 1980 (only read when today's table does not know the code),
 * then, as regionName, the prefecture or province.
 */
export function regionOf(code: string, current: RegionLookup, history: () => HistoryLookup): Region | null {
  const exact = code[0] === '9' ? null : current(code);
  if (exact !== null) return { name: exact, abolished: null };
  const old = code[0] === '9' ? null : history()(code);
  if (old !== null) return { name: old.name, abolished: { year: old.year, successor: old.successor } };
  const fallback = regionName(code, current);
  return fallback === null ? null : { name: fallback, abolished: null };
}

/** A lookup over the text of data/regions-history.tsv ("code<TAB>name<TAB>year<TAB>successor" lines); `text` as for regionLookup. */
export function historyLookup(tsv: string): HistoryLookup;
export function historyLookup<T extends TableText>(tsv: T, text: (tsv: T, start: number, end: number | undefined) => string): HistoryLookup;
export function historyLookup(tsv: TableText, text?: (tsv: TableText, start: number, end: number | undefined) => string): HistoryLookup {
  const line = text ? regionLookup(tsv, text) : regionLookup(tsv as string);
  return (code) => {
    const rest = line(code);
    if (rest === null) return null;
    const [name = '', year = '', successor = ''] = rest.split('\t');
    if (name === '' || !/^\d{4}$/.test(year)) return null;
    return { name, year: Number(year), successor: /^\d{6}$/.test(successor) ? successor : null };
  };
}
