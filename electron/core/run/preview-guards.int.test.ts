import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { envSecrets } from '../secrets/env-secrets';
import { makeLabProject } from '../test-lab/lab-project';
import { closedPort } from '../test-support/closed-port';
import { useTempDirs } from '../test-support/temp-dir';
import { previewRun } from './run-preview';
import { oneStepRunbook, touchMarkerAction } from './test-support/one-step-runbook';
import { answers, runInLab } from './test-support/run-harness';

// Issue #18 item 9: the preview (`runs:preview`) and `run --dry-run` apply the guards a start
// applies — environments passed for this version, the window/freeze, the deploy lock — and say
// "would refuse" with the very message the start then gives, against a real git project, a real
// lock folder on disk and a real freeze.

const runbook = oneStepRunbook({
  title: 'Guards',
  roles: '{ devops: DevOps Engineer, release-manager: Release Manager }',
  step: 'ship',
  actions: [touchMarkerAction],
});

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'release-pilot.mjs');

describe('preview and dry run check what a start checks', () => {
  const tempDir = useTempDirs('rp-guards-');

  async function setup() {
    const root = tempDir();
    const lockDir = join(tempDir(), 'locks');
    const marker = join(tempDir(), 'deployed');
    const port = await closedPort();
    mkdirSync(join(root, 'keys'), { recursive: true });
    writeFileSync(join(root, 'keys', 'known_hosts'), '');
    makeLabProject(root, {
      runbook,
      environments: [
        'environments:',
        '  staging:',
        `    lockDir: ${lockDir}`,
        `    variables: { marker: '${marker}.staging' }`,
        '  production:',
        '    protected: true',
        `    lockDir: ${lockDir}`,
        `    variables: { marker: '${marker}.production' }`,
        '  frozen:',
        `    lockDir: ${lockDir}`,
        `    variables: { marker: '${marker}.frozen' }`,
        '    schedule:',
        '      timezone: UTC',
        "      freezes: [{ from: '2000-01-01T00:00', to: '2099-12-31T00:00', reason: Year-end freeze }]",
        '  remote:',
        `    variables: { marker: '${marker}.remote' }`,
        '    hosts:',
        `      - { name: web-1, address: 127.0.0.1, port: ${port}, user: root, knownHosts: keys/known_hosts }`,
      ].join('\n'),
    });
    const dataDir = tempDir();
    const preview = (environment: string) =>
      previewRun({
        projectRoot: root,
        environment,
        version: 'v1.1.0',
        dataDir,
        logger: silentLogger,
        secrets: envSecrets({}),
      });
    const dryRun = (environment: string) =>
      spawnSync(
        process.execPath,
        [
          bin,
          'run',
          '--dry-run',
          '--project',
          root,
          '--env',
          environment,
          '--version',
          'v1.1.0',
          '--data-dir',
          dataDir,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
    const start = (environment: string) =>
      runInLab({
        projectRoot: root,
        dataDir,
        environment,
        version: 'v1.1.0',
        answers: answers({ confirm: environment }),
      });
    return { root, lockDir, marker, dataDir, preview, dryRun, start };
  }

  it('a missing staging pass: "would refuse" in preview and dry run, with the message the start gives', async () => {
    const s = await setup();
    const preview = await s.preview('production');
    const required = preview.guards.find((g) => g.guard === 'requires staging');
    expect(required).toMatchObject({ outcome: 'refused' });
    expect(required?.detail).toMatch(/^production needs v1\.1\.0 to have passed on staging first/);
    expect(preview.guards.filter((g) => g.guard !== 'requires staging').map((g) => g.outcome)).toEqual([
      'passed',
      'passed',
    ]);

    const dry = s.dryRun('production');
    expect(dry.stdout).toContain(`✗ would refuse — requires staging: ${required?.detail}`);
    expect(dry.status).toBe(3);

    const started = await s.start('production');
    expect(started.status).toBe('aborted');
    expect(started.find('guard.failed')[0]?.data).toEqual({ guard: 'requires staging', detail: required?.detail });
    expect(existsSync(`${s.marker}.production`)).toBe(false);

    // Once staging passed v1.1.0, the preview says so and the start goes through.
    expect((await s.start('staging')).status).toBe('succeeded');
    const after = await s.preview('production');
    expect(after.guards.find((g) => g.guard === 'requires staging')).toMatchObject({
      outcome: 'passed',
      detail: expect.stringMatching(/^run .+ passed v1\.1\.0 on staging$/),
    });
    expect(s.dryRun('production').status).toBe(0);
  });

  it('a held lock: "would refuse" naming its holder, as the refused start does', async () => {
    const s = await setup();
    const held = join(s.lockDir, 'staging.lock');
    mkdirSync(held, { recursive: true });
    const holder = { holder: 'Linus on laptop-7', runId: '20990101-000000-staging-beef', at: new Date().toISOString() };
    writeFileSync(join(held, 'info.json'), JSON.stringify(holder));

    const lock = (await s.preview('staging')).guards.find((g) => g.guard === 'deploy lock');
    expect(lock?.outcome).toBe('refused');
    expect(lock?.lift).toBeUndefined(); // a fresh lock is not stale: nothing but its end lifts it
    expect(lock?.detail).toContain('Linus on laptop-7 (run 20990101-000000-staging-beef');

    const dry = s.dryRun('staging');
    expect(dry.stdout).toContain(`✗ would refuse — deploy lock: ${lock?.detail}`);
    expect(dry.status).toBe(3);

    const refused = await s.start('staging').catch((error: Error) => error);
    expect((refused as Error).message).toBe(lock?.detail);
    // The lock is still the other run's, untouched by the preview, the dry run and the refusal.
    expect(JSON.parse(readFileSync(join(held, 'info.json'), 'utf8'))).toEqual(holder);
    expect(existsSync(`${s.marker}.staging`)).toBe(false);
  });

  it('a lock left by a run this machine saw end: "passed" in preview and dry run, and the start releases it', async () => {
    const s = await setup();
    const first = await s.start('staging');
    expect(first.status).toBe('succeeded');
    // The lock the ended run could not give back (its host went away): put back as it was held.
    const held = join(s.lockDir, 'staging.lock');
    const holder = first.find('lock.acquired')[0]?.data.holder as string;
    mkdirSync(held, { recursive: true });
    writeFileSync(
      join(held, 'info.json'),
      JSON.stringify({ holder, runId: first.handle.runId, at: new Date().toISOString() }),
    );

    const lock = (await s.preview('staging')).guards.find((g) => g.guard === 'deploy lock');
    expect(lock?.outcome).toBe('passed');
    expect(lock?.detail).toContain(`run ${first.handle.runId}`);
    expect(lock?.detail).toContain('a run that ended: the start releases it');
    const dry = s.dryRun('staging');
    expect(dry.stdout).toContain(`✓ passed — deploy lock: ${lock?.detail}`);
    expect(dry.status).toBe(0);

    const second = await s.start('staging');
    expect(second.status).toBe('succeeded');
    expect(second.find('lock.stale-released')[0]?.data).toMatchObject({ previous: { runId: first.handle.runId } });
    expect(existsSync(held)).toBe(false);
  });

  it('a freeze: "would refuse" with the start\'s reason, liftable by an override', async () => {
    const s = await setup();
    const window = (await s.preview('frozen')).guards.find((g) => g.guard === 'deployment window');
    expect(window).toMatchObject({ outcome: 'refused', lift: 'window-override' });
    expect(window?.detail).toContain('Year-end freeze');

    const dry = s.dryRun('frozen');
    expect(dry.stdout).toContain(`✗ would refuse — deployment window: ${window?.detail}`);
    expect(dry.status).toBe(3);

    const refused = await s.start('frozen').catch((error: Error) => error);
    expect((refused as Error).message).toBe(window?.detail);
    expect(existsSync(join(s.dataDir, 'runs'))).toBe(false);
  });

  it('a host that does not answer: "cannot tell", not "passed"', async () => {
    const s = await setup();
    const lock = (await s.preview('remote')).guards.find((g) => g.guard === 'deploy lock');
    expect(lock).toMatchObject({ outcome: 'unknown', detail: expect.stringMatching(/^cannot tell: .*web-1/) });
    expect(s.dryRun('remote').stdout).toContain('? cannot tell — deploy lock: cannot tell:');
  });
});
