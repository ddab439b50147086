import { describe, expect, it } from 'vitest';
import type { RunEvent } from './run-event';
import { foldRun } from './run-state';
import { interruptedAt, shownSteps } from './shown-run';

// An interrupted run reads as stopped on every screen, while the fold underneath keeps the action
// `running` for resume to start from.

let seq = 0;
function event(type: string, data: Record<string, unknown>, at: string): RunEvent {
  seq += 1;
  return { seq, at, type, data };
}

const steps = [
  {
    id: 'prepare',
    title: 'Preparation',
    owner: 'devops',
    actions: [{ key: 'prepare.fetch', type: 'git.fetch', title: 'Fetch' }],
    items: [],
    approvals: [],
  },
  {
    id: 'deploy',
    title: 'Deploy',
    owner: 'devops',
    actions: [
      { key: 'deploy.run', type: 'shell', title: 'Run' },
      { key: 'deploy.health', type: 'http.check', title: 'Health' },
    ],
    items: [],
    approvals: [],
  },
];

const upToRunning = () => [
  event('run.started', { runId: 'r', environment: 'staging', version: 'v1', steps }, '2026-01-01T10:00:00.000Z'),
  event('step.started', { step: 'prepare' }, '2026-01-01T10:00:01.000Z'),
  event('action.started', { step: 'prepare', action: 'prepare.fetch', attempt: 1 }, '2026-01-01T10:00:01.000Z'),
  event('action.passed', { step: 'prepare', action: 'prepare.fetch', durationMs: 500 }, '2026-01-01T10:00:01.500Z'),
  event('step.passed', { step: 'prepare' }, '2026-01-01T10:00:02.000Z'),
  event('step.started', { step: 'deploy' }, '2026-01-01T10:00:02.000Z'),
  event('action.started', { step: 'deploy', action: 'deploy.run', attempt: 1 }, '2026-01-01T10:00:03.000Z'),
];
const interrupted = event(
  'run.interrupted',
  {
    by: 'Release Pilot (browser)',
    reason: 'the browser host was stopped (SIGTERM)',
    step: 'deploy',
    action: 'deploy.run',
  },
  '2026-01-01T10:00:45.000Z',
);

describe('shownSteps', () => {
  it('shows the step and action that were running as interrupted, their time stopped at the interruption', () => {
    const run = foldRun('r', [...upToRunning(), interrupted]);
    // The fold itself keeps them running: resume finds where to start again by it.
    expect(run.steps[1]?.state).toBe('running');
    expect(run.steps[1]?.actions[0]?.state).toBe('running');
    expect(interruptedAt(run)).toBe('2026-01-01T10:00:45.000Z');

    const [prepare, deploy] = shownSteps(run);
    expect(prepare?.state).toBe('passed');
    expect(prepare?.actions[0]).toMatchObject({ state: 'passed', durationMs: 500 });
    expect(deploy?.state).toBe('interrupted');
    expect(deploy?.actions[0]).toMatchObject({ state: 'interrupted', durationMs: 42_000 });
    expect(deploy?.actions[1]?.state).toBe('pending');
  });

  it('a step waiting for a sign-off when interrupted waits for nobody: interrupted, no longer waiting', () => {
    const run = foldRun('r', [
      ...upToRunning().slice(0, 5),
      event('step.waiting', { step: 'deploy', items: [], approvals: ['qa'] }, '2026-01-01T10:00:02.000Z'),
      interrupted,
    ]);
    const deploy = shownSteps(run)[1];
    expect(deploy?.state).toBe('interrupted');
    expect(deploy?.waitingFor).toBeUndefined();
    expect(deploy?.actions.map((a) => a.state)).toEqual(['pending', 'pending']);
  });

  it('after run.resumed the run is driven again: running shows as running, its time counting', () => {
    const run = foldRun('r', [
      ...upToRunning(),
      interrupted,
      event('run.resumed', { by: 'Ada', step: 'deploy', action: 'deploy.run' }, '2026-01-01T10:05:00.000Z'),
    ]);
    expect(interruptedAt(run)).toBeUndefined();
    const deploy = shownSteps(run)[1];
    expect(deploy?.state).toBe('running');
    expect(deploy?.actions[0]?.state).toBe('running');
    expect(deploy?.actions[0]?.durationMs).toBeUndefined();
  });

  it('an ended run is not "interrupted", even with an interruption in its journal', () => {
    const run = foldRun('r', [
      ...upToRunning(),
      interrupted,
      event('run.finished', { status: 'failed', reason: 'closed' }, '2026-01-01T10:06:00.000Z'),
    ]);
    expect(interruptedAt(run)).toBeUndefined();
    expect(shownSteps(run).map((s) => s.state)).toEqual(['passed', 'running']);
  });

  it('a run driven now, never interrupted, is shown as folded', () => {
    const run = foldRun('r', upToRunning());
    expect(shownSteps(run)[1]).toBe(run.steps[1]);
  });
});
