import { create } from 'zustand';
import type { EnvironmentsFileText } from '../../../../shared/api/schemas/environments';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

// The project's environments.yml as the engine read it: the text for the editor, and the
// validated environments (with defaults) for the overview. One entry per project.

export interface FileEntry {
  phase: 'loading' | 'ready' | 'failed';
  /** Kept while reloading, so the overview does not blank. */
  file?: EnvironmentsFileText;
  error?: string;
}

interface FileState {
  byProject: Record<string, FileEntry>;
  load(projectId: string): Promise<EnvironmentsFileText | undefined>;
  /** After a save: what is on disk now, without another round trip. */
  put(projectId: string, file: EnvironmentsFileText): void;
}

let sequence = 0;
const latest = new Map<string, number>();

export const useEnvironmentFile = create<FileState>()((set, get) => {
  const put = (projectId: string, entry: FileEntry) =>
    set((state) => ({ byProject: { ...state.byProject, [projectId]: entry } }));
  return {
    byProject: {},
    async load(projectId) {
      const ticket = ++sequence;
      latest.set(projectId, ticket);
      put(projectId, { phase: 'loading', file: get().byProject[projectId]?.file });
      try {
        const file = await api.environments.read({ projectId });
        if (latest.get(projectId) === ticket) put(projectId, { phase: 'ready', file });
        return file;
      } catch (error) {
        if (latest.get(projectId) === ticket) put(projectId, { phase: 'failed', error: errorMessage(error) });
        return undefined;
      }
    },
    put(projectId, file) {
      latest.set(projectId, ++sequence);
      put(projectId, { phase: 'ready', file });
    },
  };
});
