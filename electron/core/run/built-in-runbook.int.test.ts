import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerClient } from '../docker/docker-client';
import { buildDemoWebImage } from '../test-lab/busybox-image';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { useTempDirs } from '../test-support/temp-dir';
import { answers, runInLab } from './test-support/run-harness';

// The built-in nine-step runbook, used as it is by a project with no runbook of its own: it
// really deploys the environment's app, and rolls back to the version that was live before.

const suffix = Math.random().toString(36).slice(2, 8);
const containers = [`rp-it-builtin-staging-${suffix}`, `rp-it-builtin-production-${suffix}`];

describe('the built-in runbook', () => {
  const tempDir = useTempDirs('rp-builtin-');
  let ports: number[];

  beforeAll(async () => {
    const docker = createDockerClient({ via: 'local' });
    await buildDemoWebImage(docker, 'v1.0.0');
    await buildDemoWebImage(docker, 'v1.1.0');
    ports = [await freePort(), await freePort()];
  }, 120_000);
  afterAll(() => {
    execFileSync('sh', ['-c', `docker rm -f ${containers.join(' ')} >/dev/null 2>&1 || true`]);
  });

  function environments(): string {
    const env = (name: string, i: number, extra = '') =>
      `  ${name}:\n    lockDir: ${tempDir()}\n${extra}    app: { image: rp-lab-demo-web, container: ${containers[i]}, ports: ["127.0.0.1:${ports[i]}:80"] }\n    urls: { health: "http://127.0.0.1:${ports[i]}/health" }\n    monitoring: { watch: 2s, probes: { rate: 20, baseline: 500ms, version: body, url: "http://127.0.0.1:${ports[i]}/version" } }\n`;
    return `environments:\n${env('staging', 0)}${env('production', 1, '    protected: true\n')}`;
  }

  it('deploys staging then production, and rolls back a failed release to the version live before', async () => {
    const root = tempDir();
    makeLabProject(root, { runbook: '', environments: environments() });
    execFileSync('git', ['rm', '-q', '.release-pilot/runbook.yml'], { cwd: root });
    execFileSync(
      'git',
      ['-c', 'user.name=Lab', '-c', 'user.email=lab@example.test', 'commit', '-q', '-m', 'use the built-in runbook'],
      { cwd: root },
    );
    execFileSync('git', ['tag', 'v9.9.9'], { cwd: root });
    const dataDir = tempDir();
    const ok = answers({
      checklist: { '*': { by: 'Ada Lovelace', role: 'devops', note: 'checked' } },
      approvals: { 'tech-lead': { by: 'Grace Hopper' } },
      confirm: 'production',
      failures: { '*': 'rollback' },
    });

    const staging = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'staging',
      version: 'v1.1.0',
      answers: ok,
    });
    expect(staging.find('action.failed').map((e) => e.data)).toEqual([]);
    expect(staging.status).toBe('succeeded');
    const state = staging.handle.recorder.state;
    expect(state.steps.map((s) => s.id)).toHaveLength(9);
    expect(state.steps.filter((s) => s.state === 'skipped').map((s) => s.id)).toEqual(['production']);
    expect(state.steps.flatMap((s) => s.items).filter((i) => i.gate).length).toBeGreaterThan(0);

    const first = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v1.1.0',
      answers: ok,
    });
    expect(first.status).toBe('succeeded');

    // v9.9.9 is tagged but has no image: the deploy fails, and the rollback brings v1.1.0 back.
    const bad = await runInLab({ projectRoot: root, dataDir, environment: 'staging', version: 'v9.9.9', answers: ok });
    expect(bad.find('version.resolved')[0]?.data.previousVersion).toBe('v1.1.0');
    expect(bad.find('action.failed')[0]?.data.error).toMatchObject({ code: 'image-missing' });
    expect(bad.find('rollback.finished')[0]?.data).toEqual({ ok: true });
    expect(bad.status).toBe('rolled-back');
    expect((await (await fetch(`http://127.0.0.1:${ports[0]}/version`)).text()).trim()).toBe('v1.1.0');

    // Production never saw v9.9.9 pass on staging, so it refuses it before touching anything.
    const refused = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'production',
      version: 'v9.9.9',
      answers: ok,
    });
    expect(refused.status).toBe('aborted');
    expect(refused.find('action.started')).toEqual([]);
  }, 240_000);
});
