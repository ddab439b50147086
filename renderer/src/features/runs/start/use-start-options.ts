import { useEffect, useState } from 'react';
import type { EnvironmentSummary, RunbookSummary } from '../../../../../shared/api/schemas/project';
import type { ProjectVersions } from '../../../../../shared/api/schemas/runs-ui';
import { api } from '../../../api/client';
import { errorMessage } from '../../../lib/error-message';

// The choices the start dialog offers for one project: its runbooks, environments and versions,
// fetched together when the project is chosen. A failure of one says which, and keeps the others.

export interface Loaded<T> {
  value?: T;
  error?: string;
}

export interface StartOptions {
  phase: 'idle' | 'loading' | 'ready';
  runbooks: Loaded<RunbookSummary[]>;
  environments: Loaded<EnvironmentSummary[]>;
  versions: Loaded<ProjectVersions>;
}

const idle: StartOptions = { phase: 'idle', runbooks: {}, environments: {}, versions: {} };

async function settle<T>(promise: Promise<T>): Promise<Loaded<T>> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

export function useStartOptions(projectId: string): StartOptions & { reload(): void } {
  const [options, setOptions] = useState<StartOptions>(idle);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the Retry trigger
  useEffect(() => {
    if (!projectId) {
      setOptions(idle);
      return;
    }
    let cancelled = false;
    setOptions((current) => ({ ...current, phase: 'loading' }));
    void Promise.all([
      settle(api.runbooks.list({ projectId })),
      settle(api.environments.list({ projectId })),
      settle(api.projects.versions({ projectId })),
    ]).then(([runbooks, environments, versions]) => {
      if (!cancelled) setOptions({ phase: 'ready', runbooks, environments, versions });
    });
    return () => {
      cancelled = true;
    };
  }, [projectId, attempt]);

  return { ...options, reload: () => setAttempt((n) => n + 1) };
}
