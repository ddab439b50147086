import { CodedError } from '../lib/coded-error';

// Why one notification attempt failed. `permanent` says whether trying again could help: a 404
// webhook or a refused login will answer the same way, a 503 or a dropped connection may not.

export type NotifyErrorCode =
  | 'missing-secret'
  | 'invalid-url'
  | 'unreachable'
  | 'timeout'
  | 'rejected'
  | 'smtp-auth'
  | 'smtp-failed'
  | 'abandoned';

export class NotifyError extends CodedError<NotifyErrorCode> {
  constructor(
    code: NotifyErrorCode,
    message: string,
    readonly permanent: boolean,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, details);
  }
}

export const abandonedMessage = 'not sent: the run ended before it went through';

/** `promise`, unless the signal aborts first (the run is over): then a NotifyError, at once. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (!signal) return promise;
  const abandoned = () => new NotifyError('abandoned', `${what}: ${abandonedMessage}`, true);
  if (signal.aborted) return Promise.reject(abandoned());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abandoned());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
