import { describe, expect, it } from 'vitest';
import { createDowntimeTracker } from './downtime-tracker';

const feed = (pattern: string, stepMs = 100) => {
  const tracker = createDowntimeTracker();
  [...pattern].forEach((c, i) => {
    tracker.add({ at: i * stepMs, ok: c === '.' });
  });
  return tracker;
};

describe('createDowntimeTracker', () => {
  it('no failure: zero downtime, no stretch', () => {
    expect(feed('.....').result()).toEqual({ ms: 0 });
  });

  it('measures from the first failure to the next success, keeping the longest stretch', () => {
    // failures at 100 (ends 200) and at 400..600 (ends 700)
    expect(feed('.x..xxx..').result()).toEqual({ ms: 300, from: 400, to: 700 });
    expect(feed('.xxxx.xx.').result()).toEqual({ ms: 400, from: 100, to: 500 });
  });

  it('a stretch still open counts up to now (or to the last probe)', () => {
    expect(feed('..xxx').result(1000)).toEqual({ ms: 800, from: 200, to: 1000 });
    expect(feed('..xxx').result()).toEqual({ ms: 200, from: 200, to: 400 });
  });

  it('probes this machine held up neither open, extend nor end a stretch', () => {
    const tracker = createDowntimeTracker();
    const held = { ok: false, notMeasured: 'not sent: this machine was busy' };
    for (const [at, sample] of [
      [0, { ok: true }],
      [100, held],
      [200, held],
      [300, { ok: true }],
      [400, { ok: false }],
      [500, held],
      [600, { ok: true }],
    ] as const)
      tracker.add({ at, ...sample });
    expect(tracker.result()).toEqual({ ms: 200, from: 400, to: 600 });
    const quiet = createDowntimeTracker();
    quiet.add({ at: 0, ...held });
    expect(quiet.result(1000)).toEqual({ ms: 0 });
  });

  it('a single failed probe between successes is one probe interval of downtime', () => {
    expect(feed('..x..', 20).result()).toEqual({ ms: 20, from: 40, to: 60 });
  });
});
