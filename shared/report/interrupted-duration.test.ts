import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../runs/run-event';
import { foldRun } from '../runs/run-state';
import { shownSteps } from '../runs/shown-run';
import { collectTimeline } from './collect-timeline';

// Issue #19 item 7: an attempt cut short by an interruption shows how long it really ran (until
// `run.interrupted`), in the run view's state and the report's timeline, not a clock still counting
// through the pause, nor "—".

let seq = 0;
const event = (second: number, type: string, data: Record<string, unknown>): RunEvent => ({
  seq: ++seq,
  at: new Date(Date.UTC(2026, 10, 5, 9, 0, 0) + second * 1000).toISOString(),
  type,
  data,
});

const action = { key: 'deploy.migrate', type: 'shell', title: 'Migrate' };
const beforeResume = [
  event(0, 'run.started', {
    runId: 'run-1',
    environment: 'staging',
    version: 'v2',
    operator: { by: 'Ada' },
    roles: {},
    steps: [{ id: 'deploy', title: 'Deploy', owner: 'ops', actions: [action], items: [], approvals: [] }],
    exitCriteria: [],
  }),
  event(1, 'step.started', { step: 'deploy' }),
  event(2, 'action.started', { step: 'deploy', action: action.key, title: 'Migrate', type: 'shell', attempt: 1 }),
  event(42, 'run.interrupted', { by: 'Ada', reason: 'SIGINT', step: 'deploy', action: action.key }),
];
const afterResume = [
  event(600, 'run.resumed', { by: 'Ada', step: 'deploy', action: action.key }),
  event(601, 'action.started', { step: 'deploy', action: action.key, title: 'Migrate', type: 'shell', attempt: 2 }),
  event(611, 'action.passed', { step: 'deploy', action: action.key, durationMs: 10_000 }),
  event(612, 'step.passed', { step: 'deploy' }),
  event(613, 'run.finished', { status: 'succeeded' }),
];

describe('an interrupted attempt', () => {
  it('the run view stops its clock at the interruption (40 s), and a new attempt starts afresh', () => {
    // The fold keeps the action running (a resume starts from it); the screens show it stopped.
    expect(foldRun('run-1', beforeResume).steps[0]!.actions[0]!.state).toBe('running');
    const interrupted = shownSteps(foldRun('run-1', beforeResume))[0]!.actions[0]!;
    expect(interrupted).toMatchObject({ state: 'interrupted', durationMs: 40_000 });
    const resumed = shownSteps(foldRun('run-1', [...beforeResume, afterResume[0]!, afterResume[1]!]))[0]!.actions[0]!;
    expect(resumed).toMatchObject({ state: 'running', durationMs: undefined });
  });

  it('the report timeline gives the interrupted attempt 40 s and the resumed one its own 10 s', () => {
    const events = [...beforeResume, ...afterResume];
    const attempts = collectTimeline(events, foldRun('run-1', events))
      .timeline.filter((entry) => entry.kind === 'action')
      .map((entry) => [entry.attempt, entry.outcome, entry.durationMs]);
    expect(attempts).toEqual([
      [1, 'interrupted', 40_000],
      [2, 'passed', 10_000],
    ]);
  });

  it('after a crash (no run.interrupted) the attempt lasted until the last event journaled before the resume', () => {
    const crashed = [
      ...beforeResume.slice(0, 3),
      event(30, 'process.started', { step: 'deploy', action: action.key, pid: 7 }),
    ];
    const events = [...crashed, ...afterResume];
    const first = collectTimeline(events, foldRun('run-1', events)).timeline.find((entry) => entry.kind === 'action');
    expect(first).toMatchObject({ outcome: 'interrupted', durationMs: 28_000 });
  });
});
