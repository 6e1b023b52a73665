// The three ways a command can fail. Each carries a stable code (for
// `--json`) and one sentence for the user, never an unmasked identity
// number. Exit codes are assigned in one place: src/cli/exit.ts.
// Code below the command line (the store) cannot know the user's language:
// it gives its values as `params`, and the CLI words the error from its
// catalogue by code (src/cli/text/messages/, `errors`); the English message stays
// as the fallback.

export type ErrorParams = Readonly<Record<string, string | number>>;

export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

export class Refused extends Error {
  override readonly name = 'Refused';
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}

export class NotFound extends Error {
  override readonly name = 'NotFound';
  constructor(
    readonly code: string,
    message: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}
