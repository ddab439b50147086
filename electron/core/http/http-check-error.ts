import { CodedError } from '../lib/coded-error';

export type HttpCheckErrorCode =
  | 'invalid-check' // a field of the check is malformed (URL, method, regex …): nothing was sent
  | 'aborted';

/**
 * Only for checks that cannot run at all. A server that answers wrongly or not at all is a
 * failed check (ok: false), not an exception, so a probe loop never has to catch.
 */
export class HttpCheckError extends CodedError<HttpCheckErrorCode> {}
