import { describe, expect, expectTypeOf, it } from 'vitest';
import { createApiClient } from './client';
import { methodNames } from './contract';
import { dispatch } from './dispatch';
import { ApiError } from './errors';
import { type ApiHandlers, createEventHub } from './handlers';
import { handlersWith } from './test-handlers';
import type { ApiTransport } from './transport';

// An in-process transport: the real dispatcher and event hub, no socket in between. The socket
// and IPC transports are tested against a real WebSocket server and the preload factory.
function inProcess(handlers: ApiHandlers) {
  const hub = createEventHub();
  const transport: ApiTransport = {
    invoke: (method, payload) => dispatch(handlers, method, payload, { transport: 'direct' }),
    subscribe: (event, listener) =>
      hub.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  };
  return { transport, hub };
}

const handlers = handlersWith({
  'settings:update': async (patch) => ({
    operatorName: '',
    operatorRole: '',
    theme: 'system',
    recentProjects: [],
    ...patch,
  }),
  'projects:list': async () => [],
  'runs:get': async () => {
    throw new ApiError('not-found', 'nothing here');
  },
});

describe('createApiClient', () => {
  it('has one function per contract method, grouped by area', () => {
    const api = createApiClient(inProcess(handlers).transport) as unknown as Record<string, Record<string, unknown>>;
    for (const name of methodNames) {
      const [area, verb] = name.split(':') as [string, string];
      expect(typeof api[area]?.[verb]).toBe('function');
    }
  });

  it('returns the value of a successful call', async () => {
    const api = createApiClient(inProcess(handlers).transport);
    const settings = await api.settings.update({ operatorName: 'Ada', theme: 'dark' });
    expect(settings).toMatchObject({ operatorName: 'Ada', theme: 'dark' });
    expectTypeOf(settings.theme).toEqualTypeOf<'system' | 'light' | 'dark'>();
  });

  it('throws ApiError with the code the host chose', async () => {
    const api = createApiClient(inProcess(handlers).transport);
    const error = await api.runs.get({ runId: 'r9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not-found');
  });

  it('rejects a payload that breaks the schema with invalid-request', async () => {
    const api = createApiClient(inProcess(handlers).transport);
    // @ts-expect-error: the type system already refuses this; the host must too.
    const error = await api.settings.update({ theme: 'neon' }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('invalid-request');
    expect((error as ApiError).message).toContain('theme');
  });

  it('delivers only the subscribed event to a listener, until unsubscribed', () => {
    const { transport, hub } = inProcess(handlers);
    const api = createApiClient(transport);
    const seen: unknown[] = [];
    const off = api.on('projects:changed', (projects) => seen.push(projects));
    hub.emit('projects:changed', []);
    hub.emit('settings:changed', { operatorName: '', operatorRole: '', theme: 'light', recentProjects: [] });
    off();
    hub.emit('projects:changed', []);
    expect(seen).toEqual([[]]);
  });
});
