// Starts the built `sscard serve` (what users run) on a ledger, and reads the
// one address it prints; for the HTTP and browser tests of the web view.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { BIN } from '../e2e/harness.js';

export interface Served {
  /** The printed address, with its token. */
  readonly url: string;
  readonly origin: string;
  readonly host: string;
  readonly token: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  stop(): Promise<void>;
  /** Sends the server a signal (SIGKILL: no exit path runs). */
  kill(signal: NodeJS.Signals): void;
  /** Resolves once the server has exited. */
  exited(): Promise<void>;
}

export async function serve(db: string, options: { today?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [BIN, '--db', db, 'serve', '--no-open', ...(options.args ?? [])], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      TZ: 'America/St_Johns',
      LANG: 'C',
      SSCARD_TODAY: options.today ?? '2026-10-09',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sscard serve printed no address: ${out} ${err}`)), 60_000);
    const look = () => {
      const match = /http:\/\/\S+\?token=\S+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sscard serve exited ${code}: ${err}`));
    });
  });
  const parsed = new URL(url);
  const exited = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });
  return {
    url,
    origin: parsed.origin,
    host: parsed.host,
    token: parsed.searchParams.get('token')!,
    stdout: () => out,
    stderr: () => err,
    kill: (signal) => {
      child.kill(signal);
    },
    exited,
    stop: () => {
      const done = exited();
      child.kill('SIGTERM'); // Node sends nothing to a child that has already exited
      return done;
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP request with exactly these headers (fetch would set its own Host and Origin). */
export function request(
  served: Served,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const target = new URL(path, served.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { Host: served.host, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A session: the printed address's token traded for the cookie, as a browser's first visit does. */
export async function login(served: Served): Promise<string> {
  const answer = await request(served, `/?token=${served.token}`);
  const set = answer.headers['set-cookie']?.[0] ?? '';
  return set.split(';')[0]!;
}

/** The CSRF token a page's forms carry. */
export const csrfOf = (html: string): string => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
