// Where a ledger is: a SQLite file path, or a PostgreSQL URL (SPEC 3.2). Pure
// string handling, shared by the command line (to choose and name an engine)
// and the PostgreSQL engine (to connect).
import { invalidInput } from '../core/errors.js';

/**
 * A PostgreSQL URL, or what was meant as one: `postgres:` or `postgresql:`
 * at the start, after any blanks. A mistyped one (`postgresql:/host/db`, a
 * leading space) is refused as a bad URL rather than taken for a file path,
 * which would be created and echoed with its password (issue 29, defect 9).
 */
export function isPostgresUrl(location: string): boolean {
  // What /^\s*postgres(ql)?:/i matches (test/store/location.test.ts), without a case-insensitive pattern: V8 compiles
  // one through ICU's case folding, and every command asks this at its start (issue 31).
  const start = location.trimStart().slice(0, 11).toLowerCase();
  return start.startsWith('postgres:') || start.startsWith('postgresql:');
}

/** The schema the ledger lives in when the URL names none. */
export const DEFAULT_SCHEMA = 'sscard';

/**
 * Which server of several a connection keeps (libpq's `target_session_attrs`,
 * PostgreSQL manual 34.1.2): `read-write` a server that accepts writes,
 * `primary`/`standby` by `pg_is_in_recovery()`, `prefer-standby` a standby if
 * any answers, else any server.
 */
export const SESSION_ATTRS = ['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'] as const;
export type SessionAttrs = (typeof SESSION_ATTRS)[number];

/** How long sscard waits, in milliseconds (SPEC 3.2 v3: a server that stops answering ends a command within a bounded time). */
export interface PostgresTimeouts {
  /** To connect to one host (`connect_timeout`, seconds, as in libpq; PGCONNECT_TIMEOUT). */
  readonly connect: number;
  /** For one statement, lock waits included (`statement_timeout`, seconds); sscard gives up on a silent server a little later. */
  readonly statement: number;
  /** Idle time before TCP keepalive probes start (`keepalives_idle`, seconds, as in libpq). */
  readonly keepalive: number;
}

/**
 * Defaults: a silent server ends a command in about half a minute (issue 30:
 * 70 s of silence was the complaint), which is also how long a clerk waits
 * for another user's import (README "A shared ledger": a 100,000-row import
 * takes some 13 s on a quiet server).
 */
export const DEFAULT_TIMEOUTS: PostgresTimeouts = { connect: 10_000, statement: 30_000, keepalive: 10_000 };

export interface PostgresHost {
  /** host:port as it may be shown. */
  readonly name: string;
  /** A one-host URL handed to the driver: without sscard's own parameters. */
  readonly url: string;
}

export interface PostgresLocation {
  /** The hosts in the order given (libpq's multi-host form `h1:5432,h2:5432`), tried in that order. */
  readonly hosts: readonly PostgresHost[];
  readonly schema: string;
  readonly sessionAttrs: SessionAttrs;
  readonly timeouts: PostgresTimeouts;
  /** The password in the URL (`user:password@` or `?password=`), if any, so that it can be masked wherever the driver repeats it. */
  readonly password: string | null;
  /** The URL as it may be shown: the password masked. */
  readonly display: string;
}

/** The URL's parameters that sscard reads itself; the others (sslmode, application_name ...) go to the driver. */
const OWN_PARAMETERS = ['schema', 'target_session_attrs', 'connect_timeout', 'statement_timeout', 'keepalives_idle'];

export function parsePostgresUrl(location: string, env: NodeJS.ProcessEnv = {}): PostgresLocation {
  const display = displayUrl(location);
  const invalid = () => invalidInput('db-url-invalid', { url: display });
  // By hand: WHATWG URL refuses a list of hosts. scheme://[userinfo@]hosts[/database][?query]
  const parts = /^(postgres(?:ql)?):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?$/i.exec(location);
  if (!parts) throw invalid();
  const [, scheme, authority, pathPart, query] = parts as unknown as [string, string, string, string, string | undefined];
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? `${authority.slice(0, at)}@` : '';
  const hostList = authority.slice(at + 1);
  const params = new URLSearchParams(query?.slice(1) ?? '');
  const schema = params.get('schema') ?? DEFAULT_SCHEMA;
  // An identifier that needs no quoting, so that it reads the same in every message and in psql.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw invalidInput('db-schema-invalid', { schema: schema.slice(0, 63) });
  }
  const attrs = params.get('target_session_attrs') ?? env.PGTARGETSESSIONATTRS ?? 'any';
  if (!(SESSION_ATTRS as readonly string[]).includes(attrs)) {
    throw invalidInput('db-url-parameter', {
      parameter: 'target_session_attrs',
      value: attrs.slice(0, 20),
      expected: SESSION_ATTRS.join(', '),
    });
  }
  const seconds = (name: string, fallback: number, given = params.get(name)) => {
    if (given === null || given === undefined) return fallback;
    if (!/^\d{1,6}$/.test(given.trim()) || Number(given) === 0) {
      throw invalidInput('db-url-parameter', {
        parameter: name,
        value: given.slice(0, 20),
        expected: 'seconds',
      });
    }
    return Number(given) * 1000;
  };
  const timeouts: PostgresTimeouts = {
    connect: seconds('connect_timeout', seconds('PGCONNECT_TIMEOUT', DEFAULT_TIMEOUTS.connect, env.PGCONNECT_TIMEOUT)),
    statement: seconds('statement_timeout', DEFAULT_TIMEOUTS.statement),
    keepalive: seconds('keepalives_idle', DEFAULT_TIMEOUTS.keepalive),
  };
  for (const name of OWN_PARAMETERS) params.delete(name);
  const rest = params.toString();
  const hosts = hostList.split(',').map((host): PostgresHost => {
    const url = `${scheme}://${userinfo}${host}${pathPart}${rest ? `?${rest}` : ''}`;
    try {
      new URL(url);
    } catch {
      throw invalid();
    }
    return { name: host || 'localhost', url };
  });
  const password = authorityPassword(userinfo) ?? params.get('password');
  return { hosts, schema, sessionAttrs: attrs as SessionAttrs, timeouts, password: password || null, display };
}

function authorityPassword(userinfo: string): string | null {
  const colon = userinfo.indexOf(':');
  if (colon < 0) return null;
  const raw = userinfo.slice(colon + 1, -1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The location as it may be printed: a URL's password replaced by ***,
 * whether it stands before the host (`user:secret@`) or as a parameter
 * (`?password=secret`), also in a URL too malformed to parse (by hand, not
 * with URL). Up to the last @, so that a password holding an unencoded @ or
 * / is masked whole. A file path is shown as it is.
 */
export function displayUrl(location: string): string {
  if (!isPostgresUrl(location)) return location;
  return location.replace(/^(\s*[a-z]+:\/*[^:@/?#]*):[\s\S]*@/i, '$1:***@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}
