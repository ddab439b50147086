import { create } from 'zustand';
import { api, transportKind } from '../api/client';
import { type ConnectionState, isReconnect, nextConnectionState } from './connection-state';

/**
 * The API connection as the banner and status bar show it. Electron IPC cannot drop, so it starts
 * (and stays) open; the WebSocket reports every change.
 */
export const useConnection = create<ConnectionState>()(() =>
  transportKind === 'ipc' ? { status: 'open', hasBeenOpen: true } : { status: 'connecting', hasBeenOpen: false },
);

/** Follows the transport's status; `onReconnect` runs when a dropped connection comes back. */
export function trackConnection(onReconnect: () => void): () => void {
  return api.onStatus((status) => {
    const previous = useConnection.getState();
    const next = nextConnectionState(previous, status);
    useConnection.setState(next);
    if (isReconnect(previous, next)) onReconnect();
  });
}
