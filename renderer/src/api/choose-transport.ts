import { createSocketTransport, type SocketLike } from '../../../shared/api/socket-transport';
import type { ApiTransport } from '../../../shared/api/transport';
import type { StorageLike } from '../lib/storage';
import { createBridgeTransport, isPreloadBridge } from './bridge-transport';
import { apiSocketUrl, hostProbeUrl } from './socket-url';
import { resolveToken } from './token';
import { createUnavailableTransport } from './unavailable-transport';

/** Which way the renderer reaches the engine; the UI words a few things differently for each. */
export type TransportKind = 'ipc' | 'websocket' | 'none';

export interface TransportEnvironment {
  /** `window.releasePilot`: present only inside the Electron window, put there by our preload. */
  bridge: unknown;
  location: { protocol: string; host: string; search: string };
  storage: StorageLike;
  connect: (url: string) => SocketLike;
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export const missingTokenMessage =
  'this page was opened without its access token: open the exact URL the host printed (the line starting with "open:")';

export interface ChosenTransport {
  kind: TransportKind;
  transport: ApiTransport;
  /** WebSocket only: where to ask over HTTP why the socket will not open (app/host-probe.ts). */
  probeUrl?: string;
}

/**
 * The preload bridge when we run inside Electron, otherwise the browser host's WebSocket. A page
 * with no token cannot be admitted by the host, so it gets a transport that says so at once.
 */
export function chooseTransport(env: TransportEnvironment): ChosenTransport {
  if (isPreloadBridge(env.bridge)) return { kind: 'ipc', transport: createBridgeTransport(env.bridge) };
  const token = resolveToken(env.location.search, env.storage);
  if (!token) return { kind: 'none', transport: createUnavailableTransport('forbidden', missingTokenMessage) };
  const transport = createSocketTransport({
    url: apiSocketUrl(env.location, token),
    connect: env.connect,
    timers: env.timers,
  });
  return { kind: 'websocket', transport, probeUrl: hostProbeUrl(token) };
}
