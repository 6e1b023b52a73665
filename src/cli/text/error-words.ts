// An error thrown with a code and its values (the store's, src/core/errors.ts)
// worded in the user's language from the catalogue's `errors`.
import type { CodedError, ErrorCode, ErrorParamsOf, ErrorWords } from '../../core/errors.js';
import { type Messages, messagesFor } from './messages/index.js';

/** The code and values of an error to be worded by its code; null for any other (a command's own words, a bug). */
export function codedError(error: unknown): CodedError | null {
  return isCoded(error) ? error : null;
}

// Errors cross bundles (each lazily loaded bundle has its own copy of the classes), so they are told by shape, not instanceof.
function isCoded(error: unknown): error is CodedError {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('params' in error)) return false;
  return typeof error.code === 'string' && Object.hasOwn(messagesFor('en').errors, error.code) && typeof error.params === 'object' && error.params !== null;
}

export function errorText(m: Messages, error: CodedError): string {
  return word(m.errors, error.code, error.params);
}

function word<C extends ErrorCode>(words: ErrorWords, code: C, params: ErrorParamsOf[C]): string {
  return words[code](params);
}
