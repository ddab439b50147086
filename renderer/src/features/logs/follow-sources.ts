import { create } from 'zustand';
import type { FollowInfo, LogEndedPush } from '../../../../shared/api/schemas/log-sources';
import { api } from '../../api/client';
import { useConnection } from '../../app/connection-store';
import { errorCode, errorMessage } from '../../lib/error-message';
import { droppedNote, mergeActive, withEnd, withFollow, withOnlyFollowing } from './follow-list';
import type { LogStore } from './log-store';

// The log sources added beside a run's output (containers, `tail -F`, journals). The engine
// follows them for every window; this window shows them all, feeds their pushed lines into the
// Logs screen's store under each source's label, and keeps them alive while it is open (the
// engine stops a follow no window has renewed for ten minutes). Like the run watcher, it
// outlives the screen: going elsewhere and back misses no line.

export interface FollowSourcesState {
  follows: FollowInfo[];
  removingId?: string;
  removeError?: { followId: string; message: string };
}

export const useFollowSources = create<FollowSourcesState>()(() => ({ follows: [] }));

export const keepaliveMs = 60_000;

export interface FollowSources {
  /** Starts listening (once): adopts the engine's follows, then follows pushes and reconnects. */
  start(): void;
  /** Throws the ApiError, so the dialog can show it beside what was typed. */
  add(request: Parameters<typeof api.logs.follow>[0]): Promise<FollowInfo>;
  /** Stops it in the engine (if still following) and takes it and its lines off the screen. */
  remove(followId: string): Promise<void>;
  labels(): Set<string>;
}

export function createFollowSources(store: LogStore): FollowSources {
  const removed = new Set<string>();
  // An end can arrive before the answer to `logs:follow` (Electron IPC does not order the two).
  const earlyEnds = new Map<string, LogEndedPush>();
  let started = false;
  let syncPending = false;

  const update = (change: (follows: FollowInfo[]) => FollowInfo[]) =>
    useFollowSources.setState((state) => ({ follows: change(state.follows) }));
  const known = (followId: string) => useFollowSources.getState().follows.some((f) => f.followId === followId);

  const sync = async () => {
    try {
      const active = await api.logs.follows();
      update((shown) =>
        mergeActive(
          shown,
          active.filter((f) => !removed.has(f.followId)),
        ),
      );
    } catch {
      // The connection banner says the host is away; the next reconnect syncs again.
    }
  };
  // Lines of a follow another window added: learn about it (once, for a burst of pushes).
  const syncSoon = () => {
    if (syncPending) return;
    syncPending = true;
    setTimeout(() => {
      syncPending = false;
      void sync();
    }, 200);
  };

  const keepalive = async () => {
    const followIds = useFollowSources
      .getState()
      .follows.filter((f) => f.state === 'following')
      .map((f) => f.followId);
    if (followIds.length === 0) return;
    try {
      const { following } = await api.logs.keepalive({ followIds });
      update((shown) => withOnlyFollowing(shown, followIds, following));
    } catch {
      // Tried again in a minute; ten minutes of silence are needed before the engine gives up.
    }
  };

  return {
    start() {
      if (started) return;
      started = true;
      api.on('logs:line', (push) => {
        if (removed.has(push.followId)) return;
        if (!known(push.followId)) syncSoon();
        if (push.dropped) store.push(push.label, 'info', droppedNote(push.dropped));
        for (const line of push.lines) store.push(push.label, push.stream, line);
      });
      api.on('logs:ended', (end) => {
        if (removed.has(end.followId)) return;
        if (known(end.followId)) update((shown) => withEnd(shown, end));
        else earlyEnds.set(end.followId, end);
      });
      useConnection.subscribe((now, before) => {
        if (now.status === 'open' && before.status !== 'open' && before.hasBeenOpen) void sync();
      });
      setInterval(() => void keepalive(), keepaliveMs);
      void sync();
    },
    async add(request) {
      const info = await api.logs.follow(request);
      const early = earlyEnds.get(info.followId);
      earlyEnds.delete(info.followId);
      // Following a source again: the ended row of the same name gives way (its lines stay, same source).
      update((shown) => {
        const next = withFollow(
          shown.filter((f) => !(f.state === 'ended' && f.label === info.label)),
          info,
        );
        return early ? withEnd(next, early) : next;
      });
      return info;
    },
    async remove(followId) {
      const follow = useFollowSources.getState().follows.find((f) => f.followId === followId);
      if (!follow) return;
      removed.add(followId);
      useFollowSources.setState({ removingId: followId, removeError: undefined });
      try {
        if (follow.state === 'following') await api.logs.unfollow({ followId });
      } catch (error) {
        // Ended meanwhile (not-found): it is gone either way.
        if (errorCode(error) !== 'not-found') {
          removed.delete(followId);
          useFollowSources.setState({ removingId: undefined, removeError: { followId, message: errorMessage(error) } });
          return;
        }
      }
      update((shown) => shown.filter((f) => f.followId !== followId));
      useFollowSources.setState({ removingId: undefined });
      store.drop((source) => source === follow.label);
    },
    labels: () => new Set(useFollowSources.getState().follows.map((f) => f.label)),
  };
}
