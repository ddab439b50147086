import { create } from 'zustand';
import type { ConnectionTest } from '../../../../shared/api/schemas/environments';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

// "Test connection" results per project and environment. Kept while the person moves between
// environments and screens, so a test that took ten seconds is not lost by looking elsewhere.

export interface TestEntry {
  phase: 'running' | 'done' | 'failed';
  startedAt: number;
  result?: ConnectionTest;
  error?: string;
}

interface TestState {
  byKey: Record<string, TestEntry>;
  run(projectId: string, environment: string): Promise<void>;
}

export const testKey = (projectId: string, environment: string) => `${projectId}\u0000${environment}`;

export const useConnectionTests = create<TestState>()((set) => {
  const put = (key: string, entry: TestEntry) => set((state) => ({ byKey: { ...state.byKey, [key]: entry } }));
  return {
    byKey: {},
    async run(projectId, environment) {
      const key = testKey(projectId, environment);
      const startedAt = Date.now();
      put(key, { phase: 'running', startedAt });
      try {
        put(key, { phase: 'done', startedAt, result: await api.environments.test({ projectId, environment }) });
      } catch (error) {
        put(key, { phase: 'failed', startedAt, error: errorMessage(error) });
      }
    },
  };
});
