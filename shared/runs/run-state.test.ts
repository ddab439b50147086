import { describe, expect, it } from 'vitest';
import { Runbook } from '../formats/runbook-schema';
import { findChecklistItem, plannedExitCriteria, plannedRollback, plannedSteps } from './planned-steps';
import type { RunEvent } from './run-event';
import type { RunEventData, RunEventType } from './run-events';
import { applyRunEvent, emptyRunState, foldRun, rollbackStepId } from './run-state';

const runbook = Runbook.parse({
  title: 'Deploy the shop',
  roles: { devops: 'DevOps Engineer', qa: 'QA Lead' },
  strategy: 'blue-green',
  steps: [
    {
      id: 'prepare',
      title: 'Preparation',
      owner: 'devops',
      checklists: [
        {
          title: 'Readiness',
          gate: 1,
          items: [
            {
              id: 'tests-green',
              text: 'All tests pass',
              before: true,
              check: { type: 'command', argv: ['npm', 'test'] },
            },
            { id: 'notes', text: 'Release notes written' },
          ],
        },
      ],
      actions: [{ type: 'git.fetch' }, { id: 'checkout', type: 'git.checkout' }],
    },
    {
      id: 'deploy',
      title: 'Deploy to production',
      owner: 'devops',
      approvals: ['qa'],
      actions: [
        { id: 'run', type: 'docker.run' },
        { id: 'health', type: 'http.check', title: 'Health check' },
      ],
    },
    {
      id: 'smoke',
      title: 'Staging smoke tests',
      owner: 'qa',
      environments: ['staging'],
      actions: [{ type: 'shell', argv: ['npm', 'run', 'smoke'] }],
    },
  ],
  rollback: {
    actions: [{ id: 'previous', type: 'docker.run', image: 'shop:${previous_version}' }],
    checklists: [{ title: 'After rollback', items: [{ id: 'verified', text: 'Old version serves traffic' }] }],
  },
  exitCriteria: [{ id: 'stable', text: 'No alerts for 30 minutes' }],
});

let seq = 0;
function event<T extends RunEventType>(type: T, data: RunEventData[T] | Record<string, unknown>): RunEvent {
  seq += 1;
  return {
    seq,
    at: `2026-11-20T10:${String(seq).padStart(2, '0')}:00.000Z`,
    type,
    data: data as Record<string, unknown>,
    hash: `h${seq}`,
  };
}

const started = () =>
  event('run.started', {
    runId: 'run-1',
    project: 'shop',
    projectPath: '/home/ada/shop',
    runbook: 'runbook.yml',
    runbookTitle: runbook.title,
    environment: 'production',
    protected: true,
    version: 'v1.2.0',
    strategy: 'blue-green',
    operator: { by: 'Ada', role: 'devops' },
    roles: { devops: 'Ada', qa: 'Grace' },
    steps: plannedSteps(runbook, 'production'),
    exitCriteria: plannedExitCriteria(runbook.exitCriteria),
    rollback: plannedRollback(runbook),
  });

describe('plannedSteps', () => {
  it('addresses actions and items across the runbook, and says which steps do not apply', () => {
    const steps = plannedSteps(runbook, 'production');
    expect(steps.map((s) => s.id)).toEqual(['prepare', 'deploy', 'smoke']);
    expect(steps[0]!.actions).toEqual([
      { key: 'prepare.1', type: 'git.fetch', title: 'Fetch from origin' },
      { key: 'prepare.checkout', type: 'git.checkout', title: 'Check out ${version}' },
    ]);
    expect(steps[0]!.items).toEqual([
      {
        key: 'prepare.tests-green',
        text: 'All tests pass',
        checklist: 'Readiness',
        gate: 1,
        before: true,
        automatic: true,
      },
      {
        key: 'prepare.notes',
        text: 'Release notes written',
        checklist: 'Readiness',
        gate: 1,
        before: false,
        automatic: false,
      },
    ]);
    expect(steps[1]!.approvals).toEqual(['qa']);
    expect(steps[2]!.notApplicable).toBe('applies to staging only; this run targets production');
    expect(plannedSteps(runbook, 'staging')[2]!.notApplicable).toBeUndefined();
  });

  it('plans the rollback and the exit criteria as items of their own', () => {
    expect(plannedRollback(runbook)).toMatchObject({
      id: rollbackStepId,
      owner: 'devops',
      actions: [{ key: '@rollback.previous', type: 'docker.run' }],
      items: [{ key: '@rollback.verified' }],
    });
    expect(plannedExitCriteria(runbook.exitCriteria)).toEqual([
      {
        key: '@exit.stable',
        text: 'No alerts for 30 minutes',
        checklist: 'Exit criteria',
        before: false,
        automatic: false,
      },
    ]);
    expect(findChecklistItem(runbook, 'prepare.tests-green')?.check).toMatchObject({ type: 'command' });
    expect(findChecklistItem(runbook, '@rollback.verified')?.text).toBe('Old version serves traffic');
    expect(findChecklistItem(runbook, '@exit.stable')?.id).toBe('stable');
    expect(findChecklistItem(runbook, 'prepare.nope')).toBeUndefined();
  });
});

describe('foldRun', () => {
  it('folds a run that fails, retries, is approved and finally rolls back', () => {
    const journal: RunEvent[] = [
      started(),
      event('lock.acquired', { where: 'web-1:/var/lock/rp', holder: 'Ada' }),
      event('version.resolved', { version: 'v1.2.0', commit: 'abc1234', previousVersion: 'v1.1.0' }),
      event('step.started', { step: 'prepare' }),
      event('check.finished', { item: 'prepare.tests-green', ok: true, message: '42 tests passed' }),
      event('checklist.ticked', { item: 'prepare.tests-green', by: 'release-pilot', auto: true, ok: true }),
      event('step.waiting', { step: 'prepare', items: ['prepare.notes'], approvals: [] }),
      event('checklist.ticked', { item: 'prepare.notes', by: 'Ada', role: 'devops', note: 'in CHANGELOG' }),
      event('step.started', { step: 'prepare' }),
      event('action.started', {
        step: 'prepare',
        action: 'prepare.1',
        type: 'git.fetch',
        title: 'Fetch',
        attempt: 1,
        plan: { kind: 'git.fetch' },
      }),
      event('action.passed', { step: 'prepare', action: 'prepare.1', durationMs: 120 }),
      event('action.started', {
        step: 'prepare',
        action: 'prepare.checkout',
        type: 'git.checkout',
        title: 'Checkout',
        attempt: 1,
        plan: {},
      }),
      event('action.passed', { step: 'prepare', action: 'prepare.checkout', durationMs: 30 }),
      event('step.passed', { step: 'prepare' }),
      event('step.started', { step: 'deploy' }),
      event('step.waiting', { step: 'deploy', items: [], approvals: ['qa'] }),
      event('approval.granted', { step: 'deploy', role: 'qa', by: 'Grace', note: 'staging looked good' }),
      event('step.started', { step: 'deploy' }),
      event('action.started', {
        step: 'deploy',
        action: 'deploy.run',
        type: 'docker.run',
        title: 'Run',
        attempt: 1,
        plan: {},
      }),
      event('action.passed', { step: 'deploy', action: 'deploy.run', durationMs: 900 }),
      event('action.started', {
        step: 'deploy',
        action: 'deploy.health',
        type: 'http.check',
        title: 'Health',
        attempt: 1,
        plan: {},
      }),
      event('action.failed', {
        step: 'deploy',
        action: 'deploy.health',
        durationMs: 5000,
        attempt: 1,
        error: { code: 'http-status', message: 'GET /health answered 503' },
        tail: ['503 Service Unavailable'],
      }),
      event('step.waiting', { step: 'deploy', items: [], approvals: [], decision: 'deploy.health' }),
      event('failure.decided', { step: 'deploy', action: 'deploy.health', decision: 'retry', by: 'Ada' }),
      event('action.started', {
        step: 'deploy',
        action: 'deploy.health',
        type: 'http.check',
        title: 'Health',
        attempt: 2,
        plan: {},
      }),
      event('action.failed', {
        step: 'deploy',
        action: 'deploy.health',
        durationMs: 5000,
        attempt: 2,
        error: { code: 'http-status', message: 'GET /health answered 500' },
        tail: [],
      }),
      event('failure.decided', {
        step: 'deploy',
        action: 'deploy.health',
        decision: 'rollback',
        reason: 'still 500',
        by: 'Ada',
      }),
      event('step.failed', { step: 'deploy', error: { code: 'http-status', message: 'GET /health answered 500' } }),
      event('step.skipped', { step: 'smoke', reason: 'applies to staging only; this run targets production' }),
      event('rollback.started', { reason: 'still 500', trigger: 'operator' }),
      event('step.started', { step: rollbackStepId }),
      event('action.started', {
        step: rollbackStepId,
        action: '@rollback.previous',
        type: 'docker.run',
        title: 'Previous',
        attempt: 1,
        plan: {},
      }),
      event('action.passed', { step: rollbackStepId, action: '@rollback.previous', durationMs: 800 }),
      event('checklist.ticked', { item: '@rollback.verified', by: 'Ada' }),
      event('step.passed', { step: rollbackStepId }),
      event('rollback.finished', { ok: true }),
      event('lessons.recorded', { text: 'Check the health URL on staging first', by: 'Ada' }),
      event('lock.released', { where: 'web-1:/var/lock/rp' }),
      event('run.finished', { status: 'rolled-back', reason: 'health check failed' }),
    ];
    const state = foldRun('run-1', journal);

    expect(state).toMatchObject({
      id: 'run-1',
      status: 'rolled-back',
      project: 'shop',
      runbookTitle: 'Deploy the shop',
      environment: 'production',
      protected: true,
      version: 'v1.2.0',
      previousVersion: 'v1.1.0',
      commit: 'abc1234',
      strategy: 'blue-green',
      operator: { by: 'Ada', role: 'devops' },
      roles: { devops: 'Ada', qa: 'Grace' },
      startedAt: journal[0]!.at,
      endedAt: journal.at(-1)!.at,
      endReason: 'health check failed',
      currentStep: rollbackStepId,
      lock: undefined,
      rollback: { reason: 'still 500', trigger: 'operator', ok: true },
      lessons: 'Check the health URL on staging first',
      eventCount: journal.length,
      lastHash: journal.at(-1)!.hash,
    });
    expect(state.steps.map((s) => [s.id, s.state])).toEqual([
      ['prepare', 'rolled-back'],
      ['deploy', 'rolled-back'],
      ['smoke', 'skipped'],
    ]);

    const [prepare, deploy, smoke] = state.steps;
    expect(prepare!.startedAt).toBe(journal[3]!.at);
    expect(prepare!.waitingFor).toBeUndefined();
    expect(prepare!.items[0]).toMatchObject({
      tick: { by: 'release-pilot', auto: true, ok: true },
      check: { ok: true, message: '42 tests passed' },
    });
    expect(prepare!.items[1]!.tick).toMatchObject({ by: 'Ada', role: 'devops', note: 'in CHANGELOG' });
    expect(prepare!.actions.map((a) => [a.key, a.state, a.attempts, a.durationMs])).toEqual([
      ['prepare.1', 'passed', 1, 120],
      ['prepare.checkout', 'passed', 1, 30],
    ]);
    expect(prepare!.actions[0]!.plan).toEqual({ kind: 'git.fetch' });

    expect(deploy!.approvals).toEqual([{ role: 'qa', by: 'Grace', at: journal[16]!.at, note: 'staging looked good' }]);
    expect(deploy!.error).toEqual({ code: 'http-status', message: 'GET /health answered 500' });
    expect(deploy!.actions[1]).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: { message: 'GET /health answered 500' },
      tail: [],
    });
    expect(smoke!.skipReason).toBe('applies to staging only; this run targets production');
    expect(state.decisions.map((d) => [d.decision, d.reason])).toEqual([
      ['retry', undefined],
      ['rollback', 'still 500'],
    ]);

    expect(state.rollbackStep).toMatchObject({ id: rollbackStepId, state: 'passed' });
    expect(state.rollbackStep!.actions[0]).toMatchObject({ state: 'passed', attempts: 1 });
    expect(state.rollbackStep!.items[0]!.tick?.by).toBe('Ada');
    expect(state.exitCriteria[0]!.tick).toBeUndefined();
  });

  it('shows what a waiting step waits for, and clears an action error when it is retried', () => {
    const state = foldRun('run-2', [
      started(),
      event('step.started', { step: 'deploy' }),
      event('action.started', {
        step: 'deploy',
        action: 'deploy.run',
        type: 'docker.run',
        title: 'Run',
        attempt: 1,
        plan: {},
      }),
      event('action.failed', {
        step: 'deploy',
        action: 'deploy.run',
        durationMs: 10,
        attempt: 1,
        error: { code: 'docker', message: 'no such image' },
        tail: [],
      }),
      event('action.started', {
        step: 'deploy',
        action: 'deploy.run',
        type: 'docker.run',
        title: 'Run',
        attempt: 2,
        plan: {},
      }),
      event('step.waiting', { step: 'deploy', items: [], approvals: ['qa'], decision: 'deploy.run' }),
    ]);
    expect(state.status).toBe('open');
    expect(state.currentStep).toBe('deploy');
    expect(state.steps[1]).toMatchObject({
      state: 'waiting',
      waitingFor: { items: [], approvals: ['qa'], decision: 'deploy.run' },
    });
    expect(state.steps[1]!.actions[0]).toMatchObject({ state: 'running', attempts: 2, error: undefined });
    expect(state.steps[0]!.state).toBe('pending');
  });

  it('records a skipped action, an exit criterion tick and a resume', () => {
    const state = foldRun('run-3', [
      started(),
      event('action.skipped', { step: 'prepare', action: 'prepare.1', reason: 'offline', by: 'Ada' }),
      event('checklist.ticked', { item: '@exit.stable', by: 'Grace', role: 'qa', carried: true }),
      event('run.resumed', { by: 'Ada' }),
    ]);
    expect(state.steps[0]!.actions[0]).toMatchObject({ state: 'skipped', skipReason: 'offline' });
    expect(state.exitCriteria[0]!.tick).toMatchObject({ by: 'Grace', role: 'qa', carried: true });
    expect(state.notes).toEqual(['resumed after the app stopped']);
  });

  it('ignores unknown event types and events about steps, actions or items it does not know', () => {
    const state = foldRun('run-4', [
      started(),
      event('telemetry.sampled' as RunEventType, { cpu: 0.4 }),
      event('__proto__' as RunEventType, {}),
      event('hasOwnProperty' as RunEventType, {}),
      event('step.started', { step: 'nope' }),
      event('action.passed', { step: 'deploy', action: 'deploy.nope', durationMs: 1 }),
      event('checklist.ticked', { item: 'nope.nope', by: 'Ada' }),
      event('approval.granted', { step: 'deploy', role: 'cto', by: 'Ada' }),
    ]);
    expect(state.eventCount).toBe(8);
    expect(state.currentStep).toBeUndefined();
    expect(state.steps.every((s) => s.state === 'pending')).toBe(true);
    expect(state.steps[1]!.approvals).toEqual([{ role: 'qa' }]);
  });

  it('treats an unknown end status as failed and keeps the last hash when an event has none', () => {
    const state = emptyRunState('run-5');
    applyRunEvent(state, event('run.finished', { status: 'victorious' }));
    expect(state.status).toBe('failed');
    const lastHash = state.lastHash;
    applyRunEvent(state, { seq: 99, at: '2026-11-20T11:00:00.000Z', type: 'run.resumed', data: { by: 'Ada' } });
    expect(state).toMatchObject({ status: 'open', lastHash, eventCount: 2 });
  });

  it('an alert rollback: the strategy revert shows before the checks still waiting; the step ends with the rollback', () => {
    const state = foldRun('run-7', [
      started(),
      event('rollback.started', { reason: 'error rate 30%', trigger: 'alert' }),
      event('step.started', { step: rollbackStepId }),
      event('action.started', {
        step: rollbackStepId,
        action: '@rollback.revert',
        type: 'deploy',
        title: 'Revert the blue-green deployment to v1.1.0',
        attempt: 1,
        plan: {},
      }),
      event('action.passed', { step: rollbackStepId, action: '@rollback.revert', durationMs: 900 }),
      event('rollback.finished', { ok: true }),
      event('run.finished', { status: 'rolled-back' }),
    ]);
    const keys = state.rollbackStep!.actions.map((a) => a.key);
    expect(keys[0]).toBe('@rollback.revert');
    expect(keys.length).toBe((plannedRollback(runbook).actions.length ?? 0) + 1);
    expect(state.rollbackStep).toMatchObject({ state: 'passed', endedAt: expect.any(String) });
  });

  it('a rollback that never started its step stays pending when the rollback ends', () => {
    const state = foldRun('run-8', [started(), event('rollback.finished', { ok: false })]);
    expect(state.rollbackStep!.state).toBe('pending');
  });

  it('does not mark steps rolled back when the rollback failed', () => {
    const state = foldRun('run-6', [
      started(),
      event('step.started', { step: 'prepare' }),
      event('step.passed', { step: 'prepare' }),
      event('rollback.started', { reason: 'error rate 12%', trigger: 'alert' }),
      event('rollback.finished', { ok: false, error: { code: 'docker', message: 'image gone' } }),
      event('run.finished', { status: 'failed' }),
    ]);
    expect(state.steps[0]!.state).toBe('passed');
    expect(state.rollback).toMatchObject({ trigger: 'alert', ok: false, error: { message: 'image gone' } });
    expect(state.status).toBe('failed');
  });
});
