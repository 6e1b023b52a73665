// A progress bar on standard error while a big roster is read, drawn by hand:
// one line rewritten with \r, so no dependency is loaded for it. Drawn only on
// a terminal (SPEC 2.3): the caller decides from the process's stderr, since
// the sink it draws on (the context's guarded writer) cannot tell (issue 28:
// the bar asked the writer and never appeared). Its words are the catalogue's.
export interface RosterProgress {
  readonly rows: number;
  readonly bytes: number;
  /** The file's size; null for standard input. */
  readonly totalBytes: number | null;
}

export interface ProgressBar {
  update(progress: RosterProgress): void;
  /** Clears the line. */
  done(): void;
}

const WIDTH = 30;
/** Redraw at most this often, so a fast import spends no time drawing. */
const INTERVAL_MS = 100;

/** The bar's words in the user's language. */
export interface ProgressWords {
  rows(count: number): string;
  /** Standard input: no total to measure against. */
  reading(rows: string): string;
}

export function progressBar(err: { write(text: string): unknown }, total: number | null, words: ProgressWords, now: () => number = Date.now): ProgressBar {
  let last = -Infinity;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (t - last < INTERVAL_MS) return;
      last = t;
      drawn = true;
      err.write(`\r${progressLine(p, total, words)}`);
    },
    done() {
      if (drawn) err.write(`\r${' '.repeat(WIDTH + 40)}\r`);
    },
  };
}

export function progressLine(p: RosterProgress, total: number | null, words: ProgressWords): string {
  const rows = words.rows(p.rows);
  if (!total) return words.reading(rows);
  const share = Math.min(1, p.bytes / total);
  const filled = Math.round(share * WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${rows}`;
}
