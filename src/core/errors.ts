// The three ways a command can fail. Each carries a stable code (for
// `--json`) and one sentence for the user, never an unmasked identity
// number. Exit codes are assigned in one place: src/cli/exit.ts.

export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export class Refused extends Error {
  override readonly name = 'Refused';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export class NotFound extends Error {
  override readonly name = 'NotFound';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export type SscardError = InvalidInput | Refused | NotFound;
