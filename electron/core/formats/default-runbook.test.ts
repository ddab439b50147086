import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionTypes } from '../../../shared/formats/action-schema';
import { parseAlertCondition } from '../../../shared/formats/alert-condition';
import { Answers } from '../../../shared/formats/answers-schema';
import { builtInRunbookFile, builtInRunbookPath, resourcesDir } from './built-in-runbook';
import { validateEnvironmentsSource } from './load-environments';
import { validateRunbookSource } from './load-runbook';
import { validateSource } from './load-yaml-with-schema';
import { parseYamlSource } from './yaml-source';

// The built-in runbook must carry the whole deployment workflow (seed/deployment-workflow.md):
// all nine steps with their owners, every checklist item word for word, gates 1–4, the alert
// rules and automatic rollback triggers, the rollback procedure and the exit criteria.

const loaded = validateRunbookSource(
  parseYamlSource(readFileSync(builtInRunbookPath(), 'utf8'), builtInRunbookFile),
  'default',
);
const runbook = loaded.runbook!;
const step = (id: string) => runbook.steps.find((s) => s.id === id)!;
const texts = (id: string, title: string) =>
  step(id)
    .checklists.find((c) => c.title === title)
    ?.items.map((i) => i.text);

describe('the built-in runbook', () => {
  it('validates clean', () => {
    expect(loaded.problems).toEqual([]);
    expect(resourcesDir()).toBe(join(import.meta.dirname, '..', '..', '..', 'resources'));
  });

  it('has the nine workflow steps in order, each with its owner', () => {
    expect(runbook.roles).toEqual({
      devops: 'DevOps Engineer',
      'tech-lead': 'Tech Lead',
      'project-manager': 'Project Manager',
      qa: 'QA Engineer',
      team: 'All Team Members',
      'release-manager': 'Release Manager',
    });
    expect(runbook.steps.map((s) => [s.id, s.title, s.owner])).toEqual([
      ['preparation', 'Pre-Deployment Preparation', 'devops'],
      ['planning', 'Deployment Planning', 'devops'],
      ['staging', 'Staging Deployment', 'devops'],
      ['pre-production', 'Pre-Production Validation', 'qa'],
      ['production', 'Production Deployment', 'devops'],
      ['verification', 'Post-Deployment Verification', 'qa'],
      ['rollback', 'Rollback (if needed)', 'devops'],
      ['monitoring', 'Post-Deployment Monitoring', 'devops'],
      ['documentation', 'Deployment Documentation', 'devops'],
    ]);
    for (const strategy of ['Blue-Green', 'Rolling', 'Canary', 'Feature Flags']) {
      expect(step('planning').description).toContain(`- ${strategy}:`);
    }
  });

  it('carries every checklist item of the workflow word for word', () => {
    expect(texts('preparation', 'Pre-Deployment Checklist')).toEqual([
      'All tests passing (unit, integration, E2E)',
      'Test coverage >80%',
      'No critical or high bugs',
      'Performance benchmarks met',
      'Security scan clean',
      'Code reviewed and approved',
      'Documentation updated',
      'Release notes prepared',
    ]);
    expect(texts('planning', 'Deployment Checklist: Pre-Deployment')).toEqual([
      'All tests passing',
      'Code reviewed and approved',
      'Documentation updated',
      'Release notes prepared',
      'Stakeholders notified',
      'Deployment window scheduled',
      'Rollback plan ready',
      'Monitoring configured',
    ]);
    expect(texts('staging', 'Staging Validation')).toEqual([
      'Deployment successful',
      'All services running',
      'Smoke tests passing',
      'No errors in logs',
      'Configuration correct',
      'Database migrations successful',
    ]);
    expect(texts('pre-production', 'Validation Checklist')).toEqual([
      'All tests passing',
      'Critical journeys verified',
      'Performance acceptable',
      'No errors in logs',
      'Monitoring dashboards active',
      'Alerts configured',
      'Rollback tested',
    ]);
    expect(texts('production', 'During Deployment')).toEqual([
      'Team notified of start',
      'Deployment script executed',
      'Progress monitored',
      'Logs reviewed',
      'Errors addressed',
    ]);
    expect(texts('verification', 'Verification Checklist')).toEqual([
      'All services running',
      'Smoke tests passing',
      'Error rates normal',
      'Response times acceptable',
      'Critical features working',
      'No alerts triggered',
      'User feedback positive',
    ]);
    expect(step('rollback').checklists[0]!.items.map((i) => i.text)).toEqual([
      'Critical errors detected',
      'Performance degradation',
      'Security vulnerability',
      'Data corruption',
      'User complaints spike',
      'Monitoring alerts',
    ]);
    expect(texts('documentation', 'Deployment Checklist: Post-Deployment')).toEqual([
      'Smoke tests passed',
      'Critical features verified',
      'Metrics monitored',
      'User feedback checked',
      'Documentation updated',
      'Team notified of completion',
    ]);
    expect(runbook.rollback.checklists[0]!.items.map((i) => i.text)).toEqual([
      'Previous version running',
      'All services healthy',
      'Error rates normal',
      'Performance acceptable',
      'Users not impacted',
    ]);
    expect(runbook.exitCriteria.map((i) => i.text)).toEqual([
      'All quality gates passed',
      'Staging validation successful',
      'Production deployment successful',
      'Smoke tests passing',
      'No critical errors',
      'Monitoring active',
      'Documentation updated',
      'Team notified',
    ]);
  });

  it('puts quality gates 1–4 on the steps they belong to', () => {
    const gates = runbook.steps.flatMap((s) =>
      s.checklists.filter((c) => c.gate).map((c) => [c.gate, s.id, c.items.map((i) => i.text)]),
    );
    expect(gates).toEqual([
      [
        1,
        'preparation',
        ['All quality gates passed', 'No critical or high bugs', 'Performance benchmarks met', 'Security scan clean'],
      ],
      [
        2,
        'pre-production',
        ['Staging deployment successful', 'All tests passing', 'No errors in logs', 'Rollback tested'],
      ],
      [
        3,
        'production',
        ['Production deployment successful', 'Smoke tests passing', 'Error rates normal', 'No user complaints'],
      ],
      [4, 'monitoring', ['Monitoring active', 'Alerts configured', 'Dashboards updated', 'Team notified']],
    ]);
  });

  it('has the alert rules of the workflow and its automatic rollback triggers', () => {
    expect(runbook.alerts.map((a) => [a.name, a.condition, a.for, a.severity, a.action])).toEqual([
      ['HighErrorRate', 'error_rate > 5%', 300_000, 'critical', 'notify'],
      ['HighLatency', 'p95_latency > 2s', 600_000, 'critical', 'notify'],
      ['LowAvailability', 'availability < 99.5%', 120_000, 'critical', 'notify'],
      ['HighCPU', 'cpu_usage > 80%', 900_000, 'warning', 'notify'],
      ['RollbackOnErrorRate', 'error_rate > 10%', 300_000, 'critical', 'rollback'],
      ['RollbackOnResponseTime', 'response_time > 5s', 600_000, 'critical', 'rollback'],
      ['RollbackOnAvailability', 'availability < 95%', 120_000, 'critical', 'rollback'],
    ]);
    expect(runbook.alerts.map((a) => parseAlertCondition(a.condition))).not.toContainEqual(
      expect.objectContaining({ error: expect.anything() }),
    );
  });

  it("really deploys the environment's app on staging and production, watched, and reverts on rollback", () => {
    for (const id of ['staging', 'production']) {
      expect(step(id).environments).toEqual([id]);
      expect(step(id).actions.map((a) => a.type)).toEqual(['git.resolve', 'deploy', 'http.check']);
      // The run's strategy decides how: no strategy named in the action.
      expect(step(id).actions[1]).not.toHaveProperty('strategy');
      expect(step(id).actions[2]).toMatchObject({ url: '${env.urls.health}' });
    }
    expect(step('production').approvals).toEqual(['tech-lead']);
    expect(step('verification').actions.map((a) => a.type)).toEqual(['http.check']);
    expect(step('monitoring').actions.map((a) => a.type)).toEqual(['watch']);
    // The deployment's own revert runs first; the runbook's rollback then verifies health.
    expect(runbook.rollback.actions.map((a) => a.type)).toEqual(['http.check']);
    expect(runbook.steps.flatMap((s) => s.actions).filter((a) => a.type === 'manual')).toEqual([]);
  });
});

describe('the documented examples', () => {
  const examples = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples');
  const read = (path: string) => parseYamlSource(readFileSync(join(examples, path), 'utf8'), path);

  it('the lab runbook, environments and answers files validate clean', () => {
    const runbook = validateRunbookSource(read('lab-project/.release-pilot/runbook.yml'), 'runbook');
    expect(runbook.problems).toEqual([]);
    expect(runbook.id).toBe('lab');
    const environments = validateEnvironmentsSource(read('lab-project/.release-pilot/environments.yml'));
    expect(environments.problems).toEqual([]);
    expect(environments.environments?.production?.hosts).toEqual([
      {
        name: 'lab-1',
        address: '127.0.0.1',
        port: 2222,
        user: 'root',
        identityFile: './lab-keys/id_ed25519',
        knownHosts: './lab-keys/known_hosts',
      },
    ]);
    expect(environments.environments?.staging?.docker).toEqual({ via: 'local', socket: '/var/run/docker.sock' });
    expect(validateSource(read('lab-answers.yml'), Answers).problems).toEqual([]);
  });
});

describe('the format docs', () => {
  const docs = join(import.meta.dirname, '..', '..', '..', 'docs');
  const text = (path: string) => readFileSync(join(docs, path), 'utf8');

  it('include the example files verbatim', () => {
    expect(text('runbook-format.md')).toContain(text('examples/lab-project/.release-pilot/runbook.yml'));
    expect(text('environments.md')).toContain(text('examples/lab-project/.release-pilot/environments.yml'));
    expect(text('answers-file.md')).toContain(text('examples/lab-answers.yml'));
  });

  it('document every action type', () => {
    const format = text('runbook-format.md');
    for (const type of actionTypes) expect(format).toContain(`\`${type}\``);
  });
});
