import type { FollowInfo, LogEndedPush } from '../../../../shared/api/schemas/log-sources';

// The added sources a window shows, kept in step with the engine's list: pushed ends mark them,
// and a fresh list from the engine (after a reload or a reconnect) adds the ones this window did
// not know and ends the ones that stopped while it was not listening.

export const missedEnd = 'stopped while this window was not connected';

export function withFollow(shown: readonly FollowInfo[], added: FollowInfo): FollowInfo[] {
  return shown.some((f) => f.followId === added.followId) ? [...shown] : [...shown, added];
}

export function withEnd(shown: readonly FollowInfo[], end: LogEndedPush): FollowInfo[] {
  return shown.map((f) =>
    f.followId === end.followId ? { ...f, state: 'ended', code: end.code, reason: end.reason } : f,
  );
}

export function mergeActive(shown: readonly FollowInfo[], active: readonly FollowInfo[]): FollowInfo[] {
  const activeIds = new Set(active.map((f) => f.followId));
  const merged = shown.map(
    (f): FollowInfo =>
      f.state === 'following' && !activeIds.has(f.followId)
        ? { ...f, state: 'ended', code: 'failed', reason: f.reason ?? missedEnd }
        : f,
  );
  const known = new Set(shown.map((f) => f.followId));
  return [...merged, ...active.filter((f) => !known.has(f.followId))];
}

/** Marks the follows the engine no longer has (an answer to `logs:keepalive`). */
export function withOnlyFollowing(
  shown: readonly FollowInfo[],
  asked: readonly string[],
  following: readonly string[],
) {
  const gone = new Set(asked.filter((id) => !following.includes(id)));
  if (gone.size === 0) return [...shown];
  return shown.map(
    (f): FollowInfo =>
      gone.has(f.followId) && f.state === 'following' ? { ...f, state: 'ended', code: 'failed', reason: missedEnd } : f,
  );
}

/** The note a source's lines carry where the engine let lines go. */
export function droppedNote(dropped: number): string {
  return `… ${dropped.toLocaleString('en')} ${dropped === 1 ? 'line' : 'lines'} dropped before reaching this window (the source wrote faster than it can be shown)`;
}
