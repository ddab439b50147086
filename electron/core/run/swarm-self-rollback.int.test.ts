import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../shared/report/render-report';
import { parseReleaseLines } from '../deploy/history/release-lines';
import { createLabService, ensureSwarmManager, useSwarmServices, waitForTasks } from '../deploy/test-support/swarm-lab';
import { createDockerClient } from '../docker/docker-client';
import { buildBusyboxImage, buildDemoWebImage } from '../test-lab/busybox-image';
import { makeLabProject } from '../test-lab/lab-project';
import { useTempDirs } from '../test-support/temp-dir';
import { oneStepRunbook } from './test-support/one-step-runbook';
import { answers, runInLab } from './test-support/run-harness';

// Issue #18: when the Swarm engine rolls a bad update back by itself, the previous version is live
// again. The run records that once (the bad version rolled back), does not switch or record a
// second time in its rollback, and the report tells one cutover back, not two.

const client = createDockerClient({ via: 'local' });
const v1 = 'swarm-v1';
const bad = 'swarm-bad';

beforeAll(async () => {
  await ensureSwarmManager(client);
  await buildDemoWebImage(client, v1);
  // Starts, runs for a moment, exits 1: fails inside the update's monitor window.
  await buildBusyboxImage(client, { tag: `rp-lab-demo-web:${bad}`, cmd: ['sh', '-c', 'sleep 1; exit 1'] });
}, 120_000);

describe('a run whose Swarm update the engine rolls back by itself', () => {
  const tempDir = useTempDirs('rp-swarm-run-');
  const services = useSwarmServices(client);

  it('records the previous version live and the bad one rolled back, once; the report shows one switch back', async () => {
    const service = services.name();
    await createLabService(client, { name: service, image: `rp-lab-demo-web:${v1}`, version: v1, replicas: 1 });
    const root = tempDir();
    const dataDir = tempDir();
    makeLabProject(
      root,
      {
        runbook: oneStepRunbook({
          title: 'Swarm',
          roles: '{ devops: DevOps }',
          onFailure: 'rollback',
          actions: ['{ type: deploy, strategy: swarm }'],
        }),
        environments: `
environments:
  lab:
    lockDir: ${tempDir()}
    app: { image: rp-lab-demo-web, container: web }
    deploy:
      healthTimeout: 20s
      swarm: { service: ${service}, parallelism: 1, monitor: 2s, failureAction: rollback }
`,
      },
      [v1, bad],
    );
    // The history knows v1 from an earlier release.
    // Kept per project: the project is known by its folder's name here (no `project:` field).
    const historyPath = join(dataDir, 'targets', basename(root), 'lab', 'releases.ndjson');
    mkdirSync(join(historyPath, '..'), { recursive: true });
    writeFileSync(
      historyPath,
      `${JSON.stringify({ version: v1, at: new Date().toISOString(), runId: 'r1', status: 'live' })}\n`,
    );

    const run = await runInLab({ projectRoot: root, dataDir, environment: 'lab', version: bad, answers: answers({}) });

    expect(run.status).toBe('rolled-back');
    // The engine's rollback put v1's task back (it may still be starting on a busy machine).
    await waitForTasks(client, service, `rp-lab-demo-web:${v1}`, 1, 60_000);
    const failed = run.find('action.failed').map((e) => e.data.error);
    expect(failed[0]).toMatchObject({ code: 'swarm-rolled-back' });
    // One switch back to v1, from the engine's own rollback; no revert switching again.
    expect(run.find('traffic.switched').map((e) => e.data.weights)).toEqual([{ [v1]: 100 }]);
    expect(run.find('action.started').map((e) => e.data.type)).toEqual(['deploy']);
    // Recorded once: v1 live again, the bad version rolled back.
    expect(run.find('release.recorded').map((e) => e.data)).toEqual([
      expect.objectContaining({ version: v1, rolledBack: bad }),
    ]);
    const entries = parseReleaseLines(readFileSync(historyPath, 'utf8')).entries;
    expect(entries.map((e) => `${e.version}:${e.status}`)).toEqual([`${v1}:live`, `${bad}:rolled-back`, `${v1}:live`]);

    const report = renderReport(run.events);
    expect(report.match(/Traffic switched/g)).toHaveLength(1);
    expect(report).toContain(`${v1} live in lab again; ${bad} rolled back`);
    expect(report).not.toContain(`(before: ${bad})`);
  }, 180_000);
});
