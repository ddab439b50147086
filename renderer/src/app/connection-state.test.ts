import { describe, expect, it } from 'vitest';
import {
  type ConnectionState,
  connectionLabel,
  connectionProblem,
  initialConnectionState,
  isConnectionLost,
  isReconnect,
  needsReload,
  nextConnectionState,
  shouldProbeHost,
  withHostVerdict,
} from './connection-state';

const start: ConnectionState = initialConnectionState;
const open = nextConnectionState(start, 'open');
const dropped = nextConnectionState(open, 'connecting');

describe('connection state', () => {
  it('is not "lost" while first connecting', () => {
    expect(isConnectionLost(start)).toBe(false);
  });

  it('is lost when a working connection drops, and found again when it returns', () => {
    expect(isConnectionLost(open)).toBe(false);
    expect(isConnectionLost(dropped)).toBe(true);
    const back = nextConnectionState(dropped, 'open');
    expect(isConnectionLost(back)).toBe(false);
    expect(isReconnect(dropped, back)).toBe(true);
  });

  it('is lost when closed, even if it never opened', () => {
    expect(isConnectionLost(nextConnectionState(start, 'closed'))).toBe(true);
  });

  it('does not call the first open a reconnect', () => {
    expect(isReconnect(start, nextConnectionState(start, 'open'))).toBe(false);
  });
});

describe('probing the host while the socket is down', () => {
  it('probes while connecting, at start-up and after a drop, never while open or closed', () => {
    expect(shouldProbeHost(start)).toBe(true);
    expect(shouldProbeHost(dropped)).toBe(true);
    expect(shouldProbeHost(open)).toBe(false);
    expect(shouldProbeHost(nextConnectionState(start, 'closed'))).toBe(false);
  });

  it('after a drop: retrying until a probe answers, then what it found', () => {
    expect(connectionProblem(dropped)).toBe('reconnecting');
    expect(connectionProblem(withHostVerdict(dropped, 'reachable'))).toBe('reconnecting');
    expect(connectionProblem(withHostVerdict(dropped, 'not-running'))).toBe('host-not-running');
    expect(connectionProblem(withHostVerdict(dropped, 'token-refused'))).toBe('token-refused');
  });

  it('follows the host as it stops and comes back with a new token', () => {
    const down = withHostVerdict(dropped, 'not-running');
    const restarted = withHostVerdict(down, 'token-refused');
    expect(connectionProblem(restarted)).toBe('token-refused');
    // A hung probe says nothing new: the last finding stands until a probe answers.
    expect(withHostVerdict(restarted, 'unknown')).toBe(restarted);
  });

  it('at start-up: nothing to report until a probe answers, then a wrong token at once', () => {
    expect(connectionProblem(start)).toBe('none');
    expect(connectionProblem(withHostVerdict(start, 'reachable'))).toBe('none');
    expect(connectionProblem(withHostVerdict(start, 'token-refused'))).toBe('token-refused');
    expect(connectionProblem(withHostVerdict(start, 'not-running'))).toBe('host-not-running');
  });

  it('forgets the finding once the socket opens, so a later drop starts afresh', () => {
    const refused = withHostVerdict(dropped, 'token-refused');
    const back = nextConnectionState(refused, 'open');
    expect(connectionProblem(back)).toBe('none');
    expect(connectionProblem(nextConnectionState(back, 'connecting'))).toBe('reconnecting');
  });

  it('ignores an answer that arrives after the socket is open again', () => {
    expect(withHostVerdict(open, 'not-running')).toBe(open);
  });

  it('keeps "closed" (no token, or closed by us) whatever a probe said', () => {
    const closed = nextConnectionState(withHostVerdict(dropped, 'not-running'), 'closed');
    expect(connectionProblem(closed)).toBe('closed');
    expect(withHostVerdict(closed, 'token-refused')).toBe(closed);
  });
});

describe('connectionLabel', () => {
  it('names each state in a word or two', () => {
    expect(connectionLabel(start)).toBe('Connecting…');
    expect(connectionLabel(open)).toBe('Connected');
    expect(connectionLabel(dropped)).toBe('Reconnecting…');
    expect(connectionLabel(withHostVerdict(dropped, 'not-running'))).toBe('Host not running');
    expect(connectionLabel(withHostVerdict(start, 'token-refused'))).toBe('Token refused');
    expect(connectionLabel(nextConnectionState(start, 'closed'))).toBe('Disconnected');
  });
});

describe('needsReload', () => {
  it('reloads after a drop, not on a normal first open', () => {
    expect(needsReload(dropped, nextConnectionState(dropped, 'open'), false)).toBe(true);
    expect(needsReload(start, open, false)).toBe(false);
  });

  it('reloads on a late first open when the start-up calls already failed', () => {
    expect(needsReload(start, open, true)).toBe(true);
    expect(needsReload(open, open, true)).toBe(false);
  });
});
