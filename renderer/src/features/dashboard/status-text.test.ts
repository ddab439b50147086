import { describe, expect, it } from 'vitest';
import { liveSourceNote, liveSummary, lockSummary, splitWarnings, timeAgo } from './status-text';

const now = new Date('2025-06-01T12:00:00Z');

describe('dashboard status wording', () => {
  it('says how long ago, coarsely', () => {
    expect(timeAgo('2025-06-01T11:59:30Z', now)).toBe('just now');
    expect(timeAgo('2025-06-01T11:56:00Z', now)).toBe('4 min ago');
    expect(timeAgo('2025-06-01T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo('2025-05-28T12:00:00Z', now)).toBe('4 days ago');
    expect(timeAgo('2025-04-02T12:00:00Z', now)).toBe('on 2025-04-02');
    expect(timeAgo(undefined, now)).toBe('—');
    expect(timeAgo('not a date', now)).toBe('not a date');
  });

  it('names the lock holder, stale or not, and tells free from unknown', () => {
    const lock = { holder: 'Ada on laptop', runId: 'r1', at: '2025-06-01T11:00:00Z', stale: false, where: 'w' };
    expect(lockSummary({ lock, lockChecked: true }, now)).toEqual({
      text: 'Ada on laptop',
      detail: 'since 1 h ago · run r1',
      tone: 'held',
    });
    expect(lockSummary({ lock: { ...lock, stale: true }, lockChecked: true }, now).tone).toBe('stale');
    expect(lockSummary({ lock: { ...lock, at: 'unknown' }, lockChecked: true }, now).detail).toBe(
      'since an unknown time · run r1',
    );
    expect(lockSummary({ lockChecked: true }, now)).toEqual({ text: 'Free', tone: 'free' });
    expect(lockSummary({ lockChecked: false }, now)).toEqual({ text: 'Unknown', tone: 'unknown' });
  });

  it('says where the live version was read', () => {
    expect(liveSourceNote('release history')).toBe('from the target’s release history');
    expect(liveSummary({ liveVersion: 'v1.2.0', liveSource: 'container label' })).toBe(
      'v1.2.0 from the running container',
    );
    expect(liveSummary({})).toBe('Nothing deployed that Release Pilot knows of');
  });
});

describe('warnings', () => {
  it('says a warning every environment shares once, and keeps the rest per environment', () => {
    const file = 'environments.yml has errors';
    expect(
      splitWarnings([
        { environment: 'a', warnings: [file, 'unreachable: web-1'] },
        { environment: 'b', warnings: [file] },
      ]),
    ).toEqual({ shared: [file], own: { a: ['unreachable: web-1'], b: [] } });
    expect(splitWarnings([{ environment: 'a', warnings: ['x'] }])).toEqual({ shared: [], own: { a: ['x'] } });
  });
});
