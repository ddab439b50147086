import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../../../shared/api/schemas/run';
import { api } from '../../../api/client';

// An open run (no end in its journal) is either being driven by this app right now, or was left
// open by a crash, a closed window or another machine. Only the host knows which: `runs:live`.

export function useInterruptedRuns(runs: readonly RunSummary[]): ReadonlySet<string> {
  const open = runs.filter((run) => run.status === 'open').map((run) => run.id);
  const key = open.join(',');
  const [interrupted, setInterrupted] = useState<ReadonlySet<string>>(new Set());

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the open run ids
  useEffect(() => {
    if (open.length === 0) {
      setInterrupted(new Set());
      return;
    }
    let cancelled = false;
    void Promise.all(
      open.map((runId) =>
        api.runs.live({ runId }).then(
          (live) => (live.active ? undefined : runId),
          () => undefined,
        ),
      ),
    ).then((ids) => {
      if (!cancelled) setInterrupted(new Set(ids.filter((id): id is string => id !== undefined)));
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  return interrupted;
}
