import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import type { RunHandle } from './run-launcher';
import { runInLab } from './test-support/run-harness';
import { answeredVersion, buildVersionApp, versionAppEnvironment } from './test-support/version-app';
import { rollbackRule, watchedRunbook } from './test-support/watched-runbook';

// "Roll back now" during a real deploy's watch (issue #14 item 4): a container deployed by
// recreate, watched for ten minutes by a rule that never fires; the operator's trigger stops the
// watch at once and the container answers the previous version again (asked over HTTP).

const image = `rp-it-rollnow-${Math.random().toString(36).slice(2, 8)}`;

describe('Roll back now during the watch', () => {
  const made: string[] = [];
  let container = '';
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-rollnow-'));
    made.push(dir);
    return dir;
  };

  beforeAll(async () => {
    await buildVersionApp(image, 'v1.0.0', 0);
    await buildVersionApp(image, 'v1.2.0', 0);
  }, 180_000);

  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    if (container) execFileSync('docker', ['rm', '-f', container], { stdio: 'ignore' });
  });

  it('stops the watch and brings the previous version back, journaled as a manual trigger', async () => {
    const port = await freePort();
    container = `${image}-app-${port}`;
    const environments = versionAppEnvironment({ image, container, port, lockDir: `${tempDir()}/locks` });
    const project = (watch: string) => {
      const root = tempDir();
      const runbook = watchedRunbook({
        title: 'Roll back now',
        strategy: 'recreate',
        watch,
        alerts: [rollbackRule('RollbackOnErrorRate', '1s')],
      });
      makeLabProject(root, { runbook, environments }, ['v1.0.0', 'v1.2.0']);
      return root;
    };
    const dataDir = tempDir();
    const good = await runInLab({ projectRoot: project('1s'), dataDir, environment: 'prod', version: 'v1.0.0' });
    expect(good.status, JSON.stringify(good.find('run.finished'))).toBe('succeeded');
    expect(await answeredVersion(port)).toBe('v1.0.0');

    let triggered: boolean | undefined;
    const watching = async (handle: RunHandle) => {
      // A condition, not a delay: the watch step has started.
      while (handle.recorder.state.steps.find((s) => s.id === 'monitoring')?.state !== 'running')
        await new Promise((resolve) => setTimeout(resolve, 50));
      triggered = handle.rollBackNow('Ada Lovelace', 'latency looks wrong on the dashboards');
    };
    const run = await runInLab({
      projectRoot: project('10m'),
      dataDir,
      environment: 'prod',
      version: 'v1.2.0',
      onStart: (handle) => void watching(handle),
    });
    expect(triggered).toBe(true);
    expect(run.status, JSON.stringify(run.find('run.finished'))).toBe('rolled-back');
    expect(run.find('rollback.started')[0]?.data).toEqual({
      trigger: 'manual',
      reason: 'rolled back now by Ada Lovelace: latency looks wrong on the dashboards',
    });
    expect(await answeredVersion(port)).toBe('v1.0.0');
  }, 300_000);
});
