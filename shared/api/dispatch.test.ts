import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { ApiError } from './errors';
import type { ApiHandlers } from './handlers';
import { handlersWith } from './test-handlers';

const info = {
  name: 'release-pilot',
  productName: 'Release Pilot',
  version: '1.2.3',
  host: 'cli' as const,
  platform: 'linux',
  arch: 'x64',
  versions: { node: '20' },
  dataDir: '/data',
  startedAt: '2026-01-01T00:00:00.000Z',
};

function handlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  return handlersWith({
    'app:info': async () => info,
    'projects:list': async () => [],
    'runs:list': async () => [],
    ...overrides,
  });
}

const ctx = { transport: 'direct' as const };

describe('dispatch', () => {
  it('answers a valid call with the handler value', async () => {
    expect(await dispatch(handlers(), 'app:info', {}, ctx)).toEqual({ ok: true, value: info });
  });

  it('treats a missing payload as an empty request', async () => {
    expect(await dispatch(handlers(), 'projects:list', undefined, ctx)).toEqual({ ok: true, value: [] });
  });

  it('refuses an unknown method by name', async () => {
    const result = await dispatch(handlers(), 'projects:delete-everything', {}, ctx);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'unknown API method: projects:delete-everything' },
    });
  });

  it('refuses inherited property names as methods', async () => {
    const result = await dispatch(handlers(), 'toString', {}, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('unknown-method');
  });

  it('names the field of an invalid payload and does not call the handler', async () => {
    let called = false;
    const h = handlers({
      'projects:open': async () => {
        called = true;
        throw new Error('unreachable');
      },
    });
    const result = await dispatch(h, 'projects:open', { path: 42 }, ctx);
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(/^projects:open: path: /);
    }
  });

  it('refuses unexpected fields in a strict request', async () => {
    const result = await dispatch(handlers(), 'app:info', { sneaky: true }, ctx);
    expect(!result.ok && result.error.code).toBe('invalid-request');
  });

  it('passes an ApiError through with its code and details', async () => {
    const h = handlers({
      'runs:get': async ({ runId }) => {
        throw new ApiError('not-found', `no run ${runId}`, { runId });
      },
    });
    expect(await dispatch(h, 'runs:get', { runId: 'r1' }, ctx)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no run r1', details: { runId: 'r1' } },
    });
  });

  it('wraps an unexpected exception as internal and reports it', async () => {
    const seen: string[] = [];
    const h = handlers({
      'runs:list': async () => {
        throw new TypeError('boom');
      },
    });
    const result = await dispatch(h, 'runs:list', {}, ctx, (method) => seen.push(method));
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'runs:list failed: boom' } });
    expect(seen).toEqual(['runs:list']);
  });
});
