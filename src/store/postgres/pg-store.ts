// Opens a shared ledger in PostgreSQL (SPEC 3.2): connects, recognises the
// schema as an sscard ledger (or creates it on a first write), migrates it
// forward. Its own lazily loaded bundle (scripts/build.mjs): only a
// postgres:// URL loads the driver.
import pg from 'pg';
import { Refused } from '../../core/errors.js';
import { parsePostgresUrl, type PostgresLocation } from '../location.js';
import { failure, sqlState, unreachable } from './failure.js';
import { PostgresStore } from './ledger.js';
import { APPLICATION, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export interface PostgresOpenOptions {
  /** Create the schema when it does not exist (commands that write). */
  readonly create: boolean;
  /** ISO timestamp of this run, stamped on every event written. */
  readonly now: string;
}

const ident = (name: string) => `"${name}"`; // names are checked to [a-z0-9_] in parsePostgresUrl

type Found = { kind: 'absent' } | { kind: 'ledger'; version: number } | { kind: 'foreign' };

/**
 * Opens the ledger at `url`, or returns null when its schema does not exist
 * and `create` is false (a read of an empty ledger). A schema that is not an
 * sscard ledger, or is newer than this version, is refused untouched.
 */
export async function openPostgresStore(url: string, options: PostgresOpenOptions): Promise<PostgresStore | null> {
  const location = parsePostgresUrl(url);
  // The driver reads PGPASSWORD, ~/.pgpass, PGSSLMODE and the other PG* variables itself.
  const client = new pg.Client({ connectionString: location.url, connectionTimeoutMillis: 15_000, application_name: 'sscard' });
  // A connection the server drops between queries: the next query fails with a sentence; no crash meanwhile.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if (sqlState(error) === undefined) throw unreachable(location, (error as Error).message);
    throw failure(error, location);
  }
  try {
    let found = await identify(client, location);
    if (found.kind === 'absent' && !options.create) {
      await client.end();
      return null;
    }
    if (found.kind === 'absent' || (found.kind === 'ledger' && found.version < SCHEMA_VERSION)) found = await migrate(client, location);
    refuseForeign(found, location);
    await client.query(`SET search_path TO ${ident(location.schema)}`);
    return new PostgresStore(client, options.now, location);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw failure(error, location);
  }
}

async function identify(client: pg.Client, location: PostgresLocation): Promise<Found> {
  const { rows } = await client.query<{ present: boolean; relations: string; meta: boolean }>(
    `SELECT n.oid IS NOT NULL AS present,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid) AS relations,
            to_regclass(quote_ident($1) || '.meta') IS NOT NULL AS meta
       FROM (SELECT $1::text AS name) s LEFT JOIN pg_namespace n ON n.nspname = s.name`,
    [location.schema],
  );
  const found = rows[0]!;
  // An empty schema (made by an administrator for the ledger) is as good as none.
  if (!found.present || Number(found.relations) === 0) return { kind: 'absent' };
  if (!found.meta) return { kind: 'foreign' };
  try {
    const meta = await client.query<{ application: string; version: number }>(`SELECT application, version FROM ${ident(location.schema)}.meta`);
    const [row] = meta.rows;
    return meta.rows.length === 1 && row!.application === APPLICATION ? { kind: 'ledger', version: row!.version } : { kind: 'foreign' };
  } catch (error) {
    if (sqlState(error) === '42703') return { kind: 'foreign' }; // someone else's table called meta
    throw error;
  }
}

function refuseForeign(found: Found, location: PostgresLocation): void {
  if (found.kind === 'foreign') {
    throw new Refused(
      'not-a-ledger',
      `The schema ${location.schema} in ${location.display} holds tables that are not an sscard ledger; it was left untouched. Choose another schema with ?schema=NAME.`,
      { schema: location.schema, ledger: location.display },
    );
  }
  if (found.kind === 'ledger' && found.version > SCHEMA_VERSION) {
    throw new Refused(
      'ledger-too-new',
      `The ledger in ${location.display} was written by a newer sscard (schema version ${found.version}, this one knows ${SCHEMA_VERSION}); it was left untouched. Upgrade sscard.`,
      { ledger: location.display, version: found.version, known: SCHEMA_VERSION },
    );
  }
}

/** Creates or moves the schema forward, once: concurrent first writers wait on an advisory lock and re-read. */
async function migrate(client: pg.Client, location: PostgresLocation): Promise<Found> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sscard migrate ${location.schema}`]);
    const found = await identify(client, location);
    refuseForeign(found, location);
    const version = found.kind === 'ledger' ? found.version : 0;
    if (version < SCHEMA_VERSION) {
      const present = (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [location.schema])).rowCount! > 0;
      if (!present) await client.query(`CREATE SCHEMA ${ident(location.schema)}`);
      await client.query(`SET LOCAL search_path TO ${ident(location.schema)}`);
      for (let v = version; v < SCHEMA_VERSION; v++) await client.query(MIGRATIONS[v]!);
      if (version === 0) await client.query('INSERT INTO meta (application, version) VALUES ($1, $2)', [APPLICATION, SCHEMA_VERSION]);
      else await client.query('UPDATE meta SET version = $1', [SCHEMA_VERSION]);
    }
    await client.query('COMMIT');
    return { kind: 'ledger', version: SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
