import { create } from 'zustand';
import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

// The open projects, shared by the dashboard (which opens and closes them) and the runbooks and
// environments screens (which pick one). The host pushes `projects:changed` whenever the list or
// a project's files change, so every window shows the same list.

interface ProjectsState {
  phase: 'loading' | 'ready' | 'failed';
  projects: ProjectSummary[];
  error?: string;
  /** The project the runbooks and environments screens show. */
  selectedId?: string;
  /** A failed close, shown on that project's card. */
  closeError?: { projectId: string; message: string };
  closingId?: string;
  load(): Promise<void>;
  /** Throws the ApiError, so the form can show it next to the field. */
  open(path: string): Promise<ProjectSummary>;
  close(projectId: string): Promise<void>;
  select(projectId: string): void;
  replace(projects: ProjectSummary[]): void;
}

export const useProjects = create<ProjectsState>()((set, get) => ({
  phase: 'loading',
  projects: [],
  async load() {
    set((state) => ({ phase: state.projects.length ? 'ready' : 'loading', error: undefined }));
    try {
      get().replace(await api.projects.list());
    } catch (error) {
      set({ phase: 'failed', error: errorMessage(error) });
    }
  },
  async open(path) {
    const project = await api.projects.open({ path });
    // The changed-event usually got here first; merge anyway so the list never lags the answer.
    const others = get().projects.filter((p) => p.id !== project.id);
    set({ projects: [project, ...others], phase: 'ready', selectedId: project.id });
    return project;
  },
  async close(projectId) {
    set({ closingId: projectId, closeError: undefined });
    try {
      get().replace(await api.projects.close({ projectId }));
    } catch (error) {
      set({ closeError: { projectId, message: errorMessage(error) } });
    } finally {
      set({ closingId: undefined });
    }
  },
  select(projectId) {
    set({ selectedId: projectId });
  },
  replace(projects) {
    set({ projects, phase: 'ready', error: undefined });
  },
}));

/** The selected project, or the first one when nothing (or a closed project) is selected. */
export function useSelectedProject(): ProjectSummary | undefined {
  return useProjects((state) => state.projects.find((p) => p.id === state.selectedId) ?? state.projects[0]);
}

export function subscribeToProjects(): () => void {
  return api.on('projects:changed', (projects) => useProjects.getState().replace(projects));
}
