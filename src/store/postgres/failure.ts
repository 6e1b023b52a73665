// What the PostgreSQL engine's failures mean to the user: the driver's and
// the server's errors (SQLSTATE codes, socket errors) as the typed refusals of
// src/core/errors.ts, one sentence each, the URL's password never shown. Each
// carries its values as params, so the CLI words it in the user's language
// (src/cli/text/messages/, `errors`); the English message is the fallback.
import { Refused } from '../../core/errors.js';
import type { PostgresLocation } from '../location.js';

/** SQLSTATE codes (PostgreSQL manual, appendix A) on which the whole transaction is run again. */
export const RETRYABLE = new Set([
  '40001', // serialization_failure: another transaction's writes invalidate what this one read
  '40P01', // deadlock_detected
  '23505', // unique_violation: a concurrent writer got there first; re-run, the command sees its row and decides
]);

export const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * What the command was doing when it failed, for a true sentence: a
 * permission refused on a read means the role may not read the schema, on
 * the first write that it may not create the tables, on a purge that only
 * the owner may erase; a connection lost during COMMIT leaves the outcome
 * unknown, before it nothing was written.
 */
export type Phase = 'read' | 'write' | 'commit' | 'create' | 'migrate' | 'purge';

/** Masks the password wherever the driver or the server repeats it. */
export function scrub(text: string, location: PostgresLocation): string {
  return location.password ? text.split(location.password).join('***') : text;
}

/** The driver's words for a connection that broke (it gives them no code). */
const LOST = /Connection terminated|connection error|not queryable|socket hang up|write after end|EPIPE|ECONNRESET/i;

/** A statement sscard gave up waiting for: the server said nothing within the statement timeout and a grace. */
export class Silent extends Error {
  override readonly name = 'Silent';
}

/** The refusal a PostgreSQL failure means; anything else (sscard's own errors) unchanged. */
export function failure(error: unknown, location: PostgresLocation, phase: Phase = 'read', attempts = 1): unknown {
  const name = (error as Error | null)?.name;
  if (name === 'Refused' || name === 'InvalidInput' || name === 'NotFound') return error;
  const where = location.display;
  const message = scrub(String((error as Error | null)?.message ?? ''), location).replace(/\.$/, '');
  const seconds = Math.round(location.timeouts.statement / 1000);
  if (error instanceof Silent) {
    return phase === 'commit'
      ? new Refused(
          'db-silent-at-commit',
          `The PostgreSQL server of ${where} stopped answering for ${seconds} seconds while the command was being committed, so it is not known whether it was written; check with sscard history (or status) before running it again.`,
          { ledger: where, seconds },
        )
      : new Refused(
          'db-silent',
          `The PostgreSQL server of ${where} did not answer for ${seconds} seconds, so the command was stopped and nothing was written; check that the server is running (?statement_timeout=SECONDS waits longer).`,
          { ledger: where, seconds },
        );
  }
  const code = sqlState(error);
  if (code === undefined) {
    if (!LOST.test(message)) return error;
    return lost(location, phase, message);
  }
  switch (code) {
    case '42501': // insufficient_privilege
      return privilege(location, phase);
    case '25006': // read_only_sql_transaction: a hot standby, or a server set read-only
      return standby(location);
    case '0A000': // feature_not_supported: "cannot use serializable mode in a hot standby"
      if (/hot standby/i.test(message)) return standby(location);
      break;
    case 'P0001': // raise_exception: the append-only trigger (schema.ts) refused an UPDATE or DELETE of events
      if (/append-only/.test(message)) return privilege(location, phase === 'purge' ? 'purge' : 'write');
      break;
    case '55P03': // lock_not_available: lock_timeout, waiting for another user's import (README "A shared ledger")
      return new Refused(
        'ledger-locked',
        `Another user's import held the shared ledger ${where} for more than ${seconds} seconds, so nothing was written; try again when it has finished.`,
        { ledger: where, seconds },
      );
    case '57014': // query_canceled: statement_timeout
      return new Refused(
        'db-statement-timeout',
        `A statement on ${where} ran longer than ${seconds} seconds, so the command was stopped and nothing was written; try again, or raise ?statement_timeout=SECONDS.`,
        { ledger: where, seconds },
      );
    case '40001':
    case '40P01':
      return new Refused(
        'ledger-busy',
        `The shared ledger ${where} was changed by other writers at the same moment ${attempts} times in a row, so nothing was written; try again.`,
        { ledger: where, attempts },
      );
    case '23505':
      return new Refused(
        'ledger-conflict',
        `Another writer recorded the same fact in ${where} at the same moment (${message}), so nothing was written; run the command again to see the ledger as it now stands.`,
        { ledger: where, why: message },
      );
    case '28P01':
    case '28000':
      return new Refused(
        'db-login-refused',
        `The PostgreSQL server refused the login for ${where} (${message}); check the user name and the password (PGPASSWORD or ~/.pgpass).`,
        { ledger: where, why: message },
      );
    case '3D000':
      return new Refused('db-missing', `The database of ${where} does not exist; create it (createdb) or correct --db.`, { ledger: where });
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return unreachable(location, code);
    case 'ECONNRESET':
    case 'EPIPE':
      return lost(location, phase, code);
  }
  if (code.startsWith('08') || code.startsWith('57P')) return lost(location, phase, message);
  // The params of SQLite's db-error: the catalogue words both engines' alike.
  const why = `${message} (${/^[0-9A-Z]{5}$/.test(code) ? `SQLSTATE ${code}` : code})`;
  return new Refused('db-error', `${where} could not be used: ${why}.`, { file: where, why });
}

/** The connection broke during the command: before COMMIT nothing was written; during COMMIT nobody can tell. */
function lost(location: PostgresLocation, phase: Phase, why: string): Refused {
  const where = location.display;
  const shown = scrub(why, location);
  if (phase === 'commit') {
    return new Refused(
      'db-lost-at-commit',
      `The connection to ${where} was lost while the command was being committed (${shown}), so it is not known whether it was written; check with sscard history (or status) before running it again.`,
      { ledger: where, why: shown },
    );
  }
  return new Refused('db-unreachable', `The connection to ${where} was lost (${shown}); nothing more was written, try again.`, {
    ledger: where,
    why: shown,
    lost: 1,
  });
}

/** A permission the role lacks, worded by what the command was doing. */
function privilege(location: PostgresLocation, phase: Phase): Refused {
  const where = location.display;
  const schema = location.schema;
  switch (phase) {
    case 'read':
      return new Refused(
        'ledger-no-read',
        `This ledger user may not read the schema ${schema} in ${where}; ask the ledger's owner to grant it (GRANT USAGE ON SCHEMA and SELECT, see "A shared ledger" in the README).`,
        { ledger: where, schema },
      );
    case 'create':
      return new Refused(
        'ledger-no-create',
        `There is no ledger in the schema ${schema} of ${where} yet, and this user may not create its tables, so nothing was written; run the first write (e.g. sscard copy) as the ledger's owner (see "A shared ledger" in the README).`,
        { ledger: where, schema },
      );
    case 'migrate':
      return new Refused(
        'ledger-no-migrate',
        `The ledger in ${where} must be moved to this sscard's schema version by its owner, and this user may not, so nothing was written; run any sscard command once as the owner (see "A shared ledger" in the README).`,
        { ledger: where, schema },
      );
    case 'purge':
      return new Refused(
        'purge-needs-owner',
        `Only the ledger's owner may purge a person from ${where} (events are append-only for every other user), so nothing was deleted; run sscard purge as the owner (see "A shared ledger" in the README).`,
        { ledger: where },
      );
    default:
      return new Refused(
        'ledger-read-only',
        `This ledger user may not write to ${where}, so nothing was written; run the command as a user with write access (see "A shared ledger" in the README).`,
        { ledger: where },
      );
  }
}

/** A write sent to a server that only reads (a hot standby in recovery, or one set read-only). */
export function standby(location: PostgresLocation): Refused {
  const where = location.display;
  return new Refused(
    'ledger-standby',
    `The server of ${where} only reads (a standby, or set read-only), so nothing was written; writes go to the primary: name it in --db, e.g. postgres://primary,standby/db?target_session_attrs=read-write.`,
    { ledger: where },
  );
}

/** The server cannot be reached: `why` is the driver's code or (scrubbed) message. */
export function unreachable(location: PostgresLocation, why: string): Refused {
  const shown = scrub(why, location);
  return new Refused(
    'db-unreachable',
    `The PostgreSQL server of ${location.display} cannot be reached (${shown}); check the host and port in --db and that the server is running.`,
    { ledger: location.display, why: shown },
  );
}

/** The server did not answer the connection in time. */
export function connectTimeout(location: PostgresLocation): Refused {
  const seconds = Math.round(location.timeouts.connect / 1000);
  return new Refused(
    'db-connect-timeout',
    `The PostgreSQL server of ${location.display} did not answer the connection within ${seconds} seconds; check the host and port in --db and that the server is running (?connect_timeout=SECONDS waits longer).`,
    { ledger: location.display, seconds },
  );
}

/** Several hosts, none of the kind asked for (target_session_attrs). */
export function noSuchServer(location: PostgresLocation, attrs: string): Refused {
  return new Refused(
    'db-no-server',
    `No server of ${location.display} is ${attrs} (each answered as another kind or could not be reached), so nothing was done; try again after the standby's promotion, or check --db.`,
    { ledger: location.display, attrs },
  );
}
