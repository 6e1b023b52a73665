// Terminal columns: East Asian wide characters (CJK ideographs, kana, Hangul,
// full-width punctuation and forms) take two columns (Unicode UAX #11, East
// Asian Width W and F), the rest one. Used by the tables and by --help, whose
// Chinese lines commander could only break at spaces.

/** A wide character: two terminal columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/**
 * Characters a Chinese line may not start with (closing punctuation; GB/T 15834 and W3C clreq's 避头):
 * ，。、；：？！）】」』》〉”’…— and their ASCII kin. Escaped, so that the bundle is ASCII and
 * bin/sscard reads it without decoding UTF-8 (issue 31).
 */
const NO_LINE_START = /[\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff09\u3011\u300d\u300f\u300b\u3009\u201d\u2019\u2026\u2014,.;:?!)\]}%]/;
/** Characters a Chinese line may not end with (opening punctuation, 避尾): （【「『《〈“‘ and ([{, escaped as above. */
const NO_LINE_END = /[\uff08\u3010\u300c\u300e\u300a\u3008\u201c\u2018([{]/;

/** Whether a text may hold a wide character or a colour code; without either, its width is its length. */
const MAYBE_WIDE = /[\u1100-\uffff\x1b]/;

/** WIDE's ranges, for one UTF-16 code unit (a table measures every cell of millions of rows: issue 31). */
const isWide = (c: number): boolean =>
  (c >= 0x1100 && c <= 0x115f) ||
  (c >= 0x2e80 && c <= 0xa4cf) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6);

/**
 * Columns `text` takes in a terminal (colour codes take none): one per
 * character (a surrogate pair is one character, never wide), two for a wide
 * one. Counted by code unit, not by a regular expression per character
 * (issue 31: that was the text table's largest cost).
 */
export function displayWidth(text: string): number {
  if (!MAYBE_WIDE.test(text)) return text.length;
  const plain = text.includes('\x1b') ? text.replace(/\x1b\[\d*(;\d+)*m/g, '') : text;
  let w = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < plain.length) {
      const next = plain.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

/**
 * Pieces of a line between which it may break: at spaces (the space stays in
 * front of the next piece, and is dropped at a break), and between wide
 * characters or a wide and a narrow one, as Chinese text breaks, but never
 * before closing or after opening punctuation, nor inside a word of Latin
 * letters, digits or an option name.
 */
function pieces(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let previous = '';
  for (const ch of line) {
    const space = /\s/.test(ch);
    const breakHere =
      current !== '' &&
      !/^\s+$/.test(current) &&
      (space || (!/\s/.test(previous) && !NO_LINE_START.test(ch) && !NO_LINE_END.test(previous) && (WIDE.test(ch) || WIDE.test(previous))));
    if (breakHere) {
      out.push(current);
      current = '';
    }
    current += ch;
    previous = ch;
  }
  if (current !== '') out.push(current);
  return out;
}

/** `text` wrapped to `width` columns, keeping its own line breaks; a piece wider than the width stands alone. */
export function wrapToWidth(text: string, width: number): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const piece of pieces(line)) {
        if (current !== '' && displayWidth(current) + displayWidth(piece) > width) {
          lines.push(current);
          current = piece.trimStart();
        } else current += piece;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
