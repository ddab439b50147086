import { create } from 'zustand';
import type { RunSummary } from '../../../../shared/api/schemas/run';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

// The run list, used by the runs and reports screens. A live run pushes one `runs:event` per
// journal line; the list refetches at most every half second rather than once per line.

interface RunsState {
  phase: 'loading' | 'ready' | 'failed';
  runs: RunSummary[];
  error?: string;
  load(): Promise<void>;
}

export const useRuns = create<RunsState>()((set) => ({
  phase: 'loading',
  runs: [],
  async load() {
    set((state) => ({ phase: state.phase === 'failed' ? 'loading' : state.phase, error: undefined }));
    try {
      set({ phase: 'ready', runs: await api.runs.list() });
    } catch (error) {
      set({ phase: 'failed', error: errorMessage(error) });
    }
  },
}));

const refreshDelayMs = 500;

export function subscribeToRuns(): () => void {
  let timer: number | undefined;
  const off = api.on('runs:event', () => {
    if (timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      void useRuns.getState().load();
    }, refreshDelayMs);
  });
  return () => {
    off();
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
