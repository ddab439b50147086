import { describe, expect, it } from 'vitest';
import type { FollowInfo } from '../../../../shared/api/schemas/log-sources';
import { droppedNote, mergeActive, missedEnd, withEnd, withFollow, withOnlyFollowing } from './follow-list';

const follow = (followId: string, patch: Partial<FollowInfo> = {}): FollowInfo => ({
  followId,
  label: `file:/var/log/${followId}.log@web-1`,
  projectId: 'p1',
  environment: 'staging',
  source: { kind: 'file', host: 'web-1', path: `/var/log/${followId}.log` },
  startedAt: '2025-05-09T10:00:00.000Z',
  state: 'following',
  ...patch,
});

describe('the list of added sources', () => {
  it('adds a follow once and marks one ended with its code and reason', () => {
    const shown = withFollow(withFollow([], follow('a')), follow('a'));
    expect(shown).toHaveLength(1);
    const ended = withEnd(shown, { followId: 'a', label: shown[0]!.label, code: 'failed', reason: 'web-1: gone' });
    expect(ended[0]).toMatchObject({ state: 'ended', code: 'failed', reason: 'web-1: gone' });
  });

  it("adopts the engine's follows this window did not know and ends those that stopped unseen", () => {
    const shown = [follow('a'), follow('b'), follow('c', { state: 'ended', code: 'exited', reason: 'done' })];
    const merged = mergeActive(shown, [follow('b'), follow('d')]);
    expect(merged.map((f) => [f.followId, f.state, f.reason])).toEqual([
      ['a', 'ended', missedEnd],
      ['b', 'following', undefined],
      ['c', 'ended', 'done'],
      ['d', 'following', undefined],
    ]);
  });

  it('ends the follows a keepalive answer no longer lists', () => {
    const shown = [follow('a'), follow('b')];
    expect(withOnlyFollowing(shown, ['a', 'b'], ['b']).map((f) => f.state)).toEqual(['ended', 'following']);
    expect(withOnlyFollowing(shown, ['a', 'b'], ['a', 'b'])).toEqual(shown);
  });

  it('says how many lines the engine let go', () => {
    expect(droppedNote(1)).toMatch(/^… 1 line dropped/);
    expect(droppedNote(12_500)).toMatch(/^… 12,500 lines dropped before reaching this window/);
  });
});
