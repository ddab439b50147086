import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { api } from '../../api/client';
import { useConnection } from '../../app/connection-store';
import { errorMessage } from '../../lib/error-message';
import { newerThanBacklog, type OutputLine } from './join-backlog';
import type { LogStore } from './log-store';

/** How much of a run's written output is loaded when it is first watched. */
export const backlogLines = 50_000;

export type RunLogsPhase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'live'; backlog: number; truncated: boolean }
  | { kind: 'failed'; message: string };

interface WatchState {
  runId?: string;
  phase: RunLogsPhase;
}

export interface RunLogsWatcher {
  /** Fills the store with one run's output: what it wrote so far, then every line it pushes. */
  watch(runId: string | undefined, options?: { reload?: boolean }): void;
  state: UseBoundStore<StoreApi<WatchState>>;
}

/**
 * Keeps following a run while the Logs screen is closed, so going to another screen and back
 * during a run shows everything at once, with no refetch and no gap. A dropped connection loses
 * pushed lines, so coming back reloads from the run's written log.
 */
export function createRunLogsWatcher(store: LogStore): RunLogsWatcher {
  const state = create<WatchState>()(() => ({ phase: { kind: 'idle' } }));
  let stop: (() => void) | undefined;

  const watch = (runId: string | undefined, options: { reload?: boolean } = {}) => {
    if (!options.reload && state.getState().runId === runId) return;
    stop?.();
    stop = undefined;
    store.clear();
    state.setState({ runId, phase: runId ? { kind: 'loading' } : { kind: 'idle' } });
    if (!runId) return;

    // Subscribe before asking for the backlog, holding what arrives meanwhile: nothing falls in the gap.
    let held: OutputLine[] | undefined = [];
    let cancelled = false;
    const off = api.on('runs:output', (push) => {
      if (push.runId !== runId) return;
      if (held) held.push(push);
      else store.push(push.source, push.stream, push.line);
    });
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open' && before.hasBeenOpen) watch(runId, { reload: true });
    });
    stop = () => {
      cancelled = true;
      off();
      offConnection();
    };
    api.runs
      .logs({ runId, tail: backlogLines })
      .then((backlog) => {
        if (cancelled) return;
        for (const entry of backlog) store.push(entry.source, entry.stream, entry.line);
        for (const line of newerThanBacklog(backlog, held ?? [])) store.push(line.source, line.stream, line.line);
        held = undefined;
        state.setState({ phase: { kind: 'live', backlog: backlog.length, truncated: backlog.length >= backlogLines } });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        // Lines pushed from now on are still shown; the message says the earlier ones are missing.
        for (const line of held ?? []) store.push(line.source, line.stream, line.line);
        held = undefined;
        state.setState({ phase: { kind: 'failed', message: errorMessage(error) } });
      });
  };

  return { watch, state };
}
