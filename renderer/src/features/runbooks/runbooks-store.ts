import { useStore } from 'zustand';
import type { RunbookSummary } from '../../../../shared/api/schemas/project';
import { api } from '../../api/client';
import { createProjectResourceStore, type ProjectResource } from '../../lib/project-resource-store';

/** Runbooks per project, cached so switching projects back and forth is instant. */
export const runbooksStore = createProjectResourceStore<RunbookSummary>((projectId) =>
  api.runbooks.list({ projectId }),
);

export function useRunbooks(projectId: string | undefined): ProjectResource<RunbookSummary> | undefined {
  return useStore(runbooksStore, (state) => (projectId ? state.byProject[projectId] : undefined));
}
