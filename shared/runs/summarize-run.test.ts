import { describe, expect, it } from 'vitest';
import type { RunEvent } from './run-event';
import { summarizeRun } from './summarize-run';

const started: RunEvent = {
  seq: 1,
  at: '2026-11-20T10:00:00.000Z',
  type: 'run.started',
  data: {
    runbook: 'deploy',
    environment: 'staging',
    version: 'v1.1.0',
    strategy: 'blue-green',
    operator: { by: 'Ada', role: 'devops' },
    steps: [],
  },
};

describe('summarizeRun', () => {
  it('reports a run without an end as open', () => {
    expect(summarizeRun('r1', [started])).toMatchObject({
      id: 'r1',
      runbook: 'deploy',
      environment: 'staging',
      version: 'v1.1.0',
      strategy: 'blue-green',
      operator: 'Ada',
      status: 'open',
      startedAt: started.at,
      endedAt: undefined,
      eventCount: 1,
    });
  });

  it('takes the status and end time from run.finished', () => {
    const finished: RunEvent = {
      seq: 2,
      at: '2026-11-20T10:15:00.000Z',
      type: 'run.finished',
      data: { status: 'rolled-back' },
    };
    expect(summarizeRun('r1', [started, finished])).toMatchObject({
      status: 'rolled-back',
      endedAt: finished.at,
      eventCount: 2,
    });
  });

  it('treats an unknown end status as failed rather than success', () => {
    const finished: RunEvent = {
      seq: 2,
      at: '2026-11-20T10:15:00.000Z',
      type: 'run.finished',
      data: { status: 'great' },
    };
    expect(summarizeRun('r1', [started, finished]).status).toBe('failed');
  });

  it('names what is missing when the journal has no start', () => {
    expect(summarizeRun('r2', [])).toMatchObject({
      runbook: 'unknown runbook',
      environment: 'unknown environment',
      version: 'unknown version',
      status: 'open',
      eventCount: 0,
    });
  });
});
