import { afterEach, describe, expect, it } from 'vitest';
import { type HostLag, hostDelayLimit, startHostLag } from './host-lag';

// The event loop is held up for real (a synchronous busy wait), so the figures are lower bounds
// that hold however loaded the machine is.

const holdUp = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: nothing else runs on this loop meanwhile
  }
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 60));

let lag: HostLag | undefined;
afterEach(() => lag?.stop());

describe('startHostLag', () => {
  it('sees a hold-up while it goes on and after it ended, from any moment it overlapped', async () => {
    lag = startHostLag();
    await tick();
    const before = performance.now();
    holdUp(300);
    // Still going on (its timer has not run yet): counted all the same.
    expect(lag.worstSince(before)).toBeGreaterThanOrEqual(250);
    await tick();
    expect(lag.worstSince(before)).toBeGreaterThanOrEqual(250);
    expect(lag.worstSince(before - 5_000)).toBeGreaterThanOrEqual(250);
  });
});

describe('totalSince', () => {
  it('adds up many short hold-ups that the worst alone would not show', async () => {
    lag = startHostLag();
    await tick();
    const before = performance.now();
    for (let i = 0; i < 6; i++) {
      holdUp(40);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await tick();
    expect(lag.totalSince(before)).toBeGreaterThanOrEqual(6 * 40 - 6 * 20);
  });
});

describe('hostDelayLimit', () => {
  it('is a quarter of the probe timeout, at most 100 ms', () => {
    expect(hostDelayLimit(2000)).toBe(100);
    expect(hostDelayLimit(300)).toBe(75);
    expect(hostDelayLimit(100)).toBe(25);
  });
});
