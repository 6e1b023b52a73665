// A progress bar on standard error while a big roster is read, drawn by hand:
// one line rewritten with \r, so no dependency is loaded for it. Drawn only on
// a terminal (SPEC 2.3); a redirected stderr gets nothing.
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

export function progressBar(err: NodeJS.WritableStream & { isTTY?: boolean }, total: number | null, now: () => number = Date.now): ProgressBar {
  if (!err.isTTY) return { update() {}, done() {} };
  let last = -Infinity;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (t - last < INTERVAL_MS) return;
      last = t;
      drawn = true;
      err.write(`\r${progressLine(p, total)}`);
    },
    done() {
      if (drawn) err.write(`\r${' '.repeat(WIDTH + 40)}\r`);
    },
  };
}

export function progressLine(p: RosterProgress, total: number | null): string {
  const rows = `${p.rows.toLocaleString('en-US')} rows`;
  if (!total) return `reading… ${rows}`;
  const share = Math.min(1, p.bytes / total);
  const filled = Math.round(share * WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${rows}`;
}
