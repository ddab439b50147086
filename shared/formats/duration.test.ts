import { describe, expect, it } from 'vitest';
import { Duration, formatDuration, parseDuration } from './duration';

describe('durations', () => {
  it('reads durations as people write them', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration(' 2m 10s ')).toBe(130_000);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', '5', '5 minutes', 'm5', '-1s', '5d']) expect(parseDuration(text)).toBeUndefined();
    const result = Duration.safeParse('5 minutes');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('"5 minutes" is not a duration: write e.g. 30s, 5m, 1h or 250ms');
    expect(Duration.safeParse(-1).success).toBe(false);
  });

  it('takes a bare number as seconds', () => {
    expect(Duration.parse(5)).toBe(5000);
    expect(Duration.parse(0.25)).toBe(250);
  });

  it('writes milliseconds back readably', () => {
    expect([250, 1500, 60_000, 90_000, 3_600_000, 5_400_000].map(formatDuration)).toEqual([
      '250ms',
      '1.5s',
      '1m',
      '1m30s',
      '1h',
      '1h30m',
    ]);
  });
});
