import { create } from 'zustand';
import type { DemoOpened, DemoProgressPush, DemoStatus } from '../../../../shared/api/schemas/demo';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';
import { resetSummary } from './demo-stages';

// The built-in demo as the dashboard shows it: whether Docker and nginx are there for it, its
// set-up's progress (pushed as `demo:progress` while `demo:open` works), and what a reset removed.

interface DemoState {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  status?: DemoStatus;
  /** demo:status itself failed (not "Docker is down": that is an answer, in `status.docker`). */
  error?: string;
  busy?: 'open' | 'reset';
  /** A status request is on its way ("Check again" shows it). */
  checking: boolean;
  progress?: DemoProgressPush;
  /** The last open or reset that failed, shown on the card until the next try. */
  actionError?: string;
  /** What the last reset removed, in a sentence. */
  resetNote?: string;
  check(): Promise<void>;
  /** Throws nothing: a failure lands in `actionError` (and the status is asked again). */
  open(): Promise<DemoOpened | undefined>;
  reset(): Promise<boolean>;
}

/**
 * An open or a reset: one at a time, following `demo:progress` while it runs. A failure lands in
 * `actionError`, and the status is asked again (Docker may have stopped since the last look: the
 * card should say so, not only this error).
 */
async function busyWith<T>(kind: 'open' | 'reset', work: () => Promise<T>): Promise<T | undefined> {
  if (useDemo.getState().busy) return undefined;
  useDemo.setState({ busy: kind, progress: undefined, actionError: undefined, resetNote: undefined });
  const off = api.on('demo:progress', (progress) => useDemo.setState({ progress }));
  try {
    return await work();
  } catch (error) {
    useDemo.setState({ actionError: errorMessage(error) });
    void useDemo.getState().check();
    return undefined;
  } finally {
    off();
    useDemo.setState({ busy: undefined, progress: undefined });
  }
}

export const useDemo = create<DemoState>()((set, get) => ({
  phase: 'idle',
  checking: false,
  async check() {
    set((state) => ({ phase: state.status ? 'ready' : 'loading', error: undefined, checking: true }));
    try {
      set({ phase: 'ready', status: await api.demo.status() });
    } catch (error) {
      set({ phase: 'failed', error: errorMessage(error) });
    } finally {
      set({ checking: false });
    }
  },
  async open() {
    const opened = await busyWith('open', () => api.demo.open());
    if (opened) set({ status: opened.status, phase: 'ready' });
    return opened;
  },
  async reset() {
    const wasOpen = get().status?.projectId !== undefined;
    const result = await busyWith('reset', async () => {
      const reset = await api.demo.reset();
      // The reset deletes the demo's folder; an open demo is made again at once, so its card shows
      // the first state (nothing deployed, no runs) rather than a project whose folder is gone.
      return { ...reset, status: wasOpen ? (await api.demo.open()).status : reset.status };
    });
    if (!result) return false;
    set({ status: result.status, phase: 'ready', resetNote: resetSummary(result.removed) });
    return true;
  },
}));

/** The demo is this open project (by id, or by its folder when the status predates the open). */
export function isDemoProject(status: DemoStatus | undefined, project: { id: string; path: string }): boolean {
  if (!status) return false;
  return status.projectId === project.id || status.projectPath === project.path;
}
