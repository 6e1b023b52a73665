// Naming the region of an identity number's 6-digit address code (GB/T 2260).
// Codes abolished since a number was issued stay valid for life, so an
// unknown code is never an error: it is named by the nearest known level.

export type RegionTable = Readonly<Record<string, string>>;

export function regionName(code: string, table: RegionTable): string | null {
  // Foreign permanent resident IDs carry the issuing province in digits 2-3.
  const address = code[0] === '9' ? `${code.slice(1, 3)}0000` : code;
  return table[address] ?? table[`${address.slice(0, 4)}00`] ?? table[`${address.slice(0, 2)}0000`] ?? null;
}
