import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import { createDockerClient } from '../docker/docker-client';
import { createDockerOps } from '../docker/docker-ops';
import { versionLabel } from '../docker/docker-plans';
import { useDockerCleanup } from '../docker/test-support/docker-cleanup';
import { buildBusyboxImage } from '../test-lab/busybox-image';
import { copyLabKeys, labHostsYaml, makeLabProject } from '../test-lab/lab-project';
import { type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { rejectionOf } from '../test-support/rejection';
import { useTempDirs } from '../test-support/temp-dir';
import { testEngine } from '../test-support/test-engine';
import { writePastRun } from './test-support/run-journals';

// The four environments methods through the engine's handlers and the contract's validation, as
// a window calls them: status (live version from a real container's label), read and save (with
// the projects:changed push), test against a real sshd host, and the errors a window can get.

const ctx = { transport: 'direct' as const };
const runbook = 'title: Deploy\nroles: { devops: DevOps }\nsteps:\n  - { id: go, title: Go, owner: devops }\n';
const local = createDockerClient({ via: 'local' });

describe('environments API', () => {
  const tempDir = useTempDirs('rp-env-api-');
  const docker = useDockerCleanup(local);
  let lab: SshdLab;
  let image: string;

  beforeAll(async () => {
    lab = await startSshdLab({ hosts: 1 });
    image = (await buildBusyboxImage(local, { tag: 'rp-lab-busybox:plain', cmd: ['sleep', '3600'] })).tag;
  });
  afterAll(async () => {
    await lab?.stop();
  });

  async function setup(environments: string) {
    const dataDir = tempDir();
    const root = tempDir();
    makeLabProject(root, { runbook, environments });
    copyLabKeys(lab, root);
    const engine = testEngine(dataDir);
    const pushed: EventName[] = [];
    engine.events.subscribe((name) => pushed.push(name));
    const { id } = await engine.handlers['projects:open']({ path: root }, ctx);
    pushed.length = 0; // opening announces the project; the tests look at what comes after
    return { engine, dataDir, root, projectId: id, pushed };
  }

  it('status: the version on the container label wins over the runs, and says so', async () => {
    const container = docker.name('rp-env-api');
    await createDockerOps(local).runContainer({ name: container, image, labels: { [versionLabel]: 'v4.2.0' } });
    const { engine, dataDir, root, projectId } = await setup(
      `environments:\n  staging:\n    docker: { via: local }\n    app: { image: rp-lab-busybox, container: ${container} }\n  qa:\n    docker: { via: local }\n    app: { image: rp-lab-busybox, container: rp-env-api-absent }\n`,
    );
    await writePastRun(dataDir, {
      runId: 'r1',
      projectPath: root,
      environment: 'staging',
      version: 'v4.1.0',
      status: 'succeeded',
      startedAt: new Date('2025-03-01T10:00:00Z'),
    });
    const statuses = await engine.handlers['environments:status']({ projectId }, ctx);
    expect(statuses.find((s) => s.environment === 'staging')).toMatchObject({
      liveVersion: 'v4.2.0',
      liveSource: 'container label',
      lockChecked: true,
      lastRun: { runId: 'r1', version: 'v4.1.0', status: 'succeeded' },
      warnings: [],
    });
    // No container yet and no runs: nothing live, and nothing to warn about.
    const qa = statuses.find((s) => s.environment === 'qa');
    expect(qa?.liveVersion).toBeUndefined();
    expect(qa?.warnings).toEqual([]);
  });

  it('read and save: a mistake comes back with line:column and changes nothing; a fix saves and is announced', async () => {
    const original = 'environments:\n  staging: {}\n';
    const { engine, root, projectId, pushed } = await setup(original);
    const read = await engine.handlers['environments:read']({ projectId }, ctx);
    expect(read).toMatchObject({ text: original, exists: true, problems: [] });

    const mistake = 'environments:\n  staging:\n    hosts:\n      - name: web-1\n        port: 99999\n';
    const refused = await engine.handlers['environments:save'](
      { projectId, text: mistake, baseDigest: read.digest },
      ctx,
    );
    expect(refused.saved).toBe(false);
    expect(refused.problems.map((p) => `${p.line}:${p.column}`)).toContain('5:15');
    expect(readFileSync(join(root, '.release-pilot', 'environments.yml'), 'utf8')).toBe(original);
    expect(pushed).not.toContain('projects:changed');

    const fixed = 'environments:\n  staging:\n    protected: true\n';
    const saved = await engine.handlers['environments:save']({ projectId, text: fixed, baseDigest: read.digest }, ctx);
    expect(saved).toMatchObject({ saved: true, problems: [] });
    expect(readFileSync(join(root, '.release-pilot', 'environments.yml.bak'), 'utf8')).toBe(original);
    expect(pushed).toContain('projects:changed');
    const [summary] = await engine.handlers['environments:list']({ projectId }, ctx);
    expect(summary).toMatchObject({ name: 'staging', protected: true });
  });

  it('test: a lab host reachable with its fingerprint; errors name the environment or the file', async () => {
    const { engine, projectId } = await setup(
      `environments:\n  staging:\n    hosts:\n${labHostsYaml(lab.hosts, { pin: 'fingerprint' })}\n`,
    );
    const result = await engine.handlers['environments:test']({ projectId, environment: 'staging' }, ctx);
    expect(result.hosts).toEqual([
      expect.objectContaining({
        host: 'host-1',
        reachable: true,
        fingerprint: lab.hosts[0]!.fingerprint,
        keyMatches: true,
      }),
    ]);

    const missing = await rejectionOf(
      engine.handlers['environments:test']({ projectId, environment: 'prod' }, ctx),
      ApiError,
    );
    expect(missing.code).toBe('not-found');
    expect(missing.message).toBe('no environment "prod" in .release-pilot/environments.yml (defined: staging)');

    const other = await setup('environments:\n  staging:\n    hosts: [stage-1]\n');
    const invalid = await rejectionOf(
      other.engine.handlers['environments:test']({ projectId: other.projectId, environment: 'staging' }, ctx),
      ApiError,
    );
    expect(invalid.code).toBe('invalid-project');
    expect(invalid.message).toMatch(
      /^\.release-pilot\/environments\.yml has 1 error\(s\); fix them first \(first at \.release-pilot\/environments\.yml:3:13 — /,
    );
  });

  it('bad requests are refused by the contract, an unknown project by the engine', async () => {
    const { engine } = await setup('environments:\n  staging: {}\n');
    const noEnv = await dispatch(engine.handlers, 'environments:test', { projectId: 'x', environment: '' }, ctx);
    expect(noEnv).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(noEnv)).toMatch(/environment: name the environment to test/);
    const stray = await dispatch(engine.handlers, 'environments:save', { projectId: 'x', text: '', extra: 1 }, ctx);
    expect(stray).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await dispatch(engine.handlers, 'environments:status', { projectId: 'nope' }, ctx);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no open project with id nope' } });
  });
});
