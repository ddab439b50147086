import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../../shared/api/schemas/run-control';
import { makeLabProject } from '../test-lab/lab-project';
import { freePort } from '../test-lab/sshd-lab';
import { createQueueDecider } from './queue-decider';
import { runInLab } from './test-support/run-harness';
import { answeredVersion, buildVersionApp, versionAppEnvironment } from './test-support/version-app';
import { rollbackRule } from './test-support/watched-runbook';

// A rollback rule firing at awkward moments: while an automatic check runs (nothing else is
// listening then), and a cancel while the rollback it started is still going. The app is a real
// container deployed by recreate; the bad version fails half of its /cgi-bin/version answers.

const image = `rp-it-races-${Math.random().toString(36).slice(2, 8)}`;

const alerts = `
alerts:
  - ${rollbackRule('RollbackOnErrorRate', '1s')}
`;

describe('a rollback rule firing while the run does something else', () => {
  const made: string[] = [];
  const containers: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-races-'));
    made.push(dir);
    return dir;
  };

  beforeAll(async () => {
    await buildVersionApp(image, 'v1.0.0', 0);
    await buildVersionApp(image, 'v1.2.0', 50);
  }, 180_000);

  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    for (const name of containers) execFileSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
  });

  async function project(steps: string, rollback = ''): Promise<{ root: string; port: number }> {
    const root = tempDir();
    const port = await freePort();
    const container = `${image}-app-${port}`;
    containers.push(container);
    const environments = versionAppEnvironment({ image, container, port, lockDir: `${tempDir()}/locks` });
    const runbook = `title: Races\nroles: { devops: DevOps Engineer }\nstrategy: recreate\n${steps}${alerts}${rollback}`;
    makeLabProject(root, { runbook, environments }, ['v1.0.0', 'v1.2.0']);
    return { root, port };
  }

  it('rolls back when the rule fires during an automatic check, instead of ending succeeded', async () => {
    const { root, port } = await project(`
steps:
  - id: production
    title: Production
    owner: devops
    actions:
      - { id: deploy, type: deploy }
  - id: smoke
    title: Smoke
    owner: devops
    checklists:
      - title: Settle
        items:
          - { id: settle, text: Let it settle, check: { type: command, argv: [sleep, "8"] } }
`);
    const dataDir = tempDir();
    const good = await runInLab({ projectRoot: root, dataDir, environment: 'prod', version: 'v1.0.0' });
    expect(good.status, JSON.stringify(good.find('run.finished'))).toBe('succeeded');

    const bad = await runInLab({ projectRoot: root, dataDir, environment: 'prod', version: 'v1.2.0' });
    expect(bad.find('alert.changed').some((e) => e.data.state === 'firing')).toBe(true);
    expect(bad.status, JSON.stringify(bad.find('run.finished'))).toBe('rolled-back');
    expect(bad.find('rollback.started')[0]?.data).toMatchObject({ trigger: 'alert' });
    expect(await answeredVersion(port)).toBe('v1.0.0');
  }, 120_000);

  it('ends a run cancelled during its alert rollback as cancelled, its monitors stopped before the end', async () => {
    const { root } = await project(
      `
steps:
  - id: production
    title: Production
    owner: devops
    actions:
      - { id: deploy, type: deploy }
  - id: monitoring
    title: Monitoring
    owner: devops
    actions:
      - { id: watch, type: watch, duration: 8s }
`,
      `
rollback:
  actions:
    - { id: settle, type: shell, argv: [sleep, "30"] }
`,
    );
    const dataDir = tempDir();
    const good = await runInLab({ projectRoot: root, dataDir, environment: 'prod', version: 'v1.0.0' });
    expect(good.status, JSON.stringify(good.find('run.finished'))).toBe('succeeded');

    const bad = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'prod',
      version: 'v1.2.0',
      onStart: (handle) =>
        handle.recorder.listen((event) => {
          if (event.type === 'action.started' && event.data.action === '@rollback.settle')
            handle.cancel('Grace Hopper');
        }),
    });
    // The cancel stopped the rollback's 30 s action: it never ran to its end.
    expect(bad.find('action.passed').map((e) => e.data.action)).not.toContain('@rollback.settle');
    expect(bad.find('rollback.started')[0]?.data).toMatchObject({ trigger: 'alert' });
    expect(bad.status, JSON.stringify(bad.find('run.finished'))).toBe('aborted');
    expect(bad.find('run.cancelled')[0]?.data).toMatchObject({ by: 'Grace Hopper' });
    // Nothing about the run is journaled after its end (notification outcomes aside).
    const types = bad.types().filter((type) => !type.startsWith('notification.'));
    expect(types.at(-1)).toBe('run.finished');
    expect(types).toContain('monitor.stopped');
  }, 120_000);

  it('withdraws the question a window shows when the rule fires while it waits for an answer', async () => {
    const { root, port } = await project(`
steps:
  - id: production
    title: Production
    owner: devops
    actions:
      - { id: deploy, type: deploy }
  - id: verify
    title: Verify
    owner: devops
    checklists:
      - title: Verify
        items:
          - { id: looked, text: Looked at the dashboards }
`);
    const dataDir = tempDir();
    const withdrawn: string[] = [];
    const reasons: (string | undefined)[] = [];
    const queue = (answerTicks: boolean) => {
      const runId = '';
      const decider = createQueueDecider(
        () => runId,
        { by: 'Ada Lovelace', role: 'devops' },
        (question: Question | null, answered?: string, why?: string) => {
          if (question === null && answered) withdrawn.push(answered);
          if (question === null && answered) reasons.push(why);
          if (question?.kind === 'tick' && answerTicks)
            queueMicrotask(() => decider.answer(question.id, { kind: 'tick' }));
        },
      );
      return decider;
    };
    const good = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'prod',
      version: 'v1.0.0',
      decider: queue(true),
    });
    expect(good.status, JSON.stringify(good.find('run.finished'))).toBe('succeeded');

    withdrawn.length = 0;
    reasons.length = 0;
    const decider = queue(false);
    const bad = await runInLab({ projectRoot: root, dataDir, environment: 'prod', version: 'v1.2.0', decider });
    expect(bad.status, JSON.stringify(bad.find('run.finished'))).toBe('rolled-back');
    // Gone from the windows when the rule fired, not left asking until the run's end.
    expect(decider.pending()).toEqual([]);
    expect(withdrawn).toHaveLength(1);
    // And the window is told why (issue #14 item 3), with the rule and what it measured.
    expect(reasons[0]).toMatch(/^automatic rollback — RollbackOnErrorRate fired \(.*measured \d/);
    expect(await answeredVersion(port)).toBe('v1.0.0');
  }, 120_000);
});
