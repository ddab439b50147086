import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveRelease } from '../deploy/history/previous-release';
import { silentLogger } from '../logging/logger';
import { envSecrets } from '../secrets/env-secrets';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { dryRun } from './dry-run';
import {
  buildRollbackLabImages,
  commandRollbackRunbook,
  containerLabel,
  dockerRollbackRunbook,
  engineLiveVersion,
  historyEntries,
  historyFile,
  rollbackLabEnvironments,
  rollbackLabImage,
  servedVersion,
} from './test-support/rollback-lab';
import { answers, runInLab } from './test-support/run-harness';

// Issue #18 item 1: after a rollback the version recorded as live is the one serving. v1 and v2
// deploy, v3 fails its health check and rolls back by the documented pattern (docker.run of
// ${env.app.image}:${previous_version}); then the container's label, the release history, the
// next run's dry run and liveVersion must all say v2 — and so must the app itself.

const suffix = Math.random().toString(36).slice(2, 8);
const image = rollbackLabImage();
const containers = ['a', 'b', 'c'].map((c) => `rp-it-h1-${c}-${suffix}`);

describe('after a rollback, the version recorded as live is the one serving', () => {
  const tempDir = useTempDirs('rp-h1-');
  let ports: number[];

  beforeAll(async () => {
    await buildRollbackLabImages(image);
    ports = [await freePort(), await freePort(), await freePort()];
  }, 120_000);
  afterAll(() => {
    execFileSync('sh', ['-c', `docker rm -f ${containers.join(' ')} >/dev/null 2>&1 || true`]);
  });

  function project(runbook: string, i: number) {
    const root = tempDir();
    const environments = rollbackLabEnvironments(image, containers[i]!, ports[i]!, tempDir());
    makeLabProject(root, { runbook, environments }, ['v1', 'v2', 'v3']);
    return root;
  }
  const release = (root: string, dataDir: string, version: string) =>
    runInLab({ projectRoot: root, dataDir, environment: 'lab', version, answers: answers({}) });

  it('the documented docker.run rollback: label, history, dry run, liveVersion and the app all say v2', async () => {
    const root = project(dockerRollbackRunbook, 0);
    const dataDir = tempDir();
    expect((await release(root, dataDir, 'v1')).status).toBe('succeeded');
    expect((await release(root, dataDir, 'v2')).status).toBe('succeeded');
    const bad = await release(root, dataDir, 'v3');
    expect(bad.status).toBe('rolled-back');
    expect(bad.find('version.resolved')[0]?.data.previousVersion).toBe('v2');

    expect(await servedVersion(ports[0]!)).toBe('v2');
    expect(containerLabel(containers[0]!, 'dev.release-pilot.version')).toBe('v2');
    expect(containerLabel(containers[0]!, 'dev.release-pilot.run')).toBe(bad.handle.runId);

    const entries = historyEntries(dataDir);
    expect(entries.map((e) => `${e.version}:${e.status}`)).toEqual([
      'v1:live',
      'v2:live',
      'v3:live',
      'v3:rolled-back',
      'v2:live',
    ]);
    expect(liveRelease([...entries].reverse())?.version).toBe('v2');
    const recorded = bad.find('release.recorded').map((e) => e.data);
    expect(recorded.at(-1)).toMatchObject({ version: 'v2', previous: 'v3', rolledBack: 'v3' });
    expect(recorded.at(-1)?.check).toContain('v2 answers');

    expect(await engineLiveVersion(root, dataDir)).toBe('v2');
    const next = await dryRun({
      projectRoot: root,
      environment: 'lab',
      version: 'v3',
      dataDir,
      logger: silentLogger,
      secrets: envSecrets({}),
    });
    expect(next.previousVersion).toBe('v2');
    expect(next.rollback[0]).toMatchObject({ plan: { image: expect.stringMatching(/:v2$/) } });
  }, 180_000);

  it('a rollback of plain commands that puts v2 back is recorded too, confirmed by what answers', async () => {
    const root = project(commandRollbackRunbook(image, containers[1]!, ports[1]!, 'restart'), 1);
    const dataDir = tempDir();
    expect((await release(root, dataDir, 'v1')).status).toBe('succeeded');
    expect((await release(root, dataDir, 'v2')).status).toBe('succeeded');
    const bad = await release(root, dataDir, 'v3');
    expect(bad.status).toBe('rolled-back');
    expect(await servedVersion(ports[1]!)).toBe('v2');
    expect(historyEntries(dataDir).map((e) => `${e.version}:${e.status}`)).toEqual([
      'v1:live',
      'v2:live',
      'v3:rolled-back',
      'v2:live',
    ]);
    expect(await engineLiveVersion(root, dataDir)).toBe('v2');
  }, 180_000);

  it('a rollback that did not put v2 back (v3 still answers) is said, and the history is not changed', async () => {
    const root = project(commandRollbackRunbook(image, containers[2]!, ports[2]!, 'nothing'), 2);
    const dataDir = tempDir();
    expect((await release(root, dataDir, 'v2')).status).toBe('succeeded');
    const before = historyFile(dataDir);
    const bad = await release(root, dataDir, 'v3');
    expect(await servedVersion(ports[2]!)).toBe('v3');
    expect(bad.find('release.unconfirmed').map((e) => e.data)).toEqual([
      expect.objectContaining({ expected: 'v2', answered: 'v3' }),
    ]);
    expect(bad.output.map((o) => o.line)).toContainEqual(
      expect.stringContaining('release history not changed: the rollback should have put v2 back, but'),
    );
    expect(bad.find('release.recorded')).toEqual([]);
    expect(historyFile(dataDir)).toBe(before);
  }, 180_000);
});
