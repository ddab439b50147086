import { eventChannel, methodChannel, methodNames } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { ApiError, type Envelope } from '../../shared/api/errors';
import type { ApiHandlers, EventSink } from '../../shared/api/handlers';
import type { Logger } from '../core/ports';
import type { InvokeEventLike, SenderVerdict } from './sender-check';

/** The members of ipcMain used here; tests pass a stand-in. */
export interface IpcMainLike<E extends InvokeEventLike = InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcRegistration<E extends InvokeEventLike> {
  ipcMain: IpcMainLike<E>;
  handlers: ApiHandlers;
  checkSender: (event: E) => SenderVerdict;
  logger: Logger;
}

/**
 * One ipcMain handler per contract method and nothing else, so the set of channels the renderer
 * can reach is exactly the contract. Each call is checked for its sender first, then goes through
 * dispatch, which validates the payload with the contract's zod schema and never throws: the
 * renderer always gets an Envelope. Returns a function that removes the handlers again.
 */
export function registerIpcHandlers<E extends InvokeEventLike>(options: IpcRegistration<E>): () => void {
  const { ipcMain, handlers, checkSender, logger } = options;
  const onInternalError = (method: string, error: unknown) =>
    logger.error('API handler failed', {
      method,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });

  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), async (event, payload): Promise<Envelope<unknown>> => {
      const verdict = checkSender(event);
      if (!verdict.trusted) {
        logger.warn('refused an IPC call', { method: name, reason: verdict.reason, url: verdict.url });
        return {
          ok: false,
          error: new ApiError('forbidden', `${name}: refused, ${verdict.reason}`, { method: name }).toData(),
        };
      }
      return dispatch(handlers, name, payload, { transport: 'ipc' }, onInternalError);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(methodChannel(name));
  };
}

/** The members of WebContents that event forwarding uses. */
export interface EventReceiver {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Pushes every engine event to the window on its own channel (`rp:event:<name>`). Events that
 * happen while no window is open are dropped: the renderer reloads state when it starts.
 */
export function forwardEngineEvents(events: EventSink, getTarget: () => EventReceiver | undefined): () => void {
  return events.subscribe((name, payload) => {
    const target = getTarget();
    if (target && !target.isDestroyed()) target.send(eventChannel(name), payload);
  });
}
