import type { PreloadBridge } from '../../../shared/api/bridge';
import type { EventName, MethodName } from '../../../shared/api/contract';
import { ApiError, type Envelope } from '../../../shared/api/errors';
import type { ApiTransport } from '../../../shared/api/transport';

/**
 * Is this the bridge our preload exposes? Checked rather than assumed: a page opened in a plain
 * browser has no bridge, and a half-built preload must not be mistaken for one.
 */
export function isPreloadBridge(value: unknown): value is PreloadBridge {
  if (typeof value !== 'object' || value === null) return false;
  const { invoke, events } = value as Partial<PreloadBridge>;
  return typeof invoke === 'object' && invoke !== null && typeof events === 'object' && events !== null;
}

function failure(code: 'unknown-method' | 'internal', message: string): Envelope<unknown> {
  return { ok: false, error: new ApiError(code, message).toData() };
}

/**
 * The Electron transport: each call goes through the preload's function for that method. IPC
 * does not drop like a socket, so there is no connection status to report. Whatever goes wrong
 * (a method the preload lacks, a rejected promise) comes back as an envelope, never a throw, so
 * the client above handles every transport's failures the same way.
 */
export function createBridgeTransport(bridge: PreloadBridge): ApiTransport {
  return {
    async invoke(method: MethodName, payload: unknown) {
      const call = bridge.invoke[method];
      if (typeof call !== 'function') {
        return failure('unknown-method', `${method} is not available in this version of the desktop app`);
      }
      try {
        return await call(payload);
      } catch (error) {
        return failure('internal', `${method} failed in the desktop app: ${(error as Error)?.message ?? error}`);
      }
    },
    subscribe(event: EventName, listener: (payload: unknown) => void) {
      const subscribe = bridge.events[event];
      return typeof subscribe === 'function' ? subscribe(listener) : () => {};
    },
  };
}
