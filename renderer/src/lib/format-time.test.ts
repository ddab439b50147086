import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatTimestamp, runDuration } from './format-time';

describe('formatDateTime', () => {
  const pinned = { locale: 'en-GB', timeZone: 'UTC' };

  it('shows an absolute date and time to the second', () => {
    expect(formatDateTime('2025-11-26T11:32:05.120Z', pinned)).toBe('26 Nov 2025, 11:32:05');
  });

  it('uses a dash for a missing time', () => {
    expect(formatDateTime(undefined, pinned)).toBe('—');
  });

  it('shows text that is not a date unchanged', () => {
    expect(formatDateTime('yesterday-ish', pinned)).toBe('yesterday-ish');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [42_000, '42s'],
    [185_000, '3m 05s'],
    [3_720_000, '1h 02m'],
    [2 * 86_400_000 + 3 * 3_600_000, '2d 3h'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('uses a dash for negative or non-finite spans', () => {
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('runDuration', () => {
  it('measures from start to end', () => {
    expect(runDuration('2025-11-26T10:00:00Z', '2025-11-26T10:12:30Z')).toBe('12m 30s');
  });

  it('is undefined while the run has no end', () => {
    expect(runDuration('2025-11-26T10:00:00Z', undefined)).toBeUndefined();
  });

  it('is undefined when a time is not a date', () => {
    expect(runDuration('garbage', '2025-11-26T10:12:30Z')).toBeUndefined();
  });
});

describe('formatTimestamp', () => {
  it('gives a compact, sortable local time', () => {
    expect(formatTimestamp('2025-11-26T09:05:59Z', { timeZone: 'UTC' })).toBe('2025-11-26 09:05');
    expect(formatTimestamp('2025-11-26T23:30:00Z', { timeZone: 'Asia/Tokyo' })).toBe('2025-11-27 08:30');
  });

  it('uses a dash when missing and shows non-dates unchanged', () => {
    expect(formatTimestamp(undefined)).toBe('—');
    expect(formatTimestamp('soon')).toBe('soon');
  });
});
