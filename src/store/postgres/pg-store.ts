// Opens a shared ledger in PostgreSQL (SPEC 3.2): connects (to the first
// suitable host of several), recognises the schema as an sscard ledger (or
// creates it on a first write), migrates it forward. Its own lazily loaded
// bundle (scripts/build.mjs): only a postgres:// URL loads the driver.
import pg from 'pg';
import { Refused, refused } from '../../core/errors.js';
import { type PostgresHost, type PostgresLocation, parsePostgresUrl, type SessionAttrs } from '../location.js';
import { connectTimeout, failure, noSuchServer, type Phase, RETRYABLE, Silent, sqlState, standby, unreachable } from './failure.js';
import { type CopyIn, end, PostgresStore, type Query } from './ledger.js';
import { APPLICATION, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export interface PostgresOpenOptions {
  /** Create the schema when it does not exist (commands that write). */
  readonly create: boolean;
  /** ISO timestamp of this run, stamped on every event written. */
  readonly now: string;
}

const ident = (name: string) => `"${name}"`; // names are checked to [a-z0-9_] in parsePostgresUrl

type Found = { kind: 'absent' } | { kind: 'ledger'; version: number } | { kind: 'foreign' };

/** How long sscard waits past the server's own statement_timeout before it takes the server for silent (a stopped process answers nothing). */
const GRACE_MS = 2000;
/** How long sscard waits for the rewrite of a purged ledger's tables. */
const PATIENT_MS = 15 * 60_000;

/**
 * Opens the ledger at `url`, or returns null when its schema does not exist
 * and `create` is false (a read of an empty ledger). A schema that is not an
 * sscard ledger, or is newer than this version, is refused untouched.
 */
export async function openPostgresStore(url: string, options: PostgresOpenOptions): Promise<PostgresStore | null> {
  const location = parsePostgresUrl(url, process.env);
  const { client, q } = await connect(location, options.create);
  let phase: Phase = 'read';
  try {
    let found = await identify(q, location);
    if (found.kind === 'absent' && !options.create) {
      await end(client);
      return null;
    }
    if (found.kind === 'absent' || (found.kind === 'ledger' && found.version < SCHEMA_VERSION)) {
      phase = found.kind === 'absent' ? 'create' : 'migrate';
      found = await migrate(q, location);
      phase = 'read';
    }
    refuseForeign(found, location);
    await q(`SET search_path TO ${ident(location.schema)}`);
    // Purge's table rewrite (VACUUM FULL) may rightly take longer than a statement: a limit of its own.
    return new PostgresStore(client, q, timedCopy(client, location), options.now, location, timedQuery(client, location, PATIENT_MS));
  } catch (error) {
    await end(client);
    throw failure(error, location, phase);
  }
}

/**
 * Every query through a timer: a server that stops answering (a stopped
 * process, a dead link that TCP has not noticed) ends the command with a
 * sentence after the statement timeout and a grace, and the connection is
 * cut, so that the server rolls back whatever was open (SPEC 3.2 v3).
 */
function timedQuery(client: pg.Client, location: PostgresLocation, limit = location.timeouts.statement + GRACE_MS): Query {
  return async (text, params) => {
    const timer = silentAfter(client, limit);
    try {
      return (await Promise.race([client.query(text, params as unknown[]), timer.silent])).rows;
    } finally {
      timer.stop();
    }
  };
}

/** Rejects after `limit` ms, cutting the connection (the server then rolls back what was open); `stop` when the answer came. */
function silentAfter(client: pg.Client, limit: number): { silent: Promise<never>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      reject(new Silent(`no answer within ${limit} ms`));
    }, limit);
  });
  return { silent, stop: () => clearTimeout(timer) };
}

/**
 * `COPY ... FROM STDIN` of rows in COPY's text format, the statement, its
 * data and its end written at once (protocol messages Query, CopyData,
 * CopyDone). The server reads the data after the statement, and ignores it
 * when the statement fails (PostgreSQL manual, "Message Flow", COPY
 * Operations). pg-copy-streams waited for the server's CopyInResponse
 * before it sent the data, and the client reads that answer only when it
 * next yields to the event loop: while an import decided its next rows, the
 * server waited (issue 31).
 */
class CopyText implements pg.Submittable {
  constructor(
    private readonly sql: string,
    private readonly data: Buffer,
    private readonly settle: (error: Error | null) => void,
  ) {}

  submit(connection: pg.Connection): void {
    connection.query(this.sql);
    const head = Buffer.alloc(5);
    head[0] = 0x64; // 'd' CopyData: its length counts itself, not the type byte
    head.writeUInt32BE(this.data.length + 4, 1);
    connection.stream.write(head);
    connection.stream.write(this.data);
    connection.stream.write(Buffer.from([0x63, 0, 0, 0, 4])); // 'c' CopyDone
  }

  // The driver's calls: the answer is the statement's end (ReadyForQuery) or its error (then no ReadyForQuery call).
  handleCopyInResponse(): void {}
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {
    this.settle(null);
  }
  handleError(error: Error): void {
    this.settle(error);
  }
  /** (The driver replaces it with its timeout, when query_timeout is set.) */
  callback(): void {}
}

/** COPY FROM STDIN (CopyText: the driver has no COPY of its own) under the same timer as every query. */
function timedCopy(client: pg.Client, location: PostgresLocation, limit = location.timeouts.statement + GRACE_MS): CopyIn {
  return async (sql, text) => {
    const done = new Promise<void>((resolve, reject) => {
      client.query(new CopyText(sql, Buffer.from(text), (error) => (error ? reject(error) : resolve())));
    });
    const timer = silentAfter(client, limit);
    try {
      await Promise.race([done, timer.silent]);
    } finally {
      timer.stop();
    }
  };
}

/**
 * A connection to the first host of the URL that is of the kind asked for
 * (libpq's target_session_attrs, implemented here: node-postgres has neither
 * several hosts nor the attribute, node-postgres issue 2781). A command that
 * writes always needs a server that accepts writes, whatever the URL says for
 * reads (`prefer-standby` sends reads to a standby). Each host is asked what
 * it is (`pg_is_in_recovery()`, `transaction_read_only`) after it answers.
 */
async function connect(location: PostgresLocation, write: boolean): Promise<{ client: pg.Client; q: Query }> {
  const wanted: SessionAttrs = write ? 'read-write' : location.sessionAttrs;
  let lastFailure: unknown = null;
  let otherKind = 0;
  let fallback: { client: pg.Client; q: Query } | null = null;
  for (const host of location.hosts) {
    let opened: { client: pg.Client; q: Query };
    try {
      opened = await connectTo(host, location);
    } catch (error) {
      lastFailure = error;
      // A wrong password or database is the same on every host: no use trying the others.
      if (error instanceof Refused && error.code !== 'db-unreachable' && error.code !== 'db-connect-timeout') break;
      continue;
    }
    if (wanted === 'any') return opened;
    let kind: { recovery: boolean; readOnly: boolean };
    try {
      const [row] = await opened.q<{ recovery: boolean; read_only: string }>(
        "SELECT pg_is_in_recovery() AS recovery, current_setting('transaction_read_only') AS read_only",
      );
      kind = { recovery: row!.recovery, readOnly: row!.read_only === 'on' };
    } catch (error) {
      await end(opened.client);
      lastFailure = failure(error, location);
      continue;
    }
    const matches = wanted === 'read-write' ? !kind.readOnly : wanted === 'read-only' ? kind.readOnly : wanted === 'primary' ? !kind.recovery : kind.recovery; // standby, prefer-standby
    if (matches) {
      if (fallback) await end(fallback.client);
      return opened;
    }
    otherKind++;
    if (wanted === 'prefer-standby' && fallback === null) fallback = opened;
    else await end(opened.client);
  }
  if (fallback) return fallback;
  if (otherKind > 0) throw location.hosts.length === 1 && wanted === 'read-write' ? standby(location) : noSuchServer(location, wanted);
  throw lastFailure ?? unreachable(location, 'no host');
}

async function connectTo(host: PostgresHost, location: PostgresLocation): Promise<{ client: pg.Client; q: Query }> {
  const { connect, statement, keepalive } = location.timeouts;
  // The driver reads PGPASSWORD, ~/.pgpass, PGSSLMODE and the other PG* variables itself.
  const client = new pg.Client({
    connectionString: host.url,
    application_name: 'sscard',
    connectionTimeoutMillis: connect,
    keepAlive: true,
    keepAliveInitialDelayMillis: keepalive,
    // The server's own limits, so that a slow statement or a long lock wait ends with its clean error first:
    // a wait for another user's import (55P03) a second before the statement's (57014).
    statement_timeout: statement,
    lock_timeout: Math.max(statement - 1000, Math.ceil(statement / 2)),
  });
  // A connection the server drops between queries: the next query fails with a sentence; no crash meanwhile.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await end(client);
    if (sqlState(error) !== undefined) throw failure(error, location);
    const message = String((error as Error).message);
    if (/timeout/i.test(message)) throw connectTimeout(location);
    throw unreachable(location, message);
  }
  return { client, q: timedQuery(client, location) };
}

async function identify(q: Query, location: PostgresLocation): Promise<Found> {
  const rows = await q<{ present: boolean; usable: boolean; relations: string; meta: boolean }>(
    `SELECT n.oid IS NOT NULL AS present, coalesce(has_schema_privilege(n.oid, 'USAGE'), false) AS usable,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid) AS relations,
            CASE WHEN has_schema_privilege(n.oid, 'USAGE') THEN to_regclass(quote_ident($1) || '.meta') IS NOT NULL END AS meta
       FROM (SELECT $1::text AS name) s LEFT JOIN pg_namespace n ON n.nspname = s.name`,
    [location.schema],
  );
  const found = rows[0]!;
  // An empty schema (made by an administrator for the ledger) is as good as none.
  if (!found.present || Number(found.relations) === 0) return { kind: 'absent' };
  // Tables this role may not even look up: a role without access, not someone else's schema.
  if (!found.usable) throw failure(Object.assign(new Error('permission denied for schema'), { code: '42501' }), location, 'read');
  if (!found.meta) return { kind: 'foreign' };
  try {
    const meta = await q<{ application: string; version: number }>(`SELECT application, version FROM ${ident(location.schema)}.meta`);
    const [row] = meta;
    return meta.length === 1 && row!.application === APPLICATION ? { kind: 'ledger', version: row!.version } : { kind: 'foreign' };
  } catch (error) {
    if (sqlState(error) === '42703') return { kind: 'foreign' }; // someone else's table called meta
    throw error;
  }
}

function refuseForeign(found: Found, location: PostgresLocation): void {
  if (found.kind === 'foreign') {
    throw refused('not-a-ledger', { schema: location.schema, ledger: location.display });
  }
  if (found.kind === 'ledger' && found.version > SCHEMA_VERSION) {
    throw refused('ledger-too-new', { ledger: location.display, version: found.version, known: SCHEMA_VERSION });
  }
}

/** Attempts of a migration that met a concurrent one (two first writers at once). */
const MIGRATION_ATTEMPTS = 5;

/**
 * Creates or moves the schema forward, once. No advisory lock (Citus keeps
 * advisory locks per node, and a lock by hashtext() is a guess at
 * uniqueness): every migration is idempotent (IF NOT EXISTS, OR REPLACE), the
 * version moves only from the version read (UPDATE ... WHERE version = old),
 * and two first writers at once collide on the catalogue's unique indexes or
 * on meta: the loser rolls back and re-reads what the winner made.
 */
async function migrate(q: Query, location: PostgresLocation): Promise<Found> {
  for (let attempt = 1; ; attempt++) {
    await q('BEGIN');
    try {
      const found = await identify(q, location);
      refuseForeign(found, location);
      const version = found.kind === 'ledger' ? found.version : 0;
      if (version < SCHEMA_VERSION) {
        // Asked first: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists (made for the owner by an administrator).
        const present = (await q('SELECT 1 FROM pg_namespace WHERE nspname = $1', [location.schema])).length > 0;
        if (!present) await q(`CREATE SCHEMA IF NOT EXISTS ${ident(location.schema)}`);
        await q(`SET LOCAL search_path TO ${ident(location.schema)}`);
        for (let v = version; v < SCHEMA_VERSION; v++) await q(MIGRATIONS[v]!);
        if (version === 0) {
          // meta's one row: a unique index makes a second first writer fail here (23505) rather than add a second row.
          await q('INSERT INTO meta (application, version) VALUES ($1, $2)', [APPLICATION, SCHEMA_VERSION]);
        } else {
          const moved = await q('UPDATE meta SET version = $1 WHERE version = $2 RETURNING version', [SCHEMA_VERSION, version]);
          if (moved.length !== 1) throw Object.assign(new Error('meta moved meanwhile'), { code: '40001' });
        }
      }
      await q('COMMIT');
      return { kind: 'ledger', version: SCHEMA_VERSION };
    } catch (error) {
      await q('ROLLBACK').catch(() => undefined);
      const code = sqlState(error) ?? '';
      // 42P07 duplicate_table, 42710 duplicate_object, 42P06 duplicate_schema: the other first writer's objects.
      if (attempt < MIGRATION_ATTEMPTS && (RETRYABLE.has(code) || ['42P07', '42710', '42P06'].includes(code))) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
        continue;
      }
      throw error;
    }
  }
}
