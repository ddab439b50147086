import { describe, expect, it } from 'vitest';
import { Duration, formatDuration, parseDuration } from './duration';

// Edges beside duration.test.ts: rounding at unit boundaries, and schema errors as a runbook shows them.

describe('duration edges', () => {
  it('never writes 60 of a smaller unit when rounding up', () => {
    expect(formatDuration(999.6)).toBe('1s');
    expect(formatDuration(59_949)).toBe('59.9s');
    expect(formatDuration(59_999)).toBe('1m');
    expect(formatDuration(119_999)).toBe('2m');
    expect(formatDuration(3_599_999)).toBe('1h');
    expect(formatDuration(0)).toBe('0ms');
  });

  it('reads back what it writes', () => {
    for (const ms of [250, 1500, 30_000, 90_000, 300_000, 3_600_000, 5_400_000]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });

  it('parses the units in any order and adds them up', () => {
    expect(parseDuration('1m500ms')).toBe(60_500);
    expect(parseDuration('30s1h')).toBe(3_630_000);
    expect(Duration.parse('1h30m')).toBe(5_400_000);
    expect(Duration.parse('250ms')).toBe(250);
  });

  it('says how to write a duration, for text and for the wrong type', () => {
    const result = Duration.safeParse('soon');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('"soon" is not a duration');
    expect(Duration.safeParse('5m garbage').success).toBe(false);
    expect(Duration.safeParse(true).success).toBe(false);
    expect(Duration.safeParse(null).success).toBe(false);
  });
});
