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

/** Masks the password wherever the driver or the server repeats it. */
export function scrub(text: string, location: PostgresLocation): string {
  return location.password ? text.split(location.password).join('***') : text;
}

/** The refusal a PostgreSQL failure means; anything else (sscard's own errors) unchanged. */
export function failure(error: unknown, location: PostgresLocation, attempts = 1): unknown {
  const code = sqlState(error);
  if (code === undefined || (error as Error).name === 'Refused' || (error as Error).name === 'InvalidInput' || (error as Error).name === 'NotFound')
    return error;
  const where = location.display;
  const message = scrub(String((error as Error).message ?? ''), location).replace(/\.$/, '');
  switch (code) {
    case '42501': // insufficient_privilege
    case '25006': // read_only_sql_transaction
      return new Refused(
        'ledger-read-only',
        `This ledger user may not write to ${where}, so nothing was written; run the command as a user with write access (see "A shared ledger" in the README).`,
        { ledger: where },
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
    case 'ECONNRESET':
      return unreachable(location, code);
  }
  if (code.startsWith('08') || code.startsWith('57P')) {
    return new Refused('db-unreachable', `The connection to ${where} was lost (${message}); nothing more was written, try again.`, {
      ledger: where,
      why: message,
      lost: 1,
    });
  }
  // The params of SQLite's db-error: the catalogue words both engines' alike.
  const why = `${message} (${/^[0-9A-Z]{5}$/.test(code) ? `SQLSTATE ${code}` : code})`;
  return new Refused('db-error', `${where} could not be used: ${why}.`, { file: where, why });
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
