import { ApiError } from '../../../shared/api/errors';
import { isUnreachable, RunBlockedError } from './run-errors';
import { InvalidRunInputError } from './run-target';
import { UnknownVersionError } from './run-version';

// What a run's failure to start (or to be steered) means to the app: a code the UI branches on,
// and the message and problems a person needs to fix it.

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // The version typed names nothing: the request is wrong, not the project's files.
  if (error instanceof UnknownVersionError)
    return new ApiError('invalid-request', message, { field: 'version', nearest: error.nearest });
  if (error instanceof InvalidRunInputError)
    return new ApiError('invalid-project', message, { problems: error.problems });
  if (error instanceof RunBlockedError || isUnreachable(error)) return new ApiError('unavailable', message);
  const code = (error as { code?: unknown }).code;
  if (code === 'missing-secret' || code === 'invalid-request') return new ApiError('invalid-request', message);
  if (code === 'not-found' || (error as NodeJS.ErrnoException).code === 'ENOENT')
    return new ApiError('not-found', message);
  if (code === 'conflict') return new ApiError('conflict', message);
  // Outside the deployment window: the environment is not available now (details say until when).
  if (code === 'outside-window')
    return new ApiError('unavailable', message, (error as { details?: Record<string, unknown> }).details);
  if (code === 'override-refused') return new ApiError('forbidden', message);
  if (code === 'not-implemented') return new ApiError('not-implemented', message);
  return new ApiError('internal', message);
}
