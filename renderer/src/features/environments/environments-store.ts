import { useStore } from 'zustand';
import type { EnvironmentSummary } from '../../../../shared/api/schemas/project';
import { api } from '../../api/client';
import { createProjectResourceStore, type ProjectResource } from '../../lib/project-resource-store';

/** Environments per project, cached so switching projects back and forth is instant. */
export const environmentsStore = createProjectResourceStore<EnvironmentSummary>((projectId) =>
  api.environments.list({ projectId }),
);

export function useEnvironments(projectId: string | undefined): ProjectResource<EnvironmentSummary> | undefined {
  return useStore(environmentsStore, (state) => (projectId ? state.byProject[projectId] : undefined));
}
