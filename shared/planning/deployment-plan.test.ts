import { describe, expect, it } from 'vitest';
import { Environment } from '../formats/environment-schema';
import { Runbook } from '../formats/runbook-schema';
import { Schedule } from '../formats/schedule-schema';
import { buildDeploymentPlan, type PlanRequest, planDigestText } from './deployment-plan';
import { renderPlanMarkdown } from './plan-markdown';

const pin = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const runbook = Runbook.parse({
  id: 'web',
  title: 'Web release',
  roles: { devops: 'DevOps Engineer', 'tech-lead': 'Tech Lead', 'release-manager': 'Release Manager' },
  strategy: 'blue-green',
  steps: [
    {
      id: 'prepare',
      title: 'Prepare | check',
      owner: 'devops',
      checklists: [
        {
          title: 'Readiness',
          gate: 1,
          items: [{ id: 'tests', text: 'Tests pass', check: { type: 'command', argv: ['true'] } }],
        },
      ],
      actions: [{ type: 'git.verify-clean' }, { type: 'manual', instructions: 'Tell support' }],
    },
    {
      id: 'deploy',
      title: 'Deploy',
      owner: 'devops',
      approvals: ['tech-lead'],
      onFailure: 'rollback',
      actions: [
        { id: 'copy', type: 'ssh.upload', hosts: ['web-2'], from: 'dist', to: '/srv/app' },
        { id: 'restart', type: 'ssh.exec', argv: ['systemctl', 'restart', 'app'] },
        { id: 'run', type: 'docker.run' },
        { id: 'ghost', type: 'ssh.exec', hosts: ['web-9'], argv: ['true'] },
      ],
    },
    {
      id: 'staging-only',
      title: 'Staging smoke',
      owner: 'devops',
      environments: ['staging'],
      actions: [{ type: 'ssh.exec', hosts: ['nowhere'], argv: ['true'] }],
    },
  ],
  alerts: [
    { name: 'HighErrorRate', condition: 'error_rate > 5%', for: '5m', severity: 'critical', action: 'rollback' },
    { name: 'SlowP95', condition: 'p95_latency > 2s', for: '10m' },
  ],
  rollback: {
    actions: [{ type: 'ssh.exec', argv: ['systemctl', 'restart', 'app@previous'] }],
    checklists: [{ title: 'After rollback', items: [{ id: 'ok', text: 'Old version answers' }] }],
  },
  exitCriteria: [{ id: 'stable', text: 'Error rate below 1% for an hour' }],
});

const environment = {
  name: 'production',
  ...Environment.parse({
    protected: true,
    approvals: ['release-manager'],
    hosts: [
      { name: 'web-1', address: '10.0.0.1', hostKey: pin },
      { name: 'web-2', address: '10.0.0.2', hostKey: pin },
    ],
    urls: { health: 'http://10.0.0.1:8080/health' },
    monitoring: { prometheus: { url: 'http://prom:9090', queries: { cpu_usage: 'avg(rate(cpu[1m]))' } } },
  }),
  schedule: Schedule.parse({
    timezone: 'Europe/Berlin',
    windows: [{ days: ['mon', 'tue', 'wed', 'thu'], from: '09:00', to: '16:00' }],
    freezes: [{ from: '2026-12-20T00:00', to: '2027-01-02T00:00', reason: 'year-end | freeze' }],
  }),
};

const request = (more: Partial<PlanRequest> = {}): PlanRequest => ({
  project: 'shop',
  runbook,
  environment,
  version: 'v2.0.0',
  previousVersion: 'v1.9.3',
  overrideRoles: ['release-manager'],
  now: new Date('2026-06-10T08:00:00Z'),
  ...more,
});

describe('buildDeploymentPlan', () => {
  it('gathers strategy, window, steps per host, stakeholders, rollback and monitoring', () => {
    const plan = buildDeploymentPlan(request());
    expect(plan.strategy).toMatchObject({ name: 'blue-green', source: 'runbook' });
    expect(plan.window).toMatchObject({ timezone: 'Europe/Berlin', windows: 'mon–thu 09:00–16:00 (Europe/Berlin)' });
    expect(plan.windowNow).toEqual({ allowed: true });
    const deploy = plan.steps.find((s) => s.id === 'deploy')!;
    expect(deploy.approvals).toEqual([{ role: 'tech-lead', title: 'Tech Lead' }]);
    expect(deploy.actions.map((a) => [a.key, a.where])).toEqual([
      ['deploy.copy', ['web-2']],
      ['deploy.restart', ['web-1', 'web-2']],
      ['deploy.run', ['this machine']],
      ['deploy.ghost', ['web-9']],
    ]);
    expect(plan.steps[0]!.actions.map((a) => a.where)).toEqual([['this machine'], ['in person']]);
    expect(plan.steps[2]!.notApplicable).toBe('applies to staging only; this run targets production');
    expect(plan.hosts.find((h) => h.host === 'web-2')!.actions.map((a) => a.key)).toEqual([
      'deploy.copy',
      'deploy.restart',
      '@rollback.1',
    ]);
    expect(plan.stakeholders.find((s) => s.role === 'release-manager')).toEqual({
      role: 'release-manager',
      title: 'Release Manager',
      leads: [],
      approves: [],
      environmentApproval: true,
      mayOverrideWindow: true,
    });
    expect(plan.rollback).toMatchObject({
      previousVersion: 'v1.9.3',
      checklist: ['Old version answers'],
      triggers: [
        'alert HighErrorRate: error_rate > 5% for 5m',
        'step deploy fails (its failure policy is rollback)',
        'the operator chooses rollback on a failed action',
      ],
    });
    expect(plan.monitoring).toMatchObject({
      probes: { url: 'http://10.0.0.1:8080/health', ratePerSecond: 10 },
      prometheus: { url: 'http://prom:9090', metrics: ['cpu_usage'] },
      watchMs: 3_600_000,
    });
    // Only steps that run are checked; blue-green without a proxy cannot switch traffic.
    expect(plan.problems).toEqual([
      'blue-green switches traffic through a proxy: give production a proxy: section',
      'deploy.ghost: host "web-9" is not in environment "production" (hosts: web-1, web-2)',
    ]);
  });

  it('takes the strategy asked for, and the strategy stages when given', () => {
    const stages = [
      { id: 'b1', title: 'Batch 1', hosts: ['web-1'] },
      { id: 'b2', title: 'Batch 2', hosts: ['web-2'] },
    ];
    const plan = buildDeploymentPlan(request({ strategy: 'rolling', strategyStages: stages }));
    expect(plan.strategy).toMatchObject({ name: 'rolling', source: 'request', stages });
    expect(plan.strategy.summary).toContain('in batches of 1');
  });

  it('digests the content only: the same plan built at another time has the same digest text', () => {
    const early = buildDeploymentPlan(request());
    const late = buildDeploymentPlan(request({ now: new Date('2026-06-13T10:00:00Z') }));
    expect(late.windowNow).toMatchObject({ allowed: false });
    expect(planDigestText(late)).toBe(planDigestText(early));
    expect(planDigestText(buildDeploymentPlan(request({ previousVersion: 'v1.9.2' })))).not.toBe(planDigestText(early));
  });
});

describe('renderPlanMarkdown', () => {
  it('renders every section, with table cells escaped against |', () => {
    const plan = {
      ...buildDeploymentPlan(request({ now: new Date('2026-06-13T10:00:00Z') })),
      digest: 'ab'.repeat(32),
    };
    const md = renderPlanMarkdown(plan);
    for (const heading of [
      '# Deployment plan: v2.0.0 to production',
      '## Strategy',
      '## Deployment window',
      '## Steps',
      '### 1. Prepare \\| check (`prepare`)',
      '## By host',
      '## Stakeholders',
      '## Rollback plan',
      '## Monitoring',
      '## Exit criteria',
      '## Problems to fix before the run',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| 2026-12-20T00:00 | 2027-01-02T00:00 | year-end \\| freeze |');
    expect(md).toContain('| `deploy.restart` | On all hosts: systemctl restart app | `ssh.exec` | web-1, web-2 |');
    expect(md).toContain(
      'When this plan was generated, a run was **refused**: Sat 2026-06-13 12:00 Europe/Berlin (UTC+02:00) is outside the deployment windows',
    );
    expect(md).toContain('Next allowed: Mon 2026-06-15 09:00 Europe/Berlin (UTC+02:00).');
    expect(md).toContain('| HighErrorRate | `error_rate > 5%` | 5m | critical | rollback |');
    expect(md).toContain(`\`sha256:${'ab'.repeat(32)}\``);
    // Every table row has as many cells as its header: no stray | split one.
    for (const block of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const counts = block.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(counts).size).toBe(1);
    }
  });

  it('says plainly when there is no schedule, no previous version and no alerts', () => {
    const bare = Runbook.parse({
      title: 'Bare',
      roles: { ops: 'Ops' },
      steps: [{ id: 'go', title: 'Go', owner: 'ops' }],
    });
    const env = { name: 'dev', ...Environment.parse({}) };
    const plan = buildDeploymentPlan({
      project: 'p',
      runbook: bare,
      environment: env,
      version: 'main',
      now: new Date(0),
    });
    const md = renderPlanMarkdown({ ...plan, digest: '0'.repeat(64) });
    expect(plan.strategy).toMatchObject({ name: 'recreate', source: 'default' });
    expect(md).toContain('No schedule: runs may start at any time.');
    expect(md).toContain('not known yet: no earlier run recorded here');
    expect(md).toContain('The runbook defines no alert rules.');
    expect(md).toContain('Synthetic probes: no URL');
    expect(plan.problems).toEqual([]);
  });
});
