// The built CLI as a process of its own (bin/sscard), started without waiting: for what only a process shows
// (a kill at a random point, several writers at once, a TMPDIR of its own). Issue 29's attack tests share it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { BIN, logStderr } from './harness.js';

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function start(
  db: string,
  args: string[],
  options: { killAfterMs?: number; env?: Record<string, string>; signal?: NodeJS.Signals } = {},
): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TZ: 'America/St_Johns', SSCARD_TODAY: '2026-11-24', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (options.killAfterMs !== undefined) setTimeout(() => child.kill(options.signal ?? 'SIGKILL'), options.killAfterMs);
    child.on('close', (code, signal) => {
      logStderr(stderr);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The ledger file and its side files. */
export const SIDE = ['', '-wal', '-shm', '-journal'];
export const snapshot = (db: string) => SIDE.map((s) => (fs.existsSync(db + s) ? fs.readFileSync(db + s).toString('base64') : null));
