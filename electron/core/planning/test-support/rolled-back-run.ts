import type { MetricsSummary, PlannedStep } from '../../../../shared/runs/run-events';
import { runStarted, writeJournal } from './write-journal';

// A canary deployment of v2.4.0 to production that an alert rolled back, journaled with the real
// writer as the engine would: probes before, during and after the cutover, the alert going from
// pending to firing, the automatic rollback, 4.2 s of measured downtime, and the end.

const metrics = (requests: number, failures: number, p95: number): MetricsSummary => ({
  requests,
  failures,
  errorRate: failures / requests,
  availability: 1 - failures / requests,
  p50: p95 / 3,
  p95,
  p99: p95 * 1.5,
  throughput: requests / 60,
});

const deployStep: PlannedStep = {
  id: 'deploy',
  title: 'Production deployment',
  owner: 'devops',
  actions: [{ key: 'deploy.canary', type: 'deploy', title: 'Deploy v2.4.0 (canary)' }],
  items: [],
  approvals: [],
};

export async function rolledBackRun(dataDir: string): Promise<{ runId: string; file: string }> {
  const runId = '20261105-200000-production-beef';
  const window = (phase: 'before' | 'during' | 'after', from: string, to: string, m: MetricsSummary) =>
    ({ source: 'probes', phase, from, to, metrics: m }) as const;
  const file = await writeJournal(dataDir, runId, new Date('2026-11-05T20:00:00Z'), [
    [0, 'run.started', runStarted(runId, 'production', 'v2.4.0', { strategy: 'canary', steps: [deployStep] })],
    [1, 'version.resolved', { version: 'v2.4.0', commit: '0123456789abcdef0123', previousVersion: 'v2.3.1' }],
    [2, 'confirmation.given', { environment: 'production', by: 'Ada Lovelace' }],
    [3, 'step.started', { step: 'deploy' }],
    [4, 'checklist.ticked', { item: 'deploy.ready', by: 'Ada Lovelace' }],
    [
      5,
      'action.started',
      { step: 'deploy', action: 'deploy.canary', type: 'deploy', title: 'Deploy', attempt: 1, plan: {} },
    ],
    [6, 'monitor.started', { source: 'probes', target: 'http://127.0.0.1:8080/health', ratePerSecond: 10 }],
    [120, 'monitor.window', window('before', '2026-11-05T20:01:00Z', '2026-11-05T20:02:00Z', metrics(600, 0, 40))],
    [121, 'traffic.switched', { where: 'nginx on web-1', weights: { 'v2.3.1': 75, 'v2.4.0': 25 } }],
    [180, 'monitor.window', window('during', '2026-11-05T20:02:00Z', '2026-11-05T20:03:00Z', metrics(600, 30, 90))],
    [
      200,
      'alert.changed',
      {
        rule: 'HighErrorRate',
        condition: 'error_rate > 5%',
        state: 'pending',
        value: 0.05,
        severity: 'critical',
        action: 'rollback',
      },
    ],
    [240, 'monitor.window', window('after', '2026-11-05T20:03:00Z', '2026-11-05T20:04:00Z', metrics(600, 75, 300))],
    [
      241,
      'alert.changed',
      {
        rule: 'HighErrorRate',
        condition: 'error_rate > 5%',
        state: 'firing',
        value: 0.125,
        severity: 'critical',
        action: 'rollback',
      },
    ],
    [255, 'downtime.measured', { ms: 4200, from: '2026-11-05T20:04:10Z', to: '2026-11-05T20:04:14.200Z' }],
    [
      299,
      'action.failed',
      {
        step: 'deploy',
        action: 'deploy.canary',
        durationMs: 294_000,
        attempt: 1,
        error: { code: 'alert-rollback', message: 'alert HighErrorRate fired' },
        tail: [],
      },
    ],
    [299.5, 'step.failed', { step: 'deploy', error: { code: 'alert-rollback', message: 'alert HighErrorRate fired' } }],
    [300, 'rollback.started', { reason: 'alert HighErrorRate fired: error_rate 12.5% > 5% for 30s', trigger: 'alert' }],
    [301, 'traffic.switched', { where: 'nginx on web-1', weights: { 'v2.3.1': 100, 'v2.4.0': 0 } }],
    [302, 'release.recorded', { environment: 'production', version: 'v2.3.1', previous: 'v2.4.0', where: 'web-1' }],
    [303, 'rollback.finished', { ok: true }],
    [304, 'monitor.stopped', { source: 'probes', reason: 'run ended' }],
    [305, 'run.finished', { status: 'rolled-back', reason: 'alert HighErrorRate fired' }],
  ]);
  return { runId, file };
}
