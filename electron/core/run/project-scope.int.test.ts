import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../docker/docker-client';
import { silentLogger } from '../logging/logger';
import { loadDeploymentPlan } from '../planning/load-plan';
import { envSecrets } from '../secrets/env-secrets';
import { buildBusyboxImage } from '../test-lab/busybox-image';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { dryRun } from './dry-run';
import { oneStepRunbook } from './test-support/one-step-runbook';
import { answers, runInLab } from './test-support/run-harness';

// Two projects in one data folder, each with a `staging`: project A deploys v7 there for real (a
// container on the Docker engine, its release history written). Project B (a second checkout of
// the same repository, so v7 is even the same commit) has never deployed: its dry run, plan and
// run must say no version was live before, and A's staging pass must not let B into production.

const docker = createDockerClient({ via: 'local' });
const image = `rp-it-scope-${Math.random().toString(36).slice(2, 8)}`;
const container = `${image}-a`;

const deployRunbook = oneStepRunbook({ title: 'Deploy A', strategy: 'recreate', actions: ['{ type: deploy }'] });

const markerRunbook = (marker: string) =>
  oneStepRunbook({
    title: 'Deploy B',
    actions: [`{ type: shell, argv: [sh, -c, 'echo "\${env.name} \${version}" >> "$0"', ${JSON.stringify(marker)}] }`],
  });

afterAll(async () => {
  await docker.docker
    .getContainer(container)
    .remove({ force: true })
    .catch(() => undefined);
});

describe('two projects with an environment of the same name in one data folder', () => {
  const tempDir = useTempDirs('rp-project-scope-');

  it('B never deployed: no previous version in its dry run, plan or run, and A’s staging pass does not admit B to production', async () => {
    await buildBusyboxImage(docker, {
      tag: `${image}:v7`,
      files: { '/www/health': 'ok', '/www/version': 'v7' },
      cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
    });
    const port = await freePort();
    const dataDir = tempDir();
    const a = makeLabProject(
      join(tempDir(), 'shop-api'),
      {
        runbook: deployRunbook,
        environments: `environments:
  staging:
    app: { image: ${image}, container: ${container}, ports: ["127.0.0.1:${port}:80"], healthPath: /health }
    urls: { health: "http://127.0.0.1:${port}/health" }
`,
      },
      ['v6', 'v7'],
    );
    const rootB = join(tempDir(), 'shop-worker');
    execFileSync('git', ['clone', '-q', a.root, rootB]);
    const marker = join(tempDir(), 'b-ran.txt');
    writeFileSync(join(rootB, '.release-pilot', 'runbook.yml'), markerRunbook(marker));
    writeFileSync(
      join(rootB, '.release-pilot', 'environments.yml'),
      'environments:\n  staging: {}\n  production: { protected: true, requires: [staging] }\n',
    );

    const deployed = await runInLab({ projectRoot: a.root, dataDir, environment: 'staging', version: 'v7' });
    expect(deployed.status).toBe('succeeded');
    // What is true on the target: A's container serves v7, and A's history (only A's) says so.
    expect((await (await fetch(`http://127.0.0.1:${port}/version`)).text()).trim()).toBe('v7');
    const historyA = join(dataDir, 'targets', 'shop-api', 'staging', 'releases.ndjson');
    expect(readFileSync(historyA, 'utf8')).toContain('"version":"v7"');
    expect(readdirSync(join(dataDir, 'targets'))).toEqual(['shop-api']);

    const request = { environment: 'staging', version: 'v7', dataDir, logger: silentLogger, secrets: envSecrets({}) };
    // A itself knows what it left live.
    expect((await dryRun({ ...request, projectRoot: a.root })).previousVersion).toBe('v7');
    // B does not: nothing of B was ever deployed.
    expect((await dryRun({ ...request, projectRoot: rootB })).previousVersion).toBeUndefined();
    expect((await loadDeploymentPlan({ ...request, projectRoot: rootB })).previousVersion).toBeUndefined();
    const stagingB = await runInLab({ projectRoot: rootB, dataDir, environment: 'staging', version: 'v6' });
    expect(stagingB.status).toBe('succeeded');
    expect(stagingB.find('version.resolved')[0]?.data).not.toHaveProperty('previousVersion');

    // A passed v7 on staging (the same commit B's v7 names); B's production still needs its own pass.
    const production = await runInLab({
      projectRoot: rootB,
      dataDir,
      environment: 'production',
      version: 'v7',
      answers: answers({ confirm: 'production' }),
    });
    expect(production.status).not.toBe('succeeded');
    expect(production.find('guard.failed').map((e) => e.data)).toEqual([
      {
        guard: 'requires staging',
        detail: `production needs v7 to have passed on staging first; no succeeded run of v7 (${a.tags.v7!.slice(0, 8)}) on staging was found`,
      },
    ]);
    expect(readFileSync(marker, 'utf8')).toBe('staging v6\n');
    // The release history kept per project has its own folder per project, named as on every laptop.
    expect(basename(a.root)).toBe('shop-api');
    expect(existsSync(join(dataDir, 'targets', 'staging'))).toBe(false);
  }, 180_000);
});
