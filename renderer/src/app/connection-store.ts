import { create } from 'zustand';
import { api, transportKind } from '../api/client';
import { useAppInfo } from './app-info-store';
import {
  type ConnectionState,
  initialConnectionState,
  needsReload,
  nextConnectionState,
  withHostVerdict,
} from './connection-state';
import type { HostVerdict } from './host-probe';

/**
 * The API connection as the banner and status bar show it. Electron IPC cannot drop, so it starts
 * (and stays) open; the WebSocket reports every change, and probing the host (use-host-probe.ts)
 * says why it is down.
 */
export const useConnection = create<ConnectionState>()(() =>
  transportKind === 'ipc' ? { status: 'open', hasBeenOpen: true, host: 'unknown' } : initialConnectionState,
);

/**
 * Follows the transport's status; `onReconnect` runs when a dropped connection comes back, and
 * when a late first connection finds the start-up calls already failed.
 */
export function trackConnection(onReconnect: () => void): () => void {
  return api.onStatus((status) => {
    const previous = useConnection.getState();
    const next = nextConnectionState(previous, status);
    useConnection.setState(next);
    if (needsReload(previous, next, useAppInfo.getState().phase === 'failed')) onReconnect();
  });
}

/** What a probe of the host found (ignored once the socket is back). */
export function reportHostVerdict(verdict: HostVerdict): void {
  useConnection.setState((state) => withHostVerdict(state, verdict));
}
