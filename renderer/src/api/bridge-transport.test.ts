import { describe, expect, it } from 'vitest';
import type { PreloadBridge } from '../../../shared/api/bridge';
import { createApiClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import { createBridgeTransport, isPreloadBridge } from './bridge-transport';
import { createUnavailableTransport } from './unavailable-transport';

function fakeBridge(overrides: Partial<PreloadBridge['invoke']> = {}) {
  const listeners = new Set<(payload: unknown) => void>();
  const bridge = {
    invoke: { ...overrides },
    events: {
      'projects:changed': (listener: (payload: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  } as unknown as PreloadBridge;
  const emit = (payload: unknown) => {
    for (const listener of listeners) listener(payload);
  };
  return { bridge, emit };
}

describe('isPreloadBridge', () => {
  it('accepts an object with invoke and events tables', () => {
    expect(isPreloadBridge(fakeBridge().bridge)).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isPreloadBridge(undefined)).toBe(false);
    expect(isPreloadBridge({ invoke: {} })).toBe(false);
    expect(isPreloadBridge(['app:info'])).toBe(false);
  });
});

describe('createBridgeTransport', () => {
  it('passes a call to the preload function of that method', async () => {
    const { bridge } = fakeBridge({
      'runs:list': async (payload) => ({ ok: true, value: [{ echoed: payload }] }),
    });
    const api = createApiClient(createBridgeTransport(bridge));
    await expect(api.runs.list()).resolves.toEqual([{ echoed: {} }]);
  });

  it('turns an error envelope into an ApiError with its code', async () => {
    const { bridge } = fakeBridge({
      'projects:open': async () => ({ ok: false, error: { code: 'invalid-project', message: 'no .release-pilot/' } }),
    });
    const api = createApiClient(createBridgeTransport(bridge));
    const error = await api.projects.open({ path: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-project');
  });

  it('reports a method the preload lacks, and a rejected call, as errors', async () => {
    const { bridge } = fakeBridge({
      'runs:list': async () => {
        throw new Error('ipc exploded');
      },
    });
    const api = createApiClient(createBridgeTransport(bridge));
    await expect(api.app.info()).rejects.toMatchObject({ code: 'unknown-method' });
    await expect(api.runs.list()).rejects.toMatchObject({ code: 'internal', message: /ipc exploded/ });
  });

  it('delivers pushed events and stops after unsubscribe', () => {
    const { bridge, emit } = fakeBridge();
    const api = createApiClient(createBridgeTransport(bridge));
    const seen: unknown[] = [];
    const off = api.on('projects:changed', (projects) => seen.push(projects));
    emit([]);
    off();
    emit([]);
    expect(seen).toEqual([[]]);
    expect(api.on('runs:event', () => {})).toBeTypeOf('function');
  });
});

describe('createUnavailableTransport', () => {
  it('fails every call with the reason and reports a closed connection', async () => {
    const api = createApiClient(createUnavailableTransport('forbidden', 'open the URL the host printed'));
    await expect(api.app.info()).rejects.toMatchObject({ code: 'forbidden', message: 'open the URL the host printed' });
    const statuses: string[] = [];
    api.onStatus((s) => statuses.push(s));
    expect(statuses).toEqual(['closed']);
  });
});
