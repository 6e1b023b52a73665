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
 * Removes the entries of `dir` named `prefix` then a text `rest` matches (its
 * group 1 is the process id) whose process is gone; directories with what
 * they hold. Names without the prefix are passed over before the pattern
 * runs, since V8 compiles a pattern on its first use (two patterns, about
 * 0.2 ms of every command's start, issue 31), and a directory usually holds no
 * leftover at all. Silent: a leftover that cannot be removed must not stop
 * the command.
 */
export function removeLeftovers(dir: string, prefix: string, rest: RegExp): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = rest.exec(name.slice(prefix.length));
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // not ours to remove (another user's), or gone meanwhile
    }
  }
}

/** What a staging file's name adds to the ledger's: then the process id, and a side file's suffix. */
const STAGING = '.sscard-new-';
const STAGING_REST = /^(\d+)(?:-wal|-shm|-journal)?$/;

/** A new ledger being written beside its final name by a bulk import (first-write.ts's createByRename), and its side files. */
export function stagingName(file: string, pid = process.pid): string {
  return `${file}${STAGING}${pid}`;
}

/** The staging files of imports into a new ledger at `file` that were killed (issue 29 item 2). */
export function removeDeadStaging(file: string): void {
  removeLeftovers(path.dirname(path.resolve(file)), `${path.basename(file)}${STAGING}`, STAGING_REST);
}
