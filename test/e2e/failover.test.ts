// Losing the server (SPEC 3.2 v3, issue 30): a real primary and a real
// streaming standby (Debian's PostgreSQL server binaries and pg_basebackup,
// which .ci/run installs), a synchronous standby so that a commit is
// acknowledged only once the standby has it, clerks writing through one
// multi-host URL; the primary is killed (its whole process group, as a lost
// machine), the standby promoted, and the same URL goes on working with every
// acknowledged write there.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunResult, run } from './harness.js';
import { ids, runAsync } from './pg-tools.js';

/** The newest Debian PostgreSQL server with the binaries the test needs, if any. */
const BIN_DIR = (() => {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = path.join(root, v, 'bin');
    if (['initdb', 'postgres', 'pg_basebackup'].every((b) => fs.existsSync(path.join(dir, b)))) return dir;
  }
  return null;
})();

/** PostgreSQL refuses to run as root: as root, the servers run as the user postgres (as test/pg-server.ts does). */
const runAs = ((): { uid?: number; gid?: number } | null => {
  if (process.getuid?.() !== 0) return {};
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    return null;
  }
})();

const SKIP =
  BIN_DIR === null
    ? 'no PostgreSQL server binaries under /usr/lib/postgresql (.ci/run installs the Debian package postgresql)'
    : runAs === null
      ? 'running as root without a user postgres to run the servers'
      : null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const servers: ChildProcess[] = [];
let root: string | null = null;
afterAll(() => {
  for (const s of servers) {
    try {
      process.kill(-s.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const tool = (name: string, args: string[]) => execFileSync(path.join(BIN_DIR!, name), args, { ...runAs, stdio: 'pipe', timeout: 60_000 });

function startServer(dataDir: string, port: number, extra: string[] = []): ChildProcess {
  const child = spawn(
    path.join(BIN_DIR!, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-k', path.dirname(dataDir), '-c', 'listen_addresses=127.0.0.1', ...extra],
    { ...runAs, detached: true, stdio: 'ignore' },
  );
  servers.push(child);
  return child;
}

async function query<R extends pg.QueryResultRow>(port: number, sql: string): Promise<R[]> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function until(what: string, test: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if (await test()) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('losing the primary', () => {
  it.skipIf(SKIP !== null)(
    `a multi-host URL goes on working after the primary is killed and the standby promoted, with no acknowledged write lost${SKIP ? ` (skipped: ${SKIP})` : ''}`,
    { timeout: 120_000 },
    async () => {
      root = fs.mkdtempSync('/tmp/sscard-failover-');
      fs.chmodSync(root, 0o755);
      if (runAs?.uid !== undefined) fs.chownSync(root, runAs.uid, runAs.gid!);
      const [primaryDir, standbyDir] = [path.join(root, 'primary'), path.join(root, 'standby')];
      const [p1, p2] = [await freePort(), await freePort()];
      tool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8']);
      const primary = startServer(primaryDir, p1);
      await until('the primary', async () => (await query(p1, 'SELECT 1')).length === 1);
      tool('pg_basebackup', ['-D', standbyDir, '-h', '127.0.0.1', '-p', String(p1), '-U', 'postgres', '-R', '-X', 'stream']);
      startServer(standbyDir, p2);
      await until(
        'streaming',
        async () => (await query<{ n: string }>(p1, "SELECT count(*) AS n FROM pg_stat_replication WHERE state = 'streaming'"))[0]!.n === '1',
      );
      // Synchronous: a commit is acknowledged once the standby has flushed it.
      await query(p1, "ALTER SYSTEM SET synchronous_standby_names = '*'");
      await query(p1, 'SELECT pg_reload_conf()');
      await until('the synchronous standby', async () => (await query<{ s: string }>(p1, 'SELECT sync_state AS s FROM pg_stat_replication'))[0]!.s === 'sync');

      const url = `postgres://postgres@127.0.0.1:${p1},127.0.0.1:${p2}/postgres?target_session_attrs=read-write&connect_timeout=2&statement_timeout=5`;
      const at = (args: string[]) => run(['--db', url, ...args], { SSCARD_TODAY: '2026-11-24' });
      expect(at(['register-employee', '--id', '11010519491231002X', '--employer', 'Acme Ltd', '--hired-on', '2026-11-01', '--pending']).code).toBe(0);
      // A synchronous standby has flushed the commit, not necessarily replayed it: the read below found no ledger there
      // once in a loaded full run (issue 25's measurement). It waits until the standby has replayed the write.
      const written = (await query<{ lsn: string }>(p1, 'SELECT pg_current_wal_lsn()::text AS lsn'))[0]!.lsn;
      await until(
        'the standby replayed the write',
        async () => (await query<{ ok: boolean }>(p2, `SELECT pg_last_wal_replay_lsn() >= '${written}'::pg_lsn AS ok`))[0]!.ok,
      );
      const reads = run(['--db', url.replace('read-write', 'prefer-standby'), 'status', '11010519491231002X'], { SSCARD_TODAY: '2026-11-24' });
      expect(reads.code, reads.stderr).toBe(0);

      // Three clerks write one hire after another; what exits 0 was acknowledged.
      const people = ids(300, '110107');
      const acknowledged: string[] = [];
      const failures: string[] = [];
      let promoted = false;
      let afterPromotion = 0;
      const clerk = async (w: number) => {
        for (let i = w; i < people.length && afterPromotion < 3; i += 3) {
          const r: RunResult = await runAsync([
            '--db',
            url,
            'register-employee',
            '--id',
            people[i]!,
            '--employer',
            `Clerk ${w}`,
            '--hired-on',
            '2026-11-02',
            '--pending',
          ]);
          if (r.code === 0) {
            acknowledged.push(people[i]!);
            if (promoted) afterPromotion++;
          } else failures.push(r.stderr);
        }
      };
      const clerks = [0, 1, 2].map(clerk);
      await until('some writes', async () => acknowledged.length >= 3);
      // The primary's machine is lost: every one of its processes at once.
      process.kill(-primary.pid!, 'SIGKILL');
      await query(p2, 'SELECT pg_promote(true, 30)');
      promoted = true;
      await Promise.all(clerks);
      expect(afterPromotion).toBeGreaterThanOrEqual(3);
      // Failures while there was no primary are sentences, not internal errors.
      for (const f of failures) expect(f).toMatch(/^sscard: [^\n]+\n$/);
      for (const f of failures) expect(f).not.toMatch(/internal/i);
      const listed = run(['--db', url, 'people', '--json', '--reveal'], { SSCARD_TODAY: '2026-11-24' });
      expect(listed.code, listed.stderr).toBe(0);
      const present = new Set((listed.json.people as { id: string }[]).map((p) => p.id));
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    },
  );
});
