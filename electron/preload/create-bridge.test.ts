// Electron cannot run on this machine (its binary cannot be downloaded here); this stand-in
// replaces ipcRenderer: an EventEmitter for `on`/`removeListener` and a recorder for `invoke`.
// Everything else under test (the contract, channel names, the bridge factory) is the real code.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { eventChannel, eventNames, methodChannel, methodNames } from '../../shared/api/contract';
import { createPreloadBridge, type IpcRendererLike } from './create-bridge';

function standInIpcRenderer() {
  const emitter = new EventEmitter();
  const calls: { channel: string; args: unknown[] }[] = [];
  const ipc: IpcRendererLike & { emitter: EventEmitter; calls: typeof calls } = {
    emitter,
    calls,
    invoke: async (channel, ...args) => {
      calls.push({ channel, args });
      return { ok: true, value: { echoed: channel } };
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  return ipc;
}

describe('createPreloadBridge', () => {
  it('has exactly one invoke function per contract method and one subscribe function per event', () => {
    const bridge = createPreloadBridge(standInIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(['events', 'invoke']);
    expect(Object.keys(bridge.invoke).sort()).toEqual([...methodNames].sort());
    expect(Object.keys(bridge.events).sort()).toEqual([...eventNames].sort());
    for (const fn of [...Object.values(bridge.invoke), ...Object.values(bridge.events)]) {
      expect(typeof fn).toBe('function');
    }
  });

  it('invokes each method on its own fixed channel with the payload alone', async () => {
    const ipc = standInIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    for (const name of methodNames) {
      const answer = await bridge.invoke[name]({ some: 'payload' });
      expect(answer).toEqual({ ok: true, value: { echoed: methodChannel(name) } });
    }
    expect(ipc.calls).toEqual(
      methodNames.map((name) => ({ channel: methodChannel(name), args: [{ some: 'payload' }] })),
    );
  });

  it('gives listeners only the payload, never the IPC event object', () => {
    const ipc = standInIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    const received: unknown[][] = [];
    bridge.events['runs:event']((...args: unknown[]) => received.push(args));
    const fakeEvent = { sender: ipc, senderId: 0 };
    ipc.emitter.emit(eventChannel('runs:event'), fakeEvent, { runId: 'r1' });
    expect(received).toEqual([[{ runId: 'r1' }]]);
  });

  it('routes each event channel to its own subscribers only', () => {
    const ipc = standInIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    const seen: string[] = [];
    for (const name of eventNames) bridge.events[name](() => seen.push(name));
    for (const name of eventNames) ipc.emitter.emit(eventChannel(name), {}, null);
    expect(seen).toEqual(eventNames);
  });

  it('unsubscribes, and a second unsubscribe call is harmless', () => {
    const ipc = standInIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    const channel = eventChannel('settings:changed');
    let count = 0;
    const unsubscribe = bridge.events['settings:changed'](() => count++);
    const other = bridge.events['settings:changed'](() => count++);
    ipc.emitter.emit(channel, {}, 1);
    expect(count).toBe(2);
    unsubscribe();
    unsubscribe();
    ipc.emitter.emit(channel, {}, 2);
    expect(count).toBe(3);
    expect(ipc.emitter.listenerCount(channel)).toBe(1);
    other();
    expect(ipc.emitter.listenerCount(channel)).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createPreloadBridge(standInIpcRenderer());
    expect(() => bridge.events['projects:changed']('nope' as never)).toThrow(TypeError);
  });

  it('is frozen, so the page cannot swap in its own functions', () => {
    const bridge = createPreloadBridge(standInIpcRenderer());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.invoke)).toBe(true);
    expect(Object.isFrozen(bridge.events)).toBe(true);
  });

  it('exposes no raw IPC: no ipcRenderer, send, on or channel-taking function', () => {
    const ipc = standInIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    const values = [bridge, ...Object.values(bridge), ...Object.values(bridge.invoke), ...Object.values(bridge.events)];
    expect(values).not.toContain(ipc);
    for (const key of ['send', 'sendSync', 'on', 'ipcRenderer', 'invokeChannel']) {
      expect(bridge).not.toHaveProperty(key);
    }
  });
});
