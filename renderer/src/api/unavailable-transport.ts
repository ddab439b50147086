import { ApiError, type ErrorCode } from '../../../shared/api/errors';
import type { ApiTransport } from '../../../shared/api/transport';

/**
 * Stands in when no transport can work (a browser page opened without its token): every call
 * fails at once with the reason, so the UI explains instead of retrying a socket that the host
 * will refuse forever.
 */
export function createUnavailableTransport(code: ErrorCode, message: string): ApiTransport {
  return {
    invoke: async () => ({ ok: false, error: new ApiError(code, message).toData() }),
    subscribe: () => () => {},
    onStatus: (listener) => {
      listener('closed');
      return () => {};
    },
  };
}
