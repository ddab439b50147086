import type { Page } from '@playwright/test';
import { apiCall as callApi } from '../../e2e/support/api-call';

// Setting the scene through the API, as the app's own client would: the operator's name, the
// project opened, and one real run against staging that is still going (its image build prints
// and waits), so the run's live view and the Logs screen have something live to show.

export interface LiveScene {
  projectId: string;
  liveRunId: string;
  stop(): Promise<void>;
}

// The runbook's `before: true` items: ticked in the offline review, so the step's actions may start.
const preTicked = ['tests-passing', 'coverage', 'no-critical-bugs', 'security-scan', 'release-notes'];

export async function setLiveScene(page: Page, hostUrl: string, projectRoot: string): Promise<LiveScene> {
  const call = <T>(method: string, payload: unknown) => callApi<T>(page, hostUrl, method, payload);
  await call('settings:update', { operatorName: 'Ada Lovelace', operatorRole: 'Release Manager' });
  const { id: projectId } = await call<{ id: string }>('projects:open', { path: projectRoot });
  const { runId: liveRunId } = await call<{ runId: string }>('runs:start', {
    projectId,
    environment: 'staging',
    version: 'v1.5.0',
    preTicks: preTicked.map((item) => ({
      item: `preparation.${item}`,
      by: 'Grace Hopper',
      role: 'qa',
      note: item === 'security-scan' ? 'Trivy: 0 critical, 0 high' : undefined,
    })),
  });
  // The scene is set once the build has printed its last line before it waits.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const lines = await call<{ line: string }[]>('runs:logs', { runId: liveRunId, tail: 20 });
    if (lines.some((entry) => entry.line.includes('exporting layers'))) break;
    if (Date.now() > deadline) {
      throw new Error(`the live run ${liveRunId} printed no "exporting layers" line in 60 s: see its journal`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    projectId,
    liveRunId,
    async stop() {
      await call('runs:cancel', { runId: liveRunId }).catch(() => undefined);
    },
  };
}
