// Terminal columns: East Asian wide characters (CJK ideographs, kana, Hangul,
// full-width punctuation and forms) take two columns (Unicode UAX #11, East
// Asian Width W and F), the rest one. Used by the tables and by --help, whose
// Chinese lines commander could only break at spaces.

/** A wide character: two terminal columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Characters a Chinese line may not start with (closing punctuation; GB/T 15834 and W3C clreq's 避头). */
const NO_LINE_START = /[，。、；：？！）】」』》〉”’…—,.;:?!)\]}%]/;
/** Characters a Chinese line may not end with (opening punctuation, 避尾). */
const NO_LINE_END = /[（【「『《〈“‘([{]/;

/** Columns `text` takes in a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(/\x1b\[\d*(;\d+)*m/g, '')) w += WIDE.test(ch) ? 2 : 1;
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
