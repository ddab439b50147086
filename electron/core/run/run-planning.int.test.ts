import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { loadDeploymentPlan } from '../planning/load-plan';
import { makeLabProject } from '../test-lab/lab-project';
import { useTempDirs } from '../test-support/temp-dir';
import { answers, runInLab } from './test-support/run-harness';

// Deployment windows, the plan a run carries out and the incident a failed production run opens,
// through the real executor on a local-only project (no hosts needed).

const runbook = (argv: string) => `
title: Planned
roles: { devops: DevOps Engineer, release-manager: Release Manager }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    onFailure: abort
    actions:
      - { type: shell, argv: ${argv} }
    checklists:
      - title: Preparation
        items:
          - { id: backup, text: Database backup taken, before: true }
          - { id: notes, text: Release notes published }
`;

/** Weekdays 09:00–17:00 in Berlin, and a freeze over the whole of 2026-12-24. */
const schedule = `
    schedule:
      timezone: Europe/Berlin
      windows: [{ days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }]
      freezes: [{ from: "2026-12-24T00:00", to: "2026-12-25T00:00", reason: Christmas Eve freeze }]`;

const christmasEve = () => new Date('2026-12-24T10:00:00Z');

describe('runs and their deployment window, plan and incident', () => {
  const tempDir = useTempDirs('rp-plan-run-');

  function project(argv = '[true]', protectedEnv = false) {
    const root = tempDir();
    const env = `environments:\n  prod:\n    protected: ${protectedEnv}\n    lockDir: ${tempDir()}/locks${schedule}\n`;
    makeLabProject(root, { runbook: runbook(argv), environments: env });
    return root;
  }

  it('refuses a run inside a freeze before anything is written, saying why and when it may start', async () => {
    const root = project();
    const dataDir = tempDir();
    const error = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'prod',
      version: 'v1.1.0',
      now: christmasEve,
    }).catch((e) => e);
    expect(error.code).toBe('outside-window');
    expect(error.message).toMatch(/Christmas Eve freeze/);
    expect(error.message).toMatch(/next allowed: .*2026-12-25/);
    expect(error.message).toMatch(/release-manager/);
    expect(existsSync(join(dataDir, 'runs')) ? readdirSync(join(dataDir, 'runs')) : []).toEqual([]);
  });

  it('refuses an override from a role the runbook does not allow', async () => {
    const error = await runInLab({
      projectRoot: project(),
      dataDir: tempDir(),
      environment: 'prod',
      version: 'v1.1.0',
      now: christmasEve,
      windowOverride: 'hotfix for the checkout outage',
    }).catch((e) => e);
    expect(error.code).toBe('override-refused');
    expect(error.message).toMatch(/devops/);
  });

  it('runs with a release manager’s written override, journals it and the plan it carried out', async () => {
    const root = project();
    const dataDir = tempDir();
    const run = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'prod',
      version: 'v1.1.0',
      now: christmasEve,
      windowOverride: 'hotfix for the checkout outage',
      answers: answers({
        operator: { name: 'Grace Hopper', role: 'release-manager' },
        checklist: { '*': { by: 'Grace Hopper' } },
      }),
    });
    expect(run.status).toBe('succeeded');
    const [overridden] = run.find('window.overridden');
    expect(overridden?.data).toMatchObject({
      reason: 'hotfix for the checkout outage',
      by: 'Grace Hopper',
      role: 'release-manager',
    });
    expect(overridden?.data.rule).toMatch(/freeze/i);
    // The digest journaled is the one `release-pilot plan` shows for the same inputs.
    const plan = await loadDeploymentPlan({
      projectRoot: root,
      environment: 'prod',
      version: 'v1.1.0',
      dataDir: tempDir(),
      logger: silentLogger,
    });
    expect(run.find('plan.recorded')[0]?.data.digest).toBe(plan.digest);
    expect(run.types().indexOf('plan.recorded')).toBeLessThan(run.types().indexOf('step.started'));
  });

  it('carries items pre-ticked in an offline review into the run, and refuses unknown ones', async () => {
    const root = project();
    const run = await runInLab({
      projectRoot: root,
      dataDir: tempDir(),
      environment: 'prod',
      version: 'v1.1.0',
      now: () => new Date('2026-12-22T10:00:00Z'),
      preTicks: [
        { item: 'deploy.backup', by: 'Ada Lovelace', role: 'devops', note: 'snapshot 42', at: '2026-12-21T16:00:00Z' },
      ],
      // Only the item not pre-ticked is answered during the run.
      answers: answers({ checklist: { 'deploy.notes': { by: 'Grace Hopper' } } }),
    });
    expect(run.status).toBe('succeeded');
    expect(run.find('run.started')[0]?.data.carried).toBe(1);
    const ticks = run.find('checklist.ticked').map((e) => e.data);
    expect(ticks[0]).toMatchObject({ item: 'deploy.backup', by: 'Ada Lovelace', carried: true });
    expect(String(ticks[0]?.note)).toMatch(/snapshot 42 \(pre-ticked in review 2026-12-21T16:00:00Z\)/);
    expect(ticks[1]).toMatchObject({ item: 'deploy.notes', by: 'Grace Hopper' });

    const error = await runInLab({
      projectRoot: root,
      dataDir: tempDir(),
      environment: 'prod',
      version: 'v1.1.0',
      now: () => new Date('2026-12-22T10:00:00Z'),
      preTicks: [{ item: 'deploy.nope', by: 'Ada' }],
    }).catch((e) => e);
    expect(error.message).toMatch(/pre-tick "deploy.nope": no such checklist item/);
  });

  it('opens an incident with a post-mortem draft when a protected run fails', async () => {
    const root = project('[sh, -c, "echo database migration failed >&2; exit 3"]', true);
    const dataDir = tempDir();
    const run = await runInLab({
      projectRoot: root,
      dataDir,
      environment: 'prod',
      version: 'v1.1.0',
      now: () => new Date('2026-12-22T10:00:00Z'),
      answers: answers({ confirm: 'prod', checklist: { '*': { by: 'Ada Lovelace' } } }),
    });
    expect(run.status).toBe('aborted');
    const [opened] = run.find('incident.opened');
    expect(opened?.data.id).toBe(`INC-${run.handle.runId}`);
    const types = run.types();
    expect(types.indexOf('incident.opened')).toBeLessThan(types.indexOf('run.finished'));
    const draft = readFileSync(opened!.data.path as string, 'utf8');
    expect(draft).toContain(run.handle.runId);
    expect(draft).toMatch(/database migration failed|exit(ed)? .*3/);
  });
});
