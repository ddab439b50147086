import { describe, expect, it } from 'vitest';
import { incidentTimeline } from '../planning/incident-timeline';
import type { RunEvent } from '../runs/run-event';
import { foldRun } from '../runs/run-state';
import { collectIssues } from './collect-issues';

// Issue #19 item 7: an alert's value is read by people in the report's issues, the incident
// timeline and the UI: as the rule is written (28.6%, 2480 ms), never as the raw 0.2857142857142857.

const alert = (seq: number, condition: string, value: number, state: 'firing' | 'ok'): RunEvent => ({
  seq,
  at: new Date(Date.UTC(2026, 10, 5, 9, 0, seq)).toISOString(),
  type: 'alert.changed',
  data: { rule: `rule-${seq}`, condition, state, value, severity: 'critical', action: 'rollback' },
});

const events = [
  alert(1, 'error_rate > 10%', 0.2857142857142857, 'firing'),
  alert(2, 'p95_latency > 2s', 2480.4, 'firing'),
  alert(3, 'error_rate > 10%', 0.0125, 'ok'),
];

describe('alert values as people read them', () => {
  it('the report issues say "measured 28.6%" and "measured 2480 ms"', () => {
    const summaries = collectIssues(events, foldRun('r', events)).map((issue) => issue.summary);
    expect(summaries).toEqual([
      'Alert firing (critical): error_rate > 10%, measured 28.6%; action: automatic rollback',
      'Alert firing (critical): p95_latency > 2s, measured 2480 ms; action: automatic rollback',
    ]);
  });

  it('the incident timeline says the same, for firing and resolved alike', () => {
    const lines = incidentTimeline(events).map((entry) => entry.text);
    expect(lines).toEqual([
      'Alert rule-1 firing (error_rate > 10%, measured 28.6%, critical) → rollback',
      'Alert rule-2 firing (p95_latency > 2s, measured 2480 ms, critical) → rollback',
      'Alert rule-3 resolved (error_rate > 10%, measured 1.3%, critical)',
    ]);
  });
});
