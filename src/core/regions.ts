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

/** A lookup over the text of data/regions.tsv ("code<TAB>name" lines). */
export function regionLookup(tsv: string): RegionLookup {
  const text = `\n${tsv}`;
  return (code) => {
    const key = `\n${code}\t`;
    const at = text.indexOf(key);
    if (at === -1) return null;
    const end = text.indexOf('\n', at + key.length);
    return text.slice(at + key.length, end === -1 ? undefined : end);
  };
}
