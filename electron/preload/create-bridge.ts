import type { PreloadBridge } from '../../shared/api/bridge';
import { eventChannel, eventNames, methodChannel, methodNames } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';

/**
 * The few ipcRenderer members the bridge uses. Taking them as a parameter keeps this module free
 * of the `electron` import, so it can be unit-tested in Node.
 */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds what the page sees on `window.releasePilot`: one function per contract method and one
 * subscribe function per event, each bound to its own fixed channel. Nothing here takes a channel
 * name from the page, so the page can reach exactly the contract and nothing else of IPC.
 */
export function createPreloadBridge(ipc: IpcRendererLike): PreloadBridge {
  const invoke = {} as Record<string, (payload: unknown) => Promise<Envelope<unknown>>>;
  for (const name of methodNames) {
    const channel = methodChannel(name);
    invoke[name] = (payload: unknown) => ipc.invoke(channel, payload) as Promise<Envelope<unknown>>;
  }

  const events = {} as Record<string, (listener: (payload: unknown) => void) => () => void>;
  for (const name of eventNames) {
    const channel = eventChannel(name);
    events[name] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${name}: the listener must be a function`);
      // The IpcRendererEvent carries `sender` (the ipcRenderer itself): handing it to the page
      // would leak raw IPC, so the page's listener gets the payload alone.
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, forward);
      };
    };
  }

  return Object.freeze({
    invoke: Object.freeze(invoke) as PreloadBridge['invoke'],
    events: Object.freeze(events) as PreloadBridge['events'],
  });
}
