import { describe, expect, it } from 'vitest';
import { nearestNames } from './nearest-names';

describe('nearestNames', () => {
  it('puts a one-letter typo first, then names sharing the beginning', () => {
    expect(nearestNames('v1.2.1', ['v2.0.0', 'v1.2.0', 'v1.1.0', 'release-7'])).toEqual(['v1.2.0', 'v1.1.0', 'v2.0.0']);
  });

  it('keeps the given order (newest first) among equally near names, and gives at most count', () => {
    expect(nearestNames('v9', ['v3', 'v2', 'v1'], 2)).toEqual(['v3', 'v2']);
  });

  it('gives nothing when there is nothing to choose from', () => {
    expect(nearestNames('v9', [])).toEqual([]);
  });
});
