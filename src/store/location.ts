// Where a ledger is: a SQLite file path, or a PostgreSQL URL (SPEC 3.2). Pure
// string handling, shared by the command line (to choose and name an engine)
// and the PostgreSQL engine (to connect).
import { InvalidInput } from '../core/errors.js';

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The schema the ledger lives in when the URL names none. */
export const DEFAULT_SCHEMA = 'sscard';

export interface PostgresLocation {
  /** The URL handed to the driver: without sscard's own `schema` parameter. */
  readonly url: string;
  readonly schema: string;
  /** The password in the URL, if any, so that it can be masked wherever the driver repeats it. */
  readonly password: string | null;
  /** The URL as it may be shown: the password masked. */
  readonly display: string;
}

export function parsePostgresUrl(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    const shown = displayUrl(location);
    throw new InvalidInput('db-url-invalid', `--db: ${shown} is not a valid URL; write it as postgres://user@host:5432/database.`, { url: shown });
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  // An identifier that needs no quoting, so that it reads the same in every message and in psql.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new InvalidInput(
      'db-schema-invalid',
      `--db: the schema "${schema.slice(0, 63)}" must be lower-case letters, digits and _ (at most 63, not starting with a digit), e.g. ?schema=sscard.`,
      { schema: schema.slice(0, 63) },
    );
  }
  url.searchParams.delete('schema');
  const password = url.password === '' ? null : decodeURIComponent(url.password);
  return { url: url.toString(), schema, password, display: displayUrl(location) };
}

/** The location as it may be printed: a URL's password replaced by ***. */
export function displayUrl(location: string): string {
  if (!isPostgresUrl(location)) return location;
  // By hand, not with URL: a malformed URL must be masked too. Up to the last
  // @, so that a password holding an unencoded @ or / is masked whole.
  return location.replace(/^([a-z]+:\/\/[^:@/?#]*):.*@/i, '$1:***@');
}
