import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion, sortTagsNewestFirst } from './version-order';

describe('version order', () => {
  it('reads version-like tags with prefixes, pre-releases and build metadata', () => {
    expect(parseVersion('v1.2.3')).toEqual({ numbers: [1, 2, 3], prerelease: [] });
    expect(parseVersion('release-2.0.0-rc.1')).toEqual({ numbers: [2, 0, 0], prerelease: ['rc', '1'] });
    expect(parseVersion('app/v3.1+build.7')).toEqual({ numbers: [3, 1], prerelease: [] });
    expect(parseVersion('nightly')).toBeUndefined();
  });

  it('orders by semver precedence, tolerating missing parts', () => {
    const order = (a: string, b: string) => Math.sign(compareVersions(parseVersion(a)!, parseVersion(b)!));
    expect(order('v1.10.0', 'v1.9.0')).toBe(1);
    expect(order('v1.2', 'v1.2.0')).toBe(0);
    expect(order('1.0.0-rc.2', '1.0.0')).toBe(-1);
    expect(order('1.0.0-rc.10', '1.0.0-rc.2')).toBe(1);
    expect(order('1.0.0-alpha', '1.0.0-alpha.1')).toBe(-1);
    expect(order('1.0.0-1', '1.0.0-alpha')).toBe(-1);
  });

  it('sorts tags newest first: versions, then other tags by date', () => {
    const tags = [
      { name: 'v1.9.0', date: '2026-01-01T10:00:00Z' },
      { name: 'nightly', date: '2026-03-01T10:00:00Z' },
      { name: 'v1.10.0', date: '2026-02-01T10:00:00Z' },
      { name: 'old-marker', date: '2025-03-01T10:00:00+02:00' },
      { name: 'v1.10.0-rc.1', date: '2026-01-20T10:00:00Z' },
    ];
    expect(sortTagsNewestFirst(tags).map((t) => t.name)).toEqual([
      'v1.10.0',
      'v1.10.0-rc.1',
      'v1.9.0',
      'nightly',
      'old-marker',
    ]);
  });
});
