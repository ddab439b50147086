import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createFollowSources } from './follow-sources';
import { createLogStore, type LogStoreState } from './log-store';
import { createRunLogsWatcher, type RunLogsPhase } from './run-logs-watcher';

/**
 * The Logs screen's store and what feeds it. Both outlive the screen, so switching to another
 * screen and back during a run neither refetches the backlog nor misses a line.
 */
export const liveLogs = createLogStore();
/** Containers, files and journals added beside the run's output. */
export const followSources = createFollowSources(liveLogs);
// Choosing another run replaces the run's output only; the added sources keep their lines.
const watcher = createRunLogsWatcher({
  ...liveLogs,
  clear: () => {
    const added = followSources.labels();
    liveLogs.drop((source) => !added.has(source));
  },
});

export function useLiveLogs<T>(selector: (state: LogStoreState) => T): T {
  return useStore(liveLogs.state, selector);
}

/** Lines kept per source, as offered on the screen. */
export const capacityChoices = [1_000, 10_000, 50_000, 100_000] as const;

const loading: RunLogsPhase = { kind: 'loading' };

/** Follows `runId` (until another run is chosen); Retry reloads it. */
export function useRunLogs(runId: string | undefined): { phase: RunLogsPhase; reload(): void } {
  useEffect(() => {
    // No run in the address yet (the screen is about to pick one): keep following the current one.
    if (runId) watcher.watch(runId);
  }, [runId]);
  const watched = watcher.state((state) => state.runId);
  const phase = watcher.state((state) => state.phase);
  return { phase: watched === runId ? phase : loading, reload: () => watcher.watch(runId, { reload: true }) };
}
