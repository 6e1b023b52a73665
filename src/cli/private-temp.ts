// The one place sscard keeps temporary files (issue 29 items 1 and 2): a
// directory of this process's own under the system's temporary directory,
// `sscard-PID-XXXXXXXX`, mode 0700, made on first use. What goes there holds
// personal data (standard input spooled for a retry), so it is removed on every
// exit path: a normal end, an error, Ctrl-C, SIGTERM or SIGHUP; after a SIGKILL
// or a power cut, by the next run (its process id is dead). The text tables of
// due and people keep their measured rows here beyond a few MB
// (commands/shared/aligned-table.ts). The web view keeps an uploaded roster
// until it is confirmed in a directory named the same way (sweptTempDir),
// which a killed server leaves to the next run. Nothing else sscard runs
// writes temporary files: the workbook reader (formats/roster/xlsx.ts) reads
// the zip in place.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { removeLeftovers } from '../store/leftovers.js';

/** A private directory's name: this prefix, the process id, a dash and 8 random hex digits. */
const PREFIX = 'sscard-';
const REST = /^(\d+)-[0-9a-f]{8}$/;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

let dir: string | null = null;

function remove(): void {
  if (dir === null) return;
  fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
}

/** Removes the directory, then lets the signal end the process as it would have (its exit status included). */
function onSignal(signal: NodeJS.Signals): void {
  remove();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/** This process's private temporary directory, made (0700) on first use. */
export function privateTempDir(): string {
  if (dir !== null) return dir;
  dir = sweptTempDir();
  process.once('exit', remove);
  for (const s of SIGNALS) process.once(s, onSignal);
  return dir;
}

/**
 * A new directory (0700) named as this process's private one, which the
 * caller removes itself: the web view's uploads, at confirmation or when the
 * server closes. Should the process be killed first, the next run removes it
 * as it removes a killed run's private directory (removeDeadTempDirs).
 */
export function sweptTempDir(): string {
  const made = path.join(systemTempDir(), `${PREFIX}${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.mkdirSync(made, { mode: 0o700 });
  return made;
}

/** The directories of sscard runs that ended without removing theirs (killed): at each start. */
export function removeDeadTempDirs(): void {
  removeLeftovers(systemTempDir(), PREFIX, REST);
}

/**
 * The system's temporary directory, found as os.tmpdir() finds it outside
 * Windows: TMPDIR, TMP or TEMP, else /tmp, without a trailing slash. Found
 * here because node:os is a module of its own, which every command loaded at
 * start only for this (removeDeadTempDirs): some 0.25 ms of `status`'s
 * start-up (issue 31). Windows asks node:os, whose rules there are others.
 */
export function systemTempDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return (require('node:os') as typeof import('node:os')).tmpdir();
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}
