import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../runs/run-event';
import type { RunEventData, RunEventType } from '../runs/run-events';
import { applyRunEvent, emptyRunState, type RunState } from '../runs/run-state';
import { messageFor } from './message-for';
import { createTriggerTracker, type TriggerHit } from './run-triggers';

// A rolled-back production run, event by event, as the executor journals it; the tracker and
// messageFor see each event with the state folded up to it, exactly as the recorder's listener does.

type Entry = { [T in RunEventType]: [T, RunEventData[T]] }[RunEventType];

const started: RunEventData['run.started'] = {
  runId: 'run-7',
  project: 'shop',
  projectPath: '/srv/shop',
  runbook: 'default',
  runbookTitle: 'Standard deployment',
  environment: 'production',
  protected: true,
  version: 'v2.0.0',
  strategy: 'blue-green',
  operator: { by: 'Ada' },
  roles: { 'qa-lead': 'QA lead' },
  steps: [
    {
      id: 'deploy',
      title: 'Deploy to production',
      owner: 'release-manager',
      actions: [{ key: 'deploy/0', type: 'deploy', title: 'Switch traffic' }],
      items: [],
      approvals: ['qa-lead'],
    },
  ],
  exitCriteria: [],
  rollback: { id: '@rollback', title: 'Rollback', owner: 'release-manager', actions: [], items: [], approvals: [] },
};

const entries: Entry[] = [
  ['run.started', started],
  ['version.resolved', { version: 'v2.0.0', previousVersion: 'v1.9.3' }],
  ['step.started', { step: 'deploy' }],
  ['step.waiting', { step: 'deploy', items: [], approvals: ['qa-lead'] }],
  ['approval.granted', { step: 'deploy', role: 'qa-lead', by: 'Grace' }],
  ['step.started', { step: 'deploy' }],
  [
    'action.started',
    { step: 'deploy', action: 'deploy/0', type: 'deploy', title: 'Switch traffic', attempt: 1, plan: {} },
  ],
  [
    'action.failed',
    {
      step: 'deploy',
      action: 'deploy/0',
      durationMs: 1200,
      attempt: 1,
      error: { code: 'health', message: 'health check answered 503' },
      tail: [],
    },
  ],
  [
    'action.started',
    { step: 'deploy', action: 'deploy/0', type: 'deploy', title: 'Switch traffic', attempt: 2, plan: {} },
  ],
  [
    'action.failed',
    {
      step: 'deploy',
      action: 'deploy/0',
      durationMs: 1100,
      attempt: 2,
      error: { code: 'health', message: 'health check answered 503 again' },
      tail: [],
    },
  ],
  ['step.waiting', { step: 'deploy', items: [], approvals: [], decision: 'deploy/0' }],
  ['failure.decided', { step: 'deploy', action: 'deploy/0', decision: 'rollback', by: 'Ada' }],
  ['step.failed', { step: 'deploy', error: { code: 'health', message: 'health check answered 503 again' } }],
  ['rollback.started', { reason: 'step deploy failed', trigger: 'operator' }],
  ['rollback.finished', { ok: true }],
  ['run.finished', { status: 'rolled-back', reason: 'rolled back after step deploy failed' }],
  ['notification.sent', { channel: 'ops', kind: 'slack', trigger: 'finished', attempt: 1 }],
];

function play(list: Entry[]): Array<TriggerHit & { state: RunState; type: string }> {
  const state = emptyRunState('run-7');
  const track = createTriggerTracker();
  const hits: Array<TriggerHit & { state: RunState; type: string }> = [];
  list.forEach(([type, data], i) => {
    const at = new Date(Date.UTC(2025, 2, 1, 9, 0, i * 30)).toISOString();
    const event: RunEvent = { seq: i + 1, at, type, data: data as unknown as Record<string, unknown> };
    applyRunEvent(state, event);
    for (const hit of track(event, state)) hits.push({ ...hit, type, state: structuredClone(state) });
  });
  return hits;
}

describe('notification triggers', () => {
  it('announces start, the approval, the failure once, the rollback and the end', () => {
    const hits = play(entries);
    expect(hits.map((h) => [h.type, h.trigger])).toEqual([
      ['run.started', 'run-started'],
      ['step.waiting', 'approval-requested'],
      // The automatic retry is not news; waiting for a decision is; the abort that follows is the same failure.
      ['step.waiting', 'failed'],
      ['rollback.started', 'rolled-back'],
      ['run.finished', 'finished'],
    ]);
  });

  it('announces a new failure after an operator retry, and a run that failed with no failing step', () => {
    const retried: Entry[] = [
      ...entries.slice(0, 11),
      ['failure.decided', { step: 'deploy', action: 'deploy/0', decision: 'retry', by: 'Ada' }],
      ['step.started', { step: 'deploy' }],
      ['step.waiting', { step: 'deploy', items: [], approvals: [], decision: 'deploy/0' }],
    ];
    expect(play(retried).filter((h) => h.trigger === 'failed')).toHaveLength(2);
    const lost = play([
      ['run.started', started],
      ['run.finished', { status: 'failed', reason: 'host web-1 unreachable: connection refused' }],
    ]);
    expect(lost.map((h) => h.trigger)).toEqual(['run-started', 'failed', 'finished']);
    expect(messageFor('failed', lost[1]!.state, { context: lost[1]!.context }).text).toContain(
      'host web-1 unreachable: connection refused',
    );
  });

  it('announces a failed rollback as a failure', () => {
    const hits = play([
      ['run.started', started],
      ['rollback.started', { reason: 'alert error-rate fired', trigger: 'alert' }],
      ['rollback.finished', { ok: false, error: { code: 'rollback-failed', message: 'rollback action 1 failed' } }],
      ['run.finished', { status: 'failed', reason: 'rollback failed' }],
    ]);
    expect(hits.map((h) => h.trigger)).toEqual(['run-started', 'rolled-back', 'failed', 'finished']);
    const failed = messageFor('failed', hits[2]!.state, { context: hits[2]!.context });
    expect(failed.text).toBe('The deployment failed in step "Rollback": rollback action 1 failed.');
  });
});

describe('messageFor', () => {
  const hits = play(entries);
  const message = (trigger: string, extra = {}) => {
    const hit = hits.find((h) => h.trigger === trigger)!;
    return messageFor(hit.trigger, hit.state, { context: hit.context, ...extra });
  };

  it('says who started what, where, and what was live', () => {
    const m = message('run-started');
    expect(m).toMatchObject({
      title: 'Deploying shop v2.0.0 to production',
      text: 'Ada started deploying shop v2.0.0 to production.',
      severity: 'info',
      run: { id: 'run-7', environment: 'production', version: 'v2.0.0', operator: 'Ada', status: 'open' },
    });
    // version.resolved comes after run.started: the first message does not know the live version yet.
    expect(m.facts.map((f) => f.name)).toEqual([
      'Environment',
      'Version',
      'Project',
      'Operator',
      'Runbook',
      'Strategy',
      'Run',
    ]);
  });

  it('names the step and the role an approval waits for', () => {
    const m = message('approval-requested');
    expect(m.text).toBe('Step "Deploy to production" waits for approval by QA lead (qa-lead) before it goes on.');
    expect(m.facts.slice(0, 2)).toEqual([
      { name: 'Step', value: 'Deploy to production' },
      { name: 'Waiting for', value: 'QA lead (qa-lead)' },
    ]);
  });

  it('gives the failing action and its last error, and says the run waits for a decision', () => {
    const m = message('failed');
    expect(m.severity).toBe('error');
    expect(m.text).toBe(
      'The deployment failed in step "Deploy to production": health check answered 503 again. It waits for a decision: retry, skip, roll back or abort.',
    );
    expect(m.facts).toContainEqual({ name: 'Failed', value: 'deploy/0' });
    expect(m.facts).toContainEqual({ name: 'Previous version', value: 'v1.9.3' });
  });

  it('says why it rolls back and what the rollback changes: no traffic had moved when the deploy failed first', () => {
    const m = message('rolled-back');
    expect(m.text).toBe(
      "The deployment is being rolled back: step deploy failed. No traffic had moved to v2.0.0: the blue-green deployment's changes are undone.",
    );
    expect(m.severity).toBe('warning');
  });

  it('says traffic goes back only where traffic had moved to the new version', () => {
    const at = entries.findIndex(([type]) => type === 'action.failed');
    const switched: Entry[] = [
      ...entries.slice(0, at),
      ['traffic.switched', { where: 'nginx', weights: { 'v2.0.0': 100, 'v1.9.3': 0 } }],
      ...entries.slice(at),
    ];
    const hit = play(switched).find((h) => h.trigger === 'rolled-back')!;
    expect(messageFor('rolled-back', hit.state, { context: hit.context }).text).toBe(
      'The deployment is being rolled back: step deploy failed. Traffic goes back to v1.9.3.',
    );
  });

  it("a rollback by the runbook's own actions says those, not traffic", () => {
    const plain: RunEventData['run.started'] = {
      ...started,
      steps: [{ ...started.steps[0]!, actions: [{ key: 'deploy.run', type: 'docker.run', title: 'Run shop:v2.0.0' }] }],
      rollback: {
        ...started.rollback,
        actions: [
          { key: '@rollback.previous', type: 'docker.run', title: 'Run shop:v1.9.3 again' },
          { key: '@rollback.health', type: 'http.check', title: 'GET /health' },
        ],
      },
    };
    const hit = play([
      ['run.started', plain],
      ['version.resolved', { version: 'v2.0.0', previousVersion: 'v1.9.3' }],
      ['rollback.started', { reason: 'step deploy failed', trigger: 'policy' }],
    ]).find((h) => h.trigger === 'rolled-back')!;
    expect(messageFor('rolled-back', hit.state, { context: hit.context }).text).toBe(
      "The deployment is being rolled back: step deploy failed. The runbook's rollback actions run: Run shop:v1.9.3 again; GET /health.",
    );
  });

  it('ends with the status, the duration and the report', () => {
    const m = message('finished', { report: { path: '/data/runs/run-7/report.md', markdown: '# Report' } });
    expect(m.title).toBe('Rolled back: shop v2.0.0 on production');
    expect(m.text).toBe(
      'The deployment of shop v2.0.0 to production was rolled back: rolled back after step deploy failed. It took 7m30s.',
    );
    expect(m.facts).toContainEqual({ name: 'Report', value: '/data/runs/run-7/report.md' });
    expect(m.report).toEqual({ path: '/data/runs/run-7/report.md', url: undefined });
    expect(m.reportMarkdown).toBe('# Report');
    expect(m.run.status).toBe('rolled-back');
  });
});
