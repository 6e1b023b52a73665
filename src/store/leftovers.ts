// Files a killed sscard process leaves behind (SIGKILL, a power cut: no exit
// path runs) hold personal data where `purge` never looks. They are named with
// their process's id, so the next run removes those whose process is gone
// (issue 29 item 2), and never one another live process is still writing.
import fs from 'node:fs';
import path from 'node:path';

/** Whether a process with this id exists (EPERM: it exists but is someone else's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `dir` that `pattern` matches (its group 1 is the
 * process id) and whose process is gone; directories with what they hold.
 * `prefix` is the text every such name starts with: other names are passed
 * over without the pattern, which V8 compiles on its first use (two patterns,
 * about 0.2 ms of every command's start, issue 31, where a directory
 * usually holds no leftover at all). Silent: a leftover that cannot be
 * removed must not stop the command.
 */
export function removeLeftovers(dir: string, prefix: string, pattern: RegExp): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = pattern.exec(name);
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // not ours to remove (another user's), or gone meanwhile
    }
  }
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A new ledger being written beside its final name by a bulk import (first-write.ts's createByRename), and its side files. */
export function stagingName(file: string, pid = process.pid): string {
  return `${file}.sscard-new-${pid}`;
}

/** The staging files of imports into a new ledger at `file` that were killed (issue 29 item 2). */
export function removeDeadStaging(file: string): void {
  const base = path.basename(file);
  removeLeftovers(path.dirname(path.resolve(file)), `${base}.sscard-new-`, new RegExp(`^${literal(base)}\\.sscard-new-(\\d+)(?:-wal|-shm|-journal)?$`));
}
