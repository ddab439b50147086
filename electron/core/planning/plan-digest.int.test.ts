import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../../../shared/planning/plan-markdown';
import { silentLogger } from '../logging/logger';
import { type LabProject, makeLabProject } from '../test-lab/lab-project';
import { useTempDirs } from '../test-support/temp-dir';
import { loadDeploymentPlan } from './load-plan';

// The plan digest covers everything a run does: approvals name it, so an edit to what runs must
// change it, and an edit that changes nothing (whitespace, comments) must not. Each project is a
// real git repository planned the way `release-pilot plan` plans it.

const runbook = `id: web
title: Web release
roles: { devops: DevOps Engineer }
variables: { table: users }
steps:
  - id: prepare
    title: Prepare
    owner: devops
    checklists:
      - title: Readiness
        items:
          - { id: tests, text: Tests pass, check: { type: command, argv: [npm, test] } }
          - { id: backup, text: Backup taken, before: true }
    actions:
      - { id: migrate, type: shell, argv: [echo, migrate] }
      - { id: health, type: http.check, url: "http://127.0.0.1:1/health", expectStatus: 200 }
  - id: watch
    title: Watch
    owner: devops
    actions:
      - { id: watch, type: watch, duration: 10m }
rollback:
  actions:
    - { type: shell, argv: [echo, roll-back] }
alerts:
  - { name: HighErrorRate, condition: error_rate > 5%, for: 5m, action: rollback }
`;

const environments = `environments:
  production:
    monitoring: { watch: 15m }
`;

const edits: Array<[string, string, string]> = [
  ['a shell action’s command', 'argv: [echo, migrate]', 'argv: [echo, DROP DATABASE]'],
  ['a watch duration', 'duration: 10m', 'duration: 1s'],
  ['an automatic check’s argv', 'argv: [npm, test]', 'argv: ["true"]'],
  ['an http.check expected status', 'expectStatus: 200', 'expectStatus: 500'],
  ['a checklist item’s before:', 'before: true', 'before: false'],
  ['an alert’s duration', 'for: 5m', 'for: 1h'],
  ['an alert’s threshold', 'error_rate > 5%', 'error_rate > 50%'],
  ['a runbook variable the actions may use', 'table: users', 'table: everything'],
  ['the rollback procedure', 'argv: [echo, roll-back]', 'argv: [echo, nothing]'],
];

describe('the plan digest', () => {
  const tempDir = useTempDirs();

  // One repository (its tags' commits are in the plan), its files rewritten in place between plans.
  let project: LabProject | undefined;
  async function planOf(runbookText: string, environmentsText = environments) {
    project ??= makeLabProject(tempDir(), { runbook, environments });
    project.write('.release-pilot/runbook.yml', runbookText);
    project.write('.release-pilot/environments.yml', environmentsText);
    return loadDeploymentPlan({
      projectRoot: project.root,
      environment: 'production',
      version: 'v1.1.0',
      dataDir: tempDir(),
      logger: silentLogger,
    });
  }

  beforeEach(() => {
    project = undefined;
  });

  it('changes with each edit to what the run does', async () => {
    const base = await planOf(runbook);
    for (const [what, from, to] of edits) {
      expect(runbook, what).toContain(from);
      const edited = await planOf(runbook.replace(from, to));
      expect(edited.digest, `${what}: ${from} → ${to}`).not.toBe(base.digest);
    }
    const probes = environments.replace('{ watch: 15m }', '{ watch: 15m, probes: { rate: 5 } }');
    const thresholds = await planOf(runbook, probes);
    expect(thresholds.digest, 'a probe setting of the environment').not.toBe(base.digest);
  });

  it('stays the same for whitespace and comments', async () => {
    const base = await planOf(runbook);
    const reformatted = `# the web release, reviewed\n${runbook
      .replace('argv: [echo, migrate]', 'argv:   [ echo,   migrate ]')
      .replace(
        '    actions:\n      - { id: migrate',
        '    actions:   # the schema migration first\n      - { id: migrate',
      )
      .replace('title: Prepare', 'title:    Prepare\n\n')}`;
    expect((await planOf(reformatted)).digest).toBe(base.digest);
  });

  it('shows the watch action’s own duration and what each action and check is given', async () => {
    const plan = await planOf(runbook);
    expect(plan.monitoring.watchMs).toBe(600_000);
    const markdown = renderPlanMarkdown(plan);
    expect(markdown).toContain('Watch window after the deployment: 10m.');
    expect(markdown).not.toContain('15m.');
    expect(markdown).toContain('`{"argv":["echo","migrate"],"retries":0,"retryDelay":2000}`');
    expect(markdown).toContain('"expectStatus":200');
    expect(markdown).toContain(
      '- [ ] Tests pass _(checked automatically)_: `{"argv":["npm","test"],"type":"command"}`',
    );
    expect(markdown).toContain('- [ ] Backup taken _(before the actions)_');
    const json = JSON.parse(JSON.stringify(plan));
    expect(json.steps[0].actions[0].settings.argv).toEqual(['echo', 'migrate']);
  });

  it('release-pilot plan --json: a watch duration edit changes the digest and the plan says 1s, not 15m', async () => {
    const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'release-pilot.mjs');
    const dataDir = tempDir();
    const planJson = () => {
      const args = ['plan', '--project', project!.root, '--env', 'production', '--version', 'v1.1.0', '-d', dataDir];
      const result = spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { digest: string; monitoring: { watchMs: number } };
    };
    await planOf(runbook);
    const before = planJson();
    project!.write('.release-pilot/runbook.yml', runbook.replace('duration: 10m', 'duration: 1s'));
    const after = planJson();
    expect(before.monitoring.watchMs).toBe(600_000);
    expect(after.monitoring.watchMs).toBe(1000);
    expect(after.digest).not.toBe(before.digest);
  });
});
