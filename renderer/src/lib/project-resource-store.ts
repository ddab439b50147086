import { createStore } from 'zustand/vanilla';
import { errorMessage } from './error-message';

// The runbooks and environments screens both list "things of one project", fetched per project
// and cached so switching back is instant. One small store per list, built by this factory.

export interface ProjectResource<T> {
  phase: 'loading' | 'ready' | 'failed';
  /** Kept while reloading, so a refresh does not blank the table. */
  items: T[];
  error?: string;
}

export interface ProjectResourceState<T> {
  byProject: Record<string, ProjectResource<T>>;
  load(projectId: string): Promise<void>;
}

export function createProjectResourceStore<T>(fetch: (projectId: string) => Promise<T[]>) {
  // Only the newest request per project may write: an older, slower answer must not win.
  const latest = new Map<string, number>();
  let sequence = 0;
  return createStore<ProjectResourceState<T>>()((set, get) => {
    const put = (projectId: string, next: ProjectResource<T>) =>
      set((state) => ({ byProject: { ...state.byProject, [projectId]: next } }));
    return {
      byProject: {},
      async load(projectId) {
        const ticket = ++sequence;
        latest.set(projectId, ticket);
        put(projectId, { phase: 'loading', items: get().byProject[projectId]?.items ?? [] });
        try {
          const items = await fetch(projectId);
          if (latest.get(projectId) === ticket) put(projectId, { phase: 'ready', items });
        } catch (error) {
          if (latest.get(projectId) === ticket)
            put(projectId, { phase: 'failed', items: [], error: errorMessage(error) });
        }
      },
    };
  });
}
