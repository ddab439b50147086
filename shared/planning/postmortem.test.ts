import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../runs/run-event';
import { incidentFacts } from './incident-facts';
import { renderPostmortem } from './postmortem';

let seq = 0;
const at = (s: number) => new Date(Date.UTC(2026, 10, 5, 20, 0, s)).toISOString();
const event = (s: number, type: string, data: Record<string, unknown>): RunEvent => ({
  seq: ++seq,
  at: at(s),
  type,
  data,
});

const started = (environment: string, isProtected: boolean) =>
  event(0, 'run.started', {
    runId: 'run-1',
    environment,
    protected: isProtected,
    version: 'v2',
    operator: { by: 'Ada' },
    roles: {},
    steps: [{ id: 'deploy', title: 'Deploy | app', owner: 'ops', actions: [], items: [], approvals: [] }],
    exitCriteria: [],
    rollback: { id: '@rollback', title: 'Rollback', owner: 'ops', actions: [], items: [], approvals: [] },
  });

describe('renderPostmortem', () => {
  it('drafts a failed run whose rollback failed too, before run.finished is journaled', () => {
    const events = [
      started('production', true),
      event(1, 'step.started', { step: 'deploy' }),
      event(2, 'action.failed', {
        step: 'deploy',
        action: 'deploy.1',
        attempt: 2,
        error: { code: 'x', message: 'disk full' },
      }),
      event(3, 'failure.decided', { step: 'deploy', action: 'deploy.1', decision: 'rollback', by: 'Ada' }),
      event(4, 'rollback.started', { reason: 'operator chose rollback', trigger: 'operator' }),
      event(5, 'rollback.finished', { ok: false, error: { code: 'unreachable', message: 'web-1 refused' } }),
      // A journal from a newer app, or edited by hand: missing fields must not break the draft.
      event(6, 'alert.changed', { state: 'firing' }),
      event(7, 'downtime.measured', {}),
    ];
    const facts = incidentFacts(events);
    expect(facts).toMatchObject({ outcome: 'failed', callsForIncident: true });
    const md = renderPostmortem(events, { incidentId: 'INC-1' });
    expect(md).toContain('| Outcome | failed |');
    expect(md).toContain('| Ended | not recorded yet |');
    expect(md).toContain('it FAILED. Rollback error: web-1 refused (unreachable).');
    expect(md).toContain('| 2026-11-05T20:00:02Z | Action deploy.1 failed (attempt 2): disk full (x) |');
    expect(md).toContain('| 2026-11-05T20:00:03Z | Ada chose rollback for deploy.1 |');
    expect(md).toContain('- Rollback FAILED: web-1 refused (unreachable)');
    expect(md).toContain('- Measured downtime: **0 ms**');
    expect(md).toContain('| 2026-11-05T20:00:01Z | Step started: Deploy \\| app |');
  });

  it('uses the status the caller is about to journal, and calls for no incident off protected environments', () => {
    const events = [
      started('production', true),
      event(9, 'step.failed', { step: 'deploy', error: { message: 'boom' } }),
    ];
    expect(incidentFacts(events)).toMatchObject({ outcome: 'open', callsForIncident: false });
    expect(incidentFacts(events, 'failed')).toMatchObject({
      callsForIncident: true,
      reason: 'production run failed: step deploy failed: boom',
    });
    const dev = [started('dev', false), event(9, 'run.finished', { status: 'failed', reason: 'boom' })];
    expect(incidentFacts(dev)).toMatchObject({ outcome: 'failed', callsForIncident: false });
  });

  it('says so when the journal holds no run', () => {
    expect(renderPostmortem([])).toContain('The journal holds no run.started event');
  });
});
