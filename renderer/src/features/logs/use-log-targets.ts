import { useEffect, useState } from 'react';
import type { LogTargets } from '../../../../shared/api/schemas/log-sources';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

export type LogTargetsState =
  | { phase: 'idle' | 'loading'; targets: LogTargets[] }
  | { phase: 'ready'; targets: LogTargets[] }
  | { phase: 'failed'; targets: LogTargets[]; error: string };

// The last answer per project: the dialog opens with it at once (and asks again in the background).
const cache = new Map<string, LogTargets[]>();

/** What a project's environments offer to follow (hosts, Docker, app container), for the add-source dialog. */
export function useLogTargets(projectId: string): LogTargetsState & { reload(): void } {
  const [state, setState] = useState<LogTargetsState>(() => {
    const cached = cache.get(projectId);
    return cached ? { phase: 'ready', targets: cached } : { phase: 'idle', targets: [] };
  });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the Retry trigger
  useEffect(() => {
    if (!projectId) {
      setState({ phase: 'idle', targets: [] });
      return;
    }
    let cancelled = false;
    setState((current) => (current.phase === 'ready' ? current : { phase: 'loading', targets: current.targets }));
    api.logs
      .targets({ projectId })
      .then((targets) => {
        cache.set(projectId, targets);
        if (!cancelled) setState({ phase: 'ready', targets });
      })
      .catch((error: unknown) => !cancelled && setState({ phase: 'failed', targets: [], error: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [projectId, attempt]);

  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
