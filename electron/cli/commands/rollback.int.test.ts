import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvironmentReleases, rollbackTarget } from '../../core/deploy/history/read-history';
import { silentLogger } from '../../core/logging/logger';
import {
  buildRollbackLabImages,
  containerLabel,
  dockerRollbackRunbook,
  engineLiveVersion,
  historyEntries,
  rollbackLabEnvironments,
  rollbackLabImage,
  servedVersion,
} from '../../core/run/test-support/rollback-lab';
import { answers, runInLab } from '../../core/run/test-support/run-harness';
import { makeLabProject } from '../../core/test-lab/lab-project';
import { freePort } from '../../core/test-lab/sshd-lab';
import { useTempDirs } from '../../core/test-support/temp-dir';
import { rollbackCommand } from './releases';

// `release-pilot rollback` deploys the release live before the current one. Afterwards that
// release is what runs, what the label and the history say, and the one it undid is marked rolled
// back, so a second rollback does not return to it.

const image = rollbackLabImage();
const container = `rp-it-rollback-verb-${Math.random().toString(36).slice(2, 8)}`;

describe('release-pilot rollback', () => {
  const tempDir = useTempDirs('rp-rollback-verb-');
  let port: number;

  beforeAll(async () => {
    await buildRollbackLabImages(image, ['v1', 'v2']);
    port = await freePort();
  }, 120_000);
  afterAll(() => {
    execFileSync('sh', ['-c', `docker rm -f ${container} >/dev/null 2>&1 || true`]);
  });

  it('records what it started and marks the release it undid, so a second rollback skips it', async () => {
    const root = tempDir();
    const dataDir = tempDir();
    const environments = rollbackLabEnvironments(image, container, port, tempDir());
    makeLabProject(root, { runbook: dockerRollbackRunbook, environments }, ['v1', 'v2']);
    const release = (version: string) =>
      runInLab({ projectRoot: root, dataDir, environment: 'lab', version, answers: answers({}) });
    expect((await release('v1')).status).toBe('succeeded');
    const v2 = await release('v2');
    expect(v2.status).toBe('succeeded');
    const answersFile = join(tempDir(), 'answers.yml');
    writeFileSync(answersFile, 'operator: { name: Ada Lovelace, role: devops }\n');

    expect(await rollbackCommand({ project: root, env: 'lab', dataDir, answers: answersFile, json: true })).toBe(0);

    expect(await servedVersion(port)).toBe('v1');
    expect(containerLabel(container, 'dev.release-pilot.version')).toBe('v1');
    expect(historyEntries(dataDir).slice(-2)).toMatchObject([
      { version: 'v2', status: 'rolled-back', runId: v2.handle.runId },
      { version: 'v1', status: 'live' },
    ]);
    expect(await engineLiveVersion(root, dataDir)).toBe('v1');
    const releases = await readEnvironmentReleases({
      projectRoot: root,
      environment: 'lab',
      dataDir,
      logger: silentLogger,
    });
    expect(releases.live?.version).toBe('v1');
    // v2 was undone: there is nothing earlier than v1 left to roll back to.
    expect(rollbackTarget(releases)).toBeUndefined();
  }, 180_000);
});
