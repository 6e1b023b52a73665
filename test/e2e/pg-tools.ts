// Helpers for the shared-ledger tests (issue 30): a superuser connection, a
// role's URL, valid identity numbers in bulk, CLI runs in the background, and
// a loopback proxy that can stop forwarding or cut a connection at a chosen
// statement (the protocol's query text is plain).
import { spawn } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { BIN, logStderr, type RunResult } from './harness.js';

/** A superuser connection to the test server. */
export async function admin<T>(work: (client: pg.Client) => Promise<T>, url = inject('pgUrl')): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const schemaOf = (url: string) => new URL(url).searchParams.get('schema')!;

/** The URL of `user` with `password` on the test server, for the ledger at `url`. */
export function asUser(url: string, user: string, password: string | null): string {
  const u = new URL(url);
  u.username = user;
  u.password = password ?? '';
  return u.toString();
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Valid identity numbers (GB 11643 check character), born from 1970 on, a region code of its own per `region`. */
export function ids(n: number, region = '110101'): string[] {
  return Array.from({ length: n }, (_, i) => {
    const born = new Date(Date.UTC(1970, 0, 1) + (i % 10_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${region}${born}${String(100 + Math.floor(i / 10_000) * 97 + (i % 97)).padStart(3, '0')}`;
    return first17 + '10X98765432'[[...first17].reduce((sum, c, j) => sum + Number(c) * WEIGHTS[j]!, 0) % 11];
  });
}

/** A CLI run in the background, so that several write at the same moment. */
export function runAsync(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'America/St_Johns', LANG: 'C', SSCARD_TODAY: '2026-11-24', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      logStderr(stderr);
      resolve({ code: code ?? -1, stdout, stderr, json: undefined });
    });
  });
}

export interface Proxy {
  readonly port: number;
  /** From now on, when a client sends a message containing `text`: 'freeze' holds it and everything after (a server that stopped answering); 'cut' closes both sides. */
  when(text: string, action: 'freeze' | 'cut'): void;
  /** Accept connections but never answer them. */
  silentFromStart(): void;
  close(): Promise<void>;
}

/** A TCP proxy on loopback to `target` (host:port). */
export async function proxy(targetPort: number, targetHost = '127.0.0.1'): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  let rule: { text: string; action: 'freeze' | 'cut' } | null = null;
  let silent = false;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    if (silent) return;
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    let frozen = false;
    client.on('data', (data) => {
      if (frozen) return;
      if (rule && data.includes(rule.text)) {
        if (rule.action === 'cut') {
          client.destroy();
          upstream.destroy();
          return;
        }
        frozen = true;
        return;
      }
      upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (!frozen) client.write(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    when(text, action) {
      rule = { text, action };
    },
    silentFromStart() {
      silent = true;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The URL `url` through the proxy's port. */
export function through(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}
