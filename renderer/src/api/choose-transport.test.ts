import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../lib/storage';
import { chooseTransport, type TransportEnvironment } from './choose-transport';

function environment(overrides: Partial<TransportEnvironment> = {}) {
  const opened: string[] = [];
  const env: TransportEnvironment = {
    bridge: undefined,
    location: { protocol: 'http:', host: '127.0.0.1:4310', search: '' },
    storage: memoryStorage(),
    connect: (url) => {
      opened.push(url);
      return { readyState: 0, send() {}, close() {}, onopen: null, onmessage: null, onclose: null, onerror: null };
    },
    timers: { set: () => 0, clear: () => {} },
    ...overrides,
  } satisfies TransportEnvironment;
  return { env, opened };
}

describe('chooseTransport', () => {
  it('uses the preload bridge when the Electron window exposes one', () => {
    const { env, opened } = environment({ bridge: { invoke: {}, events: {} } });
    const chosen = chooseTransport(env);
    expect(chosen.kind).toBe('ipc');
    expect(chosen.probeUrl).toBeUndefined();
    expect(opened).toEqual([]);
  });

  it('opens the WebSocket with the token from the URL otherwise', () => {
    const { env, opened } = environment({
      location: { protocol: 'http:', host: '127.0.0.1:4310', search: '?token=t0k' },
    });
    const chosen = chooseTransport(env);
    expect(chosen.kind).toBe('websocket');
    expect(opened).toEqual(['ws://127.0.0.1:4310/api?token=t0k']);
    // Asked over HTTP when the socket will not open, with the same token.
    expect(chosen.probeUrl).toBe('/?token=t0k');
  });

  it('falls back to the token this tab remembered', () => {
    const storage = memoryStorage();
    storage.setItem('release-pilot.token', 'kept');
    const { env, opened } = environment({ storage });
    chooseTransport(env);
    expect(opened).toEqual(['ws://127.0.0.1:4310/api?token=kept']);
  });

  it('does not try the socket without a token, and explains why', async () => {
    const { env, opened } = environment();
    const { kind, transport, probeUrl } = chooseTransport(env);
    expect(kind).toBe('none');
    expect(probeUrl).toBeUndefined();
    expect(opened).toEqual([]);
    const envelope = await transport.invoke('app:info', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden', message: /URL the host printed/ } });
  });

  it('ignores a bridge-shaped value that lacks its tables', () => {
    const { env, opened } = environment({
      bridge: ['app:info'],
      location: { protocol: 'http:', host: 'h:1', search: '?token=x' },
    });
    expect(chooseTransport(env).kind).toBe('websocket');
    expect(opened).toEqual(['ws://h:1/api?token=x']);
  });
});
