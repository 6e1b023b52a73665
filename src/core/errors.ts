// The three ways a command can fail. Each carries a stable code (for
// `--json`) and one sentence for the user, never an unmasked identity
// number. Exit codes are assigned in one place: src/cli/exit.ts.
//
// Code below the command line (the store) cannot know the user's language:
// it throws a code with its values (`refused('db-silent', { ledger, seconds })`),
// never a sentence, and the CLI words it from its catalogue by code
// (src/cli/text/messages/, `errors`, declared `satisfies ErrorWords`: a code
// without words in both languages fails tsc). A command, which has the
// catalogue, may word its error itself (`new Refused(code, ctx.m...)`).

type WriteFailure = 'full' | 'limit' | 'io';

/** The codes the catalogue words by code, each with the values its words take. */
export interface ErrorParamsOf {
  'no-ledger': { ledger: string };
  'backup-exists': { file: string };
  'backup-write-failed': { file: string; kind: WriteFailure };
  'backup-failed': { file: string; why: string };
  'backup-is-ledger': { file: string };
  /** data/policies.json (src/cli/commands/shared/policies-data.ts): the entry, the field inside it, what is wrong. */
  'policies-invalid': { entry: string; field: string; kind: string; detail: string };
  'policies-unreadable': { why: string };
  /** purge's `person-not-found` (worded at the throw). */
  'purge-not-found': { id: string };
  'unknown-topic': { topic: string; topics: readonly string[] };
  /** check's `ledger-damaged` when SQLite's integrity check has findings (worded at the throw). */
  integrityFailed: { count: number; shown: string };
  'cache-differs': { count: number; first: string };
  'db-directory-missing': { dir: string };
  'db-is-directory': { file: string; example: string };
  'db-is-symlink': { file: string; target: string };
  'db-not-a-file': { file: string };
  'db-needs-recovery': { file: string };
  /** A SQLite file (`file`), or a PostgreSQL schema holding someone else's tables (`schema`, `ledger`). */
  'not-a-ledger': { file: string } | { schema: string; ledger: string };
  'ledger-damaged': { file: string; finding: string };
  'event-damaged': { seq: number; why: 'kind' | 'data' };
  /** A WAL (`kind` wal: `at` its frame, 0 its header) or hot journal (`at` its page record) that SQLite would recover only in part (issue 29). */
  'journal-damaged': { file: string; journal: string; kind: 'wal' | 'journal'; at: number; after: number };
  'db-not-writable': { file: string };
  'db-error': { file: string; why: string };
  'ledger-too-new': ({ file: string } | { ledger: string }) & { version: number; known: number };
  // A shared ledger (src/store/postgres/failure.ts): `ledger` is its URL with the password masked; `why` the server's words, scrubbed of it.
  'ledger-read-only': { ledger: string };
  'ledger-no-read': { ledger: string; schema: string };
  'ledger-no-create': { ledger: string; schema: string };
  'ledger-no-migrate': { ledger: string };
  'purge-needs-owner': { ledger: string };
  'purge-not-vacuumed': { ledger: string; why: string };
  /** PostgreSQL: the person was erased, but sessions holding snapshots from before it (`pids`, the server's process ids) kept the rows from being rewritten away. */
  'purge-held-back': { ledger: string; pids: string };
  /** SQLite: the person was erased, but another process kept the ledger open, so older copies may remain in its -wal file. */
  'purge-incomplete': { file: string };
  'ledger-standby': { ledger: string };
  'ledger-locked': { ledger: string; seconds: number };
  'db-statement-timeout': { ledger: string; seconds: number };
  'db-silent': { ledger: string; seconds: number };
  'db-silent-at-commit': { ledger: string; seconds: number };
  'db-lost-at-commit': { ledger: string; why: string };
  'db-connect-timeout': { ledger: string; seconds: number };
  'db-no-server': { ledger: string; attrs: string };
  'ledger-busy': { ledger: string; attempts: number };
  'ledger-conflict': { ledger: string; why: string };
  'db-login-refused': { ledger: string; why: string };
  'db-missing': { ledger: string };
  /** `lost`: the connection broke during the command, rather than could not be made. */
  'db-unreachable': { ledger: string; why: string; lost?: number };
  'db-url-invalid': { url: string };
  'db-schema-invalid': { schema: string };
  /** `expected`: `seconds`, or the values the parameter takes. */
  'db-url-parameter': { parameter: string; value: string; expected: string };
}

export type ErrorCode = keyof ErrorParamsOf;

/** The catalogue's words for every code (src/cli/text/messages/en.ts and zh.ts declare theirs `satisfies ErrorWords`). */
export type ErrorWords = { readonly [C in ErrorCode]: (p: ErrorParamsOf[C]) => string };

/** An error to be worded by its code: the code and its values, matched. */
export type CodedError = { readonly [C in ErrorCode]: { readonly code: C; readonly params: ErrorParamsOf[C] } }[ErrorCode];

export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParamsOf[ErrorCode],
  ) {
    super(message);
  }
}

export class Refused extends Error {
  override readonly name = 'Refused';
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParamsOf[ErrorCode],
  ) {
    super(message);
  }
}

export class NotFound extends Error {
  override readonly name = 'NotFound';
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParamsOf[ErrorCode],
  ) {
    super(message);
  }
}

// A coded error's message is its code: the words come from the catalogue, in the user's language (src/cli/main.ts).
export const invalidInput = <C extends ErrorCode>(code: C, params: ErrorParamsOf[C]): InvalidInput => new InvalidInput(code, code, params);
export const refused = <C extends ErrorCode>(code: C, params: ErrorParamsOf[C]): Refused => new Refused(code, code, params);
export const notFound = <C extends ErrorCode>(code: C, params: ErrorParamsOf[C]): NotFound => new NotFound(code, code, params);
