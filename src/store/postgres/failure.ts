// What the PostgreSQL engine's failures mean to the user: the driver's and
// the server's errors (SQLSTATE codes, socket errors) as the typed refusals of
// src/core/errors.ts, one sentence each, the URL's password never shown. Each
// carries its values as params, so the CLI words it in the user's language
// (src/cli/text/messages/, `errors`); the English message is the fallback.
import { type Refused, refused } from '../../core/errors.js';
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
    return phase === 'commit' ? refused('db-silent-at-commit', { ledger: where, seconds }) : refused('db-silent', { ledger: where, seconds });
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
      return refused('ledger-locked', { ledger: where, seconds });
    case '57014': // query_canceled: statement_timeout
      return refused('db-statement-timeout', { ledger: where, seconds });
    case '40001':
    case '40P01':
      return refused('ledger-busy', { ledger: where, attempts });
    case '23505':
      return refused('ledger-conflict', { ledger: where, why: message });
    case '28P01':
    case '28000':
      return refused('db-login-refused', { ledger: where, why: message });
    case '3D000':
      return refused('db-missing', { ledger: where });
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
  return refused('db-error', { file: where, why });
}

/** The connection broke during the command: before COMMIT nothing was written; during COMMIT nobody can tell. */
function lost(location: PostgresLocation, phase: Phase, why: string): Refused {
  const where = location.display;
  const shown = scrub(why, location);
  if (phase === 'commit') {
    return refused('db-lost-at-commit', { ledger: where, why: shown });
  }
  return refused('db-unreachable', {
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
      return refused('ledger-no-read', { ledger: where, schema });
    case 'create':
      return refused('ledger-no-create', { ledger: where, schema });
    case 'migrate':
      return refused('ledger-no-migrate', { ledger: where });
    case 'purge':
      return refused('purge-needs-owner', { ledger: where });
    default:
      return refused('ledger-read-only', { ledger: where });
  }
}

/** A write sent to a server that only reads (a hot standby in recovery, or one set read-only). */
export function standby(location: PostgresLocation): Refused {
  const where = location.display;
  return refused('ledger-standby', { ledger: where });
}

/** The server cannot be reached: `why` is the driver's code or (scrubbed) message. */
export function unreachable(location: PostgresLocation, why: string): Refused {
  const shown = scrub(why, location);
  return refused('db-unreachable', { ledger: location.display, why: shown });
}

/** The server did not answer the connection in time. */
export function connectTimeout(location: PostgresLocation): Refused {
  const seconds = Math.round(location.timeouts.connect / 1000);
  return refused('db-connect-timeout', { ledger: location.display, seconds });
}

/** Several hosts, none of the kind asked for (target_session_attrs). */
export function noSuchServer(location: PostgresLocation, attrs: string): Refused {
  return refused('db-no-server', { ledger: location.display, attrs });
}
