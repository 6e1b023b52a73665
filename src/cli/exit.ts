// The one place where failures become exit codes and messages (SPEC 2).
import { codedError, errorText } from './text/error-words.js';
import type { Messages } from './text/messages/en.js';
import type { RosterProblem } from './formats/problems.js';

export { EXIT } from './exit-codes.js';
import { EXIT } from './exit-codes.js';

export interface Failure {
  readonly exitCode: number;
  readonly code: string;
  message: string;
}

/**
 * A write the disk refused (issue 29 item 3): full (ENOSPC, a quota, SQLite's
 * SQLITE_FULL), a file size limit (EFBIG: `ulimit -f`, or the file system's),
 * or an I/O error (SQLite reports EFBIG as one); null for any other code.
 */
export function writeFailureKind(code: string | undefined): 'full' | 'limit' | 'io' | null {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'full';
  if (code === 'EFBIG') return 'limit';
  if (code === 'EIO' || code?.startsWith('SQLITE_IOERR')) return 'io';
  return null;
}

/** `m`: the catalogue of the user's language, for the failures sscard words itself. */
export function failureOf(error: unknown, m: Messages): Failure {
  // By name, not instanceof: each lazily loaded bundle has its own copy of the error classes.
  const { name, code: errorCode, message: own } = (error ?? {}) as { name?: string; code?: string; message?: string };
  // The store's errors carry a code and its values, never words: worded here from the catalogue (src/core/errors.ts).
  const coded = codedError(error);
  // A file's problem (src/cli/formats/problems.ts) comes from a reader as a value, worded here.
  const problem = rosterProblem(error);
  const message = coded ? errorText(m, coded) : problem ? m.roster.problem(problem) : own;
  if (name === 'InvalidInput') return { exitCode: EXIT.usage, code: errorCode!, message: message! };
  if (name === 'Refused' || name === 'NotFound') return { exitCode: EXIT.refused, code: errorCode!, message: message! };
  // @inquirer/prompts: Ctrl-C at a prompt, or the terminal went away.
  if (name === 'ExitPromptError' || name === 'AbortPromptError') {
    return { exitCode: EXIT.interrupted, code: 'interrupted', message: m.failure.interrupted };
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { exitCode: EXIT.refused, code: 'ledger-busy', message: m.failure.ledgerBusy };
  }
  const refusedWrite = writeFailureKind(code);
  if (refusedWrite) return { exitCode: EXIT.refused, code: 'write-failed', message: m.failure.writeFailed(refusedWrite) };
  if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return { exitCode: EXIT.refused, code: 'ledger-damaged', message: m.failure.ledgerDamaged };
  }
  // Anything else is a bug: one line, no stack trace (it could hold personal data).
  const text = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.refused, code: 'internal', message: m.failure.internal(text.replace(/\d{15,17}[\dXx]?/g, '[id]')) };
}

/** The problem a roster reader threw (formats/roster/problems.ts, RosterFileError), told by shape as bundles have their own classes. */
function rosterProblem(error: unknown): RosterProblem | null {
  return isRosterError(error) ? error.problem : null;
}

function isRosterError(error: unknown): error is { readonly problem: RosterProblem } {
  if (typeof error !== 'object' || error === null || !('name' in error) || error.name !== 'InvalidInput' || !('problem' in error)) return false;
  const { problem } = error;
  return typeof problem === 'object' && problem !== null && 'kind' in problem && typeof problem.kind === 'string';
}
