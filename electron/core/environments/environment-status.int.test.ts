import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { loadEnvironmentsFile } from '../formats/load-environments';
import { silentLogger } from '../logging/logger';
import { createRunTools } from '../run/tool-runners';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../test-lab/lab-project';
import { freePort, type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { projectEnvironmentStatus } from './environment-status';
import { lockLocation } from './lock-peek';
import { writePastRun } from './test-support/run-journals';
import { startSilentServer } from './test-support/silent-server';

// The dashboard's status against real sshd hosts: the release history and the lock read over SSH,
// a dead port and a silent host answered with "unreachable" inside the time limit, runs of this
// project (not another's) from real journals, and an invalid file still naming its environments.

const runbook = 'title: Deploy\nroles: { devops: DevOps }\nsteps:\n  - { id: go, title: Go, owner: devops }\n';

describe('environments:status core', () => {
  const tempDir = useTempDirs('rp-env-status-');
  let lab: SshdLab;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  let deadPort: number;

  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 1 });
    silent = await startSilentServer();
    deadPort = await freePort();
  });
  afterAll(async () => {
    await lab?.stop();
    await silent?.stop();
  });

  function project(environments: string) {
    const root = tempDir();
    makeLabProject(root, { runbook, environments });
    copyLabKeys(lab, root);
    return root;
  }

  const hostYaml = (name: string, port: number) =>
    labHostsYaml([{ ...lab.hosts[0]!, name, port }], { pin: 'known-hosts' });

  it('reads the live release and the lock holder from the first host, and the runs of this project', async () => {
    const dataDir = tempDir();
    const remote = tempDir();
    const historyFile = join(remote, 'releases.ndjson');
    const lockDir = join(remote, 'locks');
    const root = project(
      [
        'environments:',
        '  staging:',
        '    hosts:',
        hostYaml('host-1', lab.hosts[0]!.port),
        `    lockDir: ${lockDir}`,
        '    staleLockAfter: 1h',
        `    deploy: { historyFile: ${historyFile} }`,
        '  production:',
        '    protected: true',
        '',
      ].join('\n'),
    );
    writeFileSync(
      historyFile,
      [
        { version: 'v1.0.0', at: '2025-01-01T10:00:00Z', runId: 'r1', status: 'live' },
        { version: 'v1.1.0', at: '2025-01-02T10:00:00Z', runId: 'r2', status: 'live' },
        { version: 'v1.1.0', at: '2025-01-02T10:05:00Z', runId: 'r2', status: 'rolled-back' },
      ]
        .map((e) => `${JSON.stringify(e)}\n`)
        .join(''),
    );
    mkdirSync(join(lockDir, 'staging.lock'), { recursive: true });
    const lockedAt = new Date(Date.now() - 60_000).toISOString();
    writeFileSync(
      join(lockDir, 'staging.lock', 'info.json'),
      JSON.stringify({ holder: 'Grace Hopper on laptop-7', runId: 'run-42', at: lockedAt }),
    );
    const day = (d: number) => new Date(Date.UTC(2025, 0, d, 9));
    await writePastRun(dataDir, {
      runId: 'a1',
      projectPath: root,
      environment: 'production',
      version: 'v0.9.0',
      status: 'succeeded',
      startedAt: day(1),
    });
    await writePastRun(dataDir, {
      runId: 'a2',
      projectPath: root,
      environment: 'production',
      version: 'v1.0.0',
      status: 'failed',
      startedAt: day(2),
    });
    await writePastRun(dataDir, {
      runId: 'a3',
      projectPath: root,
      environment: 'production',
      version: 'v1.1.0',
      status: 'open',
      startedAt: day(3),
    });
    await writePastRun(dataDir, {
      runId: 'a4',
      projectPath: root,
      environment: 'staging',
      version: 'v1.2.0',
      status: 'open',
      startedAt: day(4),
    });
    // Another project's newer run on an environment of the same name is not this project's.
    await writePastRun(dataDir, {
      runId: 'b1',
      projectPath: '/elsewhere',
      environment: 'production',
      version: 'v9.9.9',
      status: 'succeeded',
      startedAt: day(5),
    });

    const started = Date.now();
    const statuses = await projectEnvironmentStatus({
      projectRoot: root,
      dataDir,
      logger: silentLogger,
      isActive: (runId) => runId === 'a4',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    const staging = statuses.find((s) => s.environment === 'staging');
    const production = statuses.find((s) => s.environment === 'production');
    expect(staging).toMatchObject({
      protected: false,
      liveVersion: 'v1.0.0', // v1.1.0 was rolled back
      liveSource: 'release history',
      lockChecked: true,
      lock: { holder: 'Grace Hopper on laptop-7', runId: 'run-42', at: lockedAt, stale: false },
      activeRun: { runId: 'a4', version: 'v1.2.0' },
      warnings: [],
    });
    expect(staging?.lock?.where).toBe(`host-1:${lockDir}/staging.lock`);
    expect(staging?.openRun).toBeUndefined();
    expect(production).toMatchObject({
      protected: true,
      liveVersion: 'v0.9.0',
      liveSource: 'run history',
      lockChecked: true,
      lastRun: { runId: 'a2', version: 'v1.0.0', status: 'failed' },
      openRun: { runId: 'a3', version: 'v1.1.0', operator: 'Ada Lovelace' },
      warnings: [],
    });
    expect(production?.lock).toBeUndefined();
    expect(production?.lastRun?.endedAt).toMatch(/^2025-01-02T/);
  });

  it('a stale lock is marked stale, and a lock with unreadable info still shows as held', async () => {
    const dataDir = tempDir();
    const lockDir = tempDir();
    const root = project(
      `environments:\n  qa:\n    lockDir: ${lockDir}\n    staleLockAfter: 1m\n  dev:\n    lockDir: ${lockDir}\n`,
    );
    mkdirSync(join(lockDir, 'qa.lock'));
    writeFileSync(
      join(lockDir, 'qa.lock', 'info.json'),
      JSON.stringify({ holder: 'ci on runner-3', runId: 'old', at: '2024-12-24T08:00:00.000Z' }),
    );
    mkdirSync(join(lockDir, 'dev.lock'));
    writeFileSync(join(lockDir, 'dev.lock', 'info.json'), '{ torn');
    const statuses = await projectEnvironmentStatus({
      projectRoot: root,
      dataDir,
      logger: silentLogger,
      isActive: () => false,
    });
    expect(statuses.find((s) => s.environment === 'qa')?.lock).toMatchObject({ holder: 'ci on runner-3', stale: true });
    expect(statuses.find((s) => s.environment === 'dev')?.lock).toMatchObject({
      holder: 'unknown (unreadable lock info)',
      stale: true,
      where: join(lockDir, 'dev.lock'),
    });
  });

  it('a dead port and a silent host answer "unreachable" within the limit, falling back to the runs', async () => {
    const dataDir = tempDir();
    const root = project(
      [
        'environments:',
        '  dead:',
        '    hosts:',
        hostYaml('web-dead', deadPort),
        '  silent:',
        '    hosts:',
        hostYaml('web-silent', silent.port),
        '',
      ].join('\n'),
    );
    await writePastRun(dataDir, {
      runId: 'c1',
      projectPath: root,
      environment: 'dead',
      version: 'v2.0.0',
      status: 'succeeded',
      startedAt: new Date('2025-02-01T10:00:00Z'),
    });
    const started = Date.now();
    const statuses = await projectEnvironmentStatus({
      projectRoot: root,
      dataDir,
      logger: silentLogger,
      isActive: () => false,
      limitMs: 1500,
    });
    const took = Date.now() - started;
    expect(took).toBeLessThan(4000);
    const dead = statuses.find((s) => s.environment === 'dead');
    expect(dead).toMatchObject({ liveVersion: 'v2.0.0', liveSource: 'run history', lockChecked: false });
    expect(dead?.warnings).toEqual([`unreachable: web-dead (127.0.0.1:${deadPort}): connection refused`]);
    const quiet = statuses.find((s) => s.environment === 'silent');
    expect(quiet).toMatchObject({ lockChecked: false });
    expect(quiet?.liveVersion).toBeUndefined();
    expect(quiet?.warnings).toEqual([`unreachable: web-silent (127.0.0.1:${silent.port}): no answer within 1.5 s`]);
  });

  it('reads the lock where the run engine takes it', async () => {
    const dataDir = tempDir();
    const root = project(
      ['environments:', '  remote:', '    hosts:', hostYaml('host-1', lab.hosts[0]!.port), '  local: {}', ''].join(
        '\n',
      ),
    );
    const loaded = await loadEnvironmentsFile(root);
    for (const environment of Object.values(loaded.environments ?? {})) {
      const tools = createRunTools({
        projectRoot: root,
        environment,
        logger: silentLogger,
        dataDir,
        project: 'lab',
      });
      expect(lockLocation(environment, dataDir).where).toBe(tools.lockSite().where);
      await tools.close();
    }
    expect(Object.keys(loaded.environments ?? {})).toEqual(['remote', 'local']);
  });

  it('a run driven by another live process is running, not left open', async () => {
    const dataDir = tempDir();
    const root = project('environments:\n  staging: {}\n');
    const other = spawn('sleep', ['30']);
    try {
      await writePastRun(dataDir, {
        runId: 'd1',
        projectPath: root,
        environment: 'staging',
        version: 'v3',
        status: 'open',
        startedAt: new Date(),
        ownerPid: other.pid,
      });
      const [status] = await projectEnvironmentStatus({
        projectRoot: root,
        dataDir,
        logger: silentLogger,
        isActive: () => false,
      });
      expect(status).toMatchObject({ activeRun: { runId: 'd1' } });
      expect(status?.openRun).toBeUndefined();
    } finally {
      other.kill();
    }
  });

  it('an invalid environments file still lists its environments, saying where the first error is', async () => {
    const dataDir = tempDir();
    const root = project('environments:\n  staging:\n    hosts: [stage-1]\n  production:\n    protected: true\n');
    const statuses = await projectEnvironmentStatus({
      projectRoot: root,
      dataDir,
      logger: silentLogger,
      isActive: () => false,
    });
    expect(statuses.map((s) => [s.environment, s.protected, s.lockChecked])).toEqual([
      ['staging', false, false],
      ['production', true, false],
    ]);
    expect(statuses[0]?.warnings[0]).toMatch(
      /^\.release-pilot\/environments\.yml has errors, so hosts and locks cannot be read: first at \.release-pilot\/environments\.yml:3:13 — /,
    );
  });

  it('a file whose environments cannot even be named is an error naming its line and column, not an empty list', async () => {
    const root = project('environments:\n  staging: [unclosed\n');
    const error = await rejectionOf(
      projectEnvironmentStatus({ projectRoot: root, dataDir: tempDir(), logger: silentLogger, isActive: () => false }),
      ApiError,
    );
    expect(error.code).toBe('invalid-project');
    expect(error.message).toMatch(
      /^\.release-pilot\/environments\.yml has errors, so no environment can be read: first at \.release-pilot\/environments\.yml:\d+:\d+ — /,
    );
  });
});
