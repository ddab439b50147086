import { useStore } from 'zustand';
import type { EnvironmentStatus } from '../../../../shared/api/schemas/environments';
import { api } from '../../api/client';
import { createProjectResourceStore, type ProjectResource } from '../../lib/project-resource-store';

/**
 * Each open project's environment status (live version, lock, runs). Kept per project while the
 * dashboard is away, so coming back shows the last answer at once and refreshes behind it.
 */
export const statusStore = createProjectResourceStore<EnvironmentStatus>((projectId) =>
  api.environments.status({ projectId }),
);

export function useEnvironmentStatus(projectId: string): ProjectResource<EnvironmentStatus> | undefined {
  return useStore(statusStore, (state) => state.byProject[projectId]);
}

/** Journal events after which the dashboard's answer may be out of date. */
const changing = new Set([
  'run.started',
  'run.resumed',
  'run.finished',
  'lock.acquired',
  'lock.released',
  'lock.broken',
  'release.recorded',
  'traffic.switched',
]);

const refreshDelayMs = 800;

/** Refreshes every shown project's status when a run changes something, at most every 0.8 s. */
export function subscribeToStatusChanges(projectIds: () => string[]): () => void {
  let timer: number | undefined;
  const off = api.on('runs:event', ({ event }) => {
    if (!changing.has(event.type) || timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      for (const id of projectIds()) void statusStore.getState().load(id);
    }, refreshDelayMs);
  });
  return () => {
    off();
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
