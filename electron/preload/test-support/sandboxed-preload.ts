import { readFileSync } from 'node:fs';
import { createContext, Script } from 'node:vm';

// Runs the BUILT preload (out/preload/index.cjs) the way a sandboxed Electron renderer runs it:
// in its own JavaScript context, with no Node globals, and a `require` that knows only the few
// modules Electron's sandbox offers a preload. `electron` there is a STAND-IN (contextBridge and
// ipcRenderer that record what the preload does), used only because the Electron binary cannot
// run on the machines these tests run on.

/** What Electron's sandboxed preload may require; anything else throws, as it does in Electron. */
const sandboxModules = new Set(['electron', 'events', 'timers', 'url']);

export interface Exposed {
  key: string;
  api: unknown;
}

export interface IpcCall {
  channel: string;
  args: unknown[];
}

export interface SandboxedPreload {
  exposed: Exposed[];
  required: string[];
  invoked: IpcCall[];
  /** Listeners the preload put on ipcRenderer, by channel. */
  listeners: Map<string, ((event: unknown, ...args: unknown[]) => void)[]>;
  ipcRenderer: object;
}

export function runSandboxedPreload(file: string): SandboxedPreload {
  const exposed: Exposed[] = [];
  const required: string[] = [];
  const invoked: IpcCall[] = [];
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return { ok: true, value: channel };
    },
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
      return ipcRenderer;
    },
    send: () => {
      throw new Error('stand-in: the preload must not use ipcRenderer.send');
    },
    sendSync: () => {
      throw new Error('stand-in: the preload must not use ipcRenderer.sendSync');
    },
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      exposed.push({ key, api });
    },
  };
  const electron = { contextBridge, ipcRenderer };

  const require = (name: string): unknown => {
    required.push(name);
    if (!sandboxModules.has(name)) throw new Error(`module not found: ${name} (a sandboxed preload cannot load it)`);
    if (name === 'electron') return electron;
    throw new Error(`stand-in: ${name} is allowed in the sandbox but not provided here`);
  };
  const module = { exports: {} as Record<string, unknown> };
  const context = createContext({});
  const wrapped = new Script(`(function (exports, require, module) {\n${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
  });
  (wrapped.runInContext(context) as (e: unknown, r: unknown, m: unknown) => void)(module.exports, require, module);
  return { exposed, required, invoked, listeners, ipcRenderer };
}
