import type { RunEvent } from '../runs/run-event';
import type { RunEventData } from '../runs/run-events';
import { foldRun, type RunState } from '../runs/run-state';

// A plausible run to preview notifications on before any run exists: folded from a few journal
// events, so the preview goes through exactly the code a real run does.

export interface SampleRunOptions {
  project: string;
  environment: string;
  version?: string;
  previousVersion?: string;
  operator?: string;
  /** Roles the sample deploy step waits for (the environment's approvals, say). */
  approvals?: string[];
  roles?: Record<string, string>;
  /** When the sample run started (ISO). */
  at?: string;
}

export const sampleStepId = 'deploy';

export function sampleRunState(options: SampleRunOptions): RunState {
  const at = options.at ?? '2025-01-01T09:00:00.000Z';
  const started: RunEventData['run.started'] = {
    runId: 'sample-run',
    project: options.project,
    projectPath: '',
    runbook: 'sample',
    runbookTitle: 'Sample deployment',
    environment: options.environment,
    protected: false,
    version: options.version ?? '1.4.0',
    strategy: 'blue-green',
    operator: { by: options.operator ?? 'the operator' },
    roles: options.roles ?? {},
    steps: [
      {
        id: sampleStepId,
        title: `Deploy to ${options.environment}`,
        owner: 'release-manager',
        actions: [{ key: `${sampleStepId}/0`, type: 'deploy', title: 'Switch traffic to the new version' }],
        items: [],
        approvals: options.approvals ?? [],
      },
    ],
    exitCriteria: [],
    rollback: { id: '@rollback', title: 'Rollback', owner: 'release-manager', actions: [], items: [], approvals: [] },
  };
  const events: RunEvent[] = [
    { seq: 1, at, type: 'run.started', data: { ...started } },
    {
      seq: 2,
      at,
      type: 'version.resolved',
      data: { version: started.version, previousVersion: options.previousVersion ?? '1.3.2' },
    },
  ];
  return foldRun('sample-run', events);
}
