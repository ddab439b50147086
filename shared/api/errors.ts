// Typed errors that cross the API boundary. Handlers throw ApiError; transports carry it as a
// plain { code, message, details } object, and the client turns it back into an ApiError, so a
// caller branches on `code`, never on message text.

export const errorCodes = [
  'invalid-request', // payload failed the contract's schema
  'unknown-method',
  'forbidden', // sender is not our window / wrong origin
  'not-found',
  'invalid-project',
  'conflict', // the thing is in another state: a run already ended, a question already answered
  'unavailable', // the environment cannot be reached or is locked by another run
  'disconnected', // transport dropped before an answer came
  'timeout',
  'not-implemented',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
  /** Machine-readable context: the field path, file, host … that the message names. */
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(data: ErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }
}

/** Every answer on every transport is one of these; nothing throws across a process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
