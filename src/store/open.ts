// Opens a ledger wherever it is: a SQLite file, or a shared PostgreSQL ledger
// for a postgres:// URL (SPEC 3.2), whose driver is loaded only then (its own
// bundle, see scripts/build.mjs), so that local start-up never pays for it.
import { isPostgresUrl } from './location.js';
import { openSqliteStore } from './sqlite/file.js';
import type { Store } from './store.js';

export interface LedgerOpenOptions {
  /** Create the ledger when it does not exist (commands that write). */
  readonly create: boolean;
  /** Create a SQLite file's missing parent directories (only for the default location). */
  readonly createDirectories: boolean;
  /** ISO timestamp of this run, stamped on every event written. */
  readonly now: string;
  /**
   * A dry run (`import --dry-run`, SPEC 2.3: it writes nothing): a ledger whose tables are already this
   * version's is not migrated (the later migrations add indexes or change when keys are checked, TABLES_VERSION); the rest of opening
   * for a write, its checks included, is as for the real command.
   */
  readonly dryRun?: boolean;
}

/** The ledger at `location`, or null when there is none and `create` is false. */
export async function openLedger(location: string, options: LedgerOpenOptions): Promise<Store | null> {
  if (isPostgresUrl(location)) {
    const { openPostgresStore } = await import('./postgres/pg-store.js');
    return openPostgresStore(location, options);
  }
  return openSqliteStore(location, options);
}
