import type { EventName, MethodName } from './contract';
import type { Envelope } from './errors';

/**
 * What the Electron preload exposes on `window.releasePilot`: one function per contract method
 * and one subscribe function per event, nothing raw (no ipcRenderer, no channel strings).
 */
export interface PreloadBridge {
  invoke: { [M in MethodName]: (payload: unknown) => Promise<Envelope<unknown>> };
  events: { [E in EventName]: (listener: (payload: unknown) => void) => () => void };
}

export const bridgeKey = 'releasePilot';
