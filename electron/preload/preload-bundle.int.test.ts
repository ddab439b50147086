import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bridgeKey } from '../../shared/api/bridge';
import { eventChannel, eventNames, methodChannel, methodNames } from '../../shared/api/contract';
import { ensureBuilt, outDir } from '../main/test-support/built-bundle';
import { runSandboxedPreload, type SandboxedPreload } from './test-support/sandboxed-preload';

// Issue #17: the BUILT preload bundle, run as a sandboxed renderer runs it (own context, no Node,
// Electron's short list of requirable modules), against a STAND-IN contextBridge and ipcRenderer:
// the Electron binary cannot run here, so this is what can be proven without it. It must expose
// exactly one function per contract method and per event on window.releasePilot, nothing generic.

type Api = { invoke: Record<string, (payload: unknown) => Promise<unknown>>; events: Record<string, unknown> };

describe('the built preload bundle, against a stand-in contextBridge', () => {
  let preload: SandboxedPreload;
  let api: Api;

  beforeAll(async () => {
    await ensureBuilt();
    // The window's preload path is out/preload/index.cjs (main-bundle.int.test.ts checks it exists).
    expect(readdirSync(join(outDir, 'preload'))).toContain('index.cjs');
    preload = runSandboxedPreload(join(outDir, 'preload', 'index.cjs'));
    api = preload.exposed[0]?.api as Api;
  }, 300_000);

  it('loads in the sandbox needing nothing but electron, and exposes one object once', () => {
    // zod and the contract are bundled in: a require of anything else would have thrown.
    expect([...new Set(preload.required)]).toEqual(['electron']);
    expect(preload.exposed.map((e) => e.key)).toEqual([bridgeKey]);
  });

  it('exposes exactly one function per contract method and per event, frozen, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual(['events', 'invoke']);
    expect(Object.keys(api.invoke).sort()).toEqual([...methodNames].sort());
    expect(Object.keys(api.events).sort()).toEqual([...eventNames].sort());
    for (const fn of [...Object.values(api.invoke), ...Object.values(api.events)]) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(api) && Object.isFrozen(api.invoke) && Object.isFrozen(api.events)).toBe(true);
    // No raw IPC anywhere in what the page gets.
    const seen = JSON.stringify(api, (_k, v) => (v === preload.ipcRenderer ? 'RAW-IPC' : v));
    expect(seen).not.toContain('RAW-IPC');
  });

  it('sends each method on its own fixed channel, whatever the page passes', async () => {
    for (const name of methodNames) await api.invoke[name]?.({ channel: 'rp:secrets:set', any: 'thing' });
    expect(preload.invoked).toEqual(
      methodNames.map((name) => ({
        channel: methodChannel(name),
        args: [{ channel: 'rp:secrets:set', any: 'thing' }],
      })),
    );
  });

  it('subscribes each event on its own channel and hands the page the payload alone', () => {
    const got: unknown[][] = [];
    const unsubscribe = eventNames.map((name) =>
      (api.events[name] as (l: (...a: unknown[]) => void) => () => void)((...args) => got.push([name, ...args])),
    );
    expect([...preload.listeners.keys()].sort()).toEqual(eventNames.map(eventChannel).sort());
    for (const name of eventNames) {
      for (const listener of preload.listeners.get(eventChannel(name)) ?? [])
        listener({ sender: preload.ipcRenderer }, { for: name });
    }
    expect(got).toEqual(eventNames.map((name) => [name, { for: name }]));
    for (const off of unsubscribe) off();
    expect([...preload.listeners.values()].every((list) => list.length === 0)).toBe(true);
  });
});
