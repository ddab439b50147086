import type { ConnectionStatus } from '../../../shared/api/transport';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Has the connection ever been up? "Connecting" at start-up is normal; after a drop it is news. */
  hasBeenOpen: boolean;
}

export function nextConnectionState(previous: ConnectionState, status: ConnectionStatus): ConnectionState {
  return { status, hasBeenOpen: previous.hasBeenOpen || status === 'open' };
}

/** The "lost connection" banner: the socket dropped after working, or was closed for good. */
export function isConnectionLost(state: ConnectionState): boolean {
  return state.status === 'closed' || (state.status === 'connecting' && state.hasBeenOpen);
}

/** The connection came back after a drop: events may have been missed, so lists must reload. */
export function isReconnect(previous: ConnectionState, next: ConnectionState): boolean {
  return previous.hasBeenOpen && previous.status !== 'open' && next.status === 'open';
}
