import type { ConnectionStatus } from '../../../shared/api/transport';
import type { HostVerdict } from './host-probe';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Has the connection ever been up? "Connecting" at start-up is normal; after a drop it is news. */
  hasBeenOpen: boolean;
  /** While the socket is down: what probing the host over HTTP found (host-probe.ts). */
  host: HostVerdict;
}

export const initialConnectionState: ConnectionState = { status: 'connecting', hasBeenOpen: false, host: 'unknown' };

export function nextConnectionState(previous: ConnectionState, status: ConnectionStatus): ConnectionState {
  return {
    status,
    hasBeenOpen: previous.hasBeenOpen || status === 'open',
    // An open socket answers every question the probe asked; a later drop starts afresh.
    host: status === 'open' ? 'unknown' : previous.host,
  };
}

/**
 * A probe's finding. One that arrives after the socket has opened again is stale, and a probe
 * that got no answer (`unknown`) says nothing new: both leave the state as it was.
 */
export function withHostVerdict(previous: ConnectionState, host: HostVerdict): ConnectionState {
  if (previous.status !== 'connecting' || host === 'unknown' || previous.host === host) return previous;
  return { ...previous, host };
}

/** The socket is trying to (re)connect, so asking the host over HTTP what is wrong makes sense. */
export function shouldProbeHost(state: ConnectionState): boolean {
  return state.status === 'connecting';
}

/** The "lost connection" banner: the socket dropped after working, or was closed for good. */
export function isConnectionLost(state: ConnectionState): boolean {
  return state.status === 'closed' || (state.status === 'connecting' && state.hasBeenOpen);
}

/**
 * What is wrong with the connection, as the banner, the boot error and the status bar word it.
 * `none` also covers the first moments of start-up, before anything is known.
 */
export type ConnectionProblem = 'none' | 'reconnecting' | 'host-not-running' | 'token-refused' | 'closed';

export function connectionProblem(state: ConnectionState): ConnectionProblem {
  if (state.status === 'open') return 'none';
  if (state.status === 'closed') return 'closed';
  if (state.host === 'not-running') return 'host-not-running';
  if (state.host === 'token-refused') return 'token-refused';
  return state.hasBeenOpen ? 'reconnecting' : 'none';
}

/** The status bar's short word for the connection. */
export function connectionLabel(state: ConnectionState): string {
  switch (connectionProblem(state)) {
    case 'closed':
      return 'Disconnected';
    case 'host-not-running':
      return 'Host not running';
    case 'token-refused':
      return 'Token refused';
    case 'reconnecting':
      return 'Reconnecting…';
    default:
      return state.status === 'open' ? 'Connected' : 'Connecting…';
  }
}

/** The connection came back after a drop: events may have been missed, so lists must reload. */
export function isReconnect(previous: ConnectionState, next: ConnectionState): boolean {
  return previous.hasBeenOpen && previous.status !== 'open' && next.status === 'open';
}

/**
 * Reload everything when the socket opens: after a drop (events were missed), and also on a late
 * first open when the start-up calls have already failed (they timed out waiting for it), so a
 * page that waited for the host recovers without a manual reload.
 */
export function needsReload(previous: ConnectionState, next: ConnectionState, startFailed: boolean): boolean {
  return isReconnect(previous, next) || (startFailed && previous.status !== 'open' && next.status === 'open');
}
