import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveRelease } from '../deploy/history/previous-release';
import { parseReleaseLines } from '../deploy/history/release-lines';
import { createDockerClient } from '../docker/docker-client';
import { silentLogger } from '../logging/logger';
import { envSecrets } from '../secrets/env-secrets';
import { buildBusyboxImage } from '../test-lab/busybox-image';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { dryRun } from './dry-run';
import { loadRunTarget } from './run-target';
import { answers, runInLab } from './test-support/run-harness';
import { createRunTools } from './tool-runners';

// Issue #18 item 1: after a rollback the version recorded as live is the one serving. v1 and v2
// deploy, v3 fails its health check and rolls back by the documented pattern (docker.run of
// ${env.app.image}:${previous_version}); then the container's label, the release history, the
// next run's dry run and liveVersion must all say v2 — and so must the app itself.

const suffix = Math.random().toString(36).slice(2, 8);
const image = `rp-it-h1-web-${suffix}`;
const containers = [`rp-it-h1-a-${suffix}`, `rp-it-h1-b-${suffix}`, `rp-it-h1-c-${suffix}`];

/** v3 has no /health: its health check fails, so its step rolls back. */
function buildWeb(version: string) {
  return buildBusyboxImage(createDockerClient({ via: 'local' }), {
    tag: `${image}:${version}`,
    files: { '/www/version': version, ...(version === 'v3' ? {} : { '/www/health': 'ok' }) },
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
  });
}

function environments(container: string, port: number, lockDir: string): string {
  return `environments:
  lab:
    lockDir: ${lockDir}
    app: { image: ${image}, container: ${container}, ports: ["127.0.0.1:${port}:80"] }
    urls: { health: "http://127.0.0.1:${port}/health" }
    monitoring: { probes: { url: "http://127.0.0.1:${port}/version", version: body } }
`;
}

const check = '{ type: http.check, attempts: 15, interval: 200ms }';

const dockerRunbook = `
title: Rollback by the documented pattern
roles: { devops: DevOps }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    onFailure: rollback
    actions:
      - { type: docker.run }
      - ${check}
rollback:
  actions:
    - { type: docker.run, image: "\${env.app.image}:\${previous_version}" }
    - ${check}
`;

/** The same release done with plain commands: no docker.run, no deploy strategy. */
function shellRunbook(container: string, port: number, rollback: string): string {
  const start = (version: string) =>
    `{ type: shell, argv: [sh, -c, 'docker rm -f "$1" >/dev/null 2>&1; docker run -d --init --name "$1" -p "127.0.0.1:${port}:80" "$2"', start, ${container}, "${image}:${version}"] }`;
  return `
title: Rollback by commands
roles: { devops: DevOps }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    onFailure: rollback
    actions:
      - ${start('${version}')}
      - ${check}
rollback:
  actions:
    - ${rollback === 'restart' ? start('${previous_version}') : "{ type: shell, argv: ['true'] }"}
`;
}

const body = async (port: number) => (await (await fetch(`http://127.0.0.1:${port}/version`)).text()).trim();

function history(dataDir: string) {
  return parseReleaseLines(readFileSync(join(dataDir, 'targets', 'lab', 'releases.ndjson'), 'utf8')).entries;
}

async function liveVersion(root: string, dataDir: string) {
  const target = await loadRunTarget(root, 'lab');
  const tools = createRunTools({ projectRoot: root, environment: target.environment, logger: silentLogger, dataDir });
  try {
    return await tools.liveVersion(dataDir, 'lab', 'next');
  } finally {
    await tools.close();
  }
}

describe('after a rollback, the version recorded as live is the one serving', () => {
  const tempDir = useTempDirs('rp-h1-');
  let ports: number[];

  beforeAll(async () => {
    for (const version of ['v1', 'v2', 'v3']) await buildWeb(version);
    ports = [await freePort(), await freePort(), await freePort()];
  }, 120_000);
  afterAll(() => {
    execFileSync('sh', ['-c', `docker rm -f ${containers.join(' ')} >/dev/null 2>&1 || true`]);
  });

  async function release(root: string, dataDir: string, version: string) {
    return runInLab({ projectRoot: root, dataDir, environment: 'lab', version, answers: answers({}) });
  }

  it('the documented docker.run rollback: label, history, dry run, liveVersion and the app all say v2', async () => {
    const root = tempDir();
    const dataDir = tempDir();
    makeLabProject(root, { runbook: dockerRunbook, environments: environments(containers[0]!, ports[0]!, tempDir()) }, [
      'v1',
      'v2',
      'v3',
    ]);
    expect((await release(root, dataDir, 'v1')).status).toBe('succeeded');
    expect((await release(root, dataDir, 'v2')).status).toBe('succeeded');
    const bad = await release(root, dataDir, 'v3');
    expect(bad.status).toBe('rolled-back');
    expect(bad.find('version.resolved')[0]?.data.previousVersion).toBe('v2');

    expect(await body(ports[0]!)).toBe('v2');
    const labels = JSON.parse(
      execFileSync('docker', ['inspect', '--format', '{{json .Config.Labels}}', containers[0]!], { encoding: 'utf8' }),
    );
    expect(labels['dev.release-pilot.version']).toBe('v2');
    expect(labels['dev.release-pilot.run']).toBe(bad.handle.runId);
    const image = execFileSync('docker', ['inspect', '--format', '{{.Config.Image}}', containers[0]!], {
      encoding: 'utf8',
    }).trim();
    expect(image.endsWith(':v2')).toBe(true);

    const entries = history(dataDir);
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

    expect(await liveVersion(root, dataDir)).toBe('v2');
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
    const root = tempDir();
    const dataDir = tempDir();
    makeLabProject(
      root,
      {
        runbook: shellRunbook(containers[1]!, ports[1]!, 'restart'),
        environments: environments(containers[1]!, ports[1]!, tempDir()),
      },
      ['v1', 'v2', 'v3'],
    );
    expect((await release(root, dataDir, 'v1')).status).toBe('succeeded');
    expect((await release(root, dataDir, 'v2')).status).toBe('succeeded');
    const bad = await release(root, dataDir, 'v3');
    expect(bad.status).toBe('rolled-back');
    expect(await body(ports[1]!)).toBe('v2');
    expect(history(dataDir).map((e) => `${e.version}:${e.status}`)).toEqual([
      'v1:live',
      'v2:live',
      'v3:rolled-back',
      'v2:live',
    ]);
    expect(await liveVersion(root, dataDir)).toBe('v2');
    // The next release goes on from v2, and a succeeded run of commands is recorded as live.
    const again = await release(root, dataDir, 'v2');
    expect(again.find('version.resolved')[0]?.data.previousVersion).toBe('v2');
  }, 180_000);

  it('a rollback that did not put v2 back (v3 still answers) is said, and the history is not changed', async () => {
    const root = tempDir();
    const dataDir = tempDir();
    makeLabProject(
      root,
      {
        runbook: shellRunbook(containers[2]!, ports[2]!, 'nothing'),
        environments: environments(containers[2]!, ports[2]!, tempDir()),
      },
      ['v1', 'v2', 'v3'],
    );
    expect((await release(root, dataDir, 'v2')).status).toBe('succeeded');
    const before = readFileSync(join(dataDir, 'targets', 'lab', 'releases.ndjson'), 'utf8');
    const bad = await release(root, dataDir, 'v3');
    expect(await body(ports[2]!)).toBe('v3');
    expect(bad.find('release.unconfirmed').map((e) => e.data)).toEqual([
      expect.objectContaining({ expected: 'v2', answered: 'v3' }),
    ]);
    expect(bad.output.map((o) => o.line)).toContainEqual(
      expect.stringContaining('release history not changed: the rollback should have put v2 back, but'),
    );
    expect(bad.find('release.recorded')).toEqual([]);
    expect(readFileSync(join(dataDir, 'targets', 'lab', 'releases.ndjson'), 'utf8')).toBe(before);
  }, 180_000);
});
