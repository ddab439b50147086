import { describe, expect, it } from 'vitest';
import { type ConnectionState, isConnectionLost, isReconnect, nextConnectionState } from './connection-state';

const start: ConnectionState = { status: 'connecting', hasBeenOpen: false };

describe('connection state', () => {
  it('is not "lost" while first connecting', () => {
    expect(isConnectionLost(start)).toBe(false);
  });

  it('is lost when a working connection drops, and found again when it returns', () => {
    const open = nextConnectionState(start, 'open');
    const dropped = nextConnectionState(open, 'connecting');
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
