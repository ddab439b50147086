export type HttpCheckErrorCode =
  | 'invalid-check' // a field of the check is malformed (URL, method, regex …): nothing was sent
  | 'aborted';

/**
 * Only for checks that cannot run at all. A server that answers wrongly or not at all is a
 * failed check (ok: false), not an exception, so a probe loop never has to catch.
 */
export class HttpCheckError extends Error {
  readonly code: HttpCheckErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: HttpCheckErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'HttpCheckError';
    this.code = code;
    this.details = details;
  }
}
