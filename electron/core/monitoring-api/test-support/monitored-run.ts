import { join } from 'node:path';
import { recorder, runStarted, type Scenario } from '../../../../shared/report/fixtures/scenario-kit';
import type { MetricsSummary, MonitorPhase } from '../../../../shared/runs/run-events';
import { writeScenarioJournal } from '../../report/write-scenario';
import { runsDir } from '../../runs/run-store';

// A recorded run that was watched: ten-second probe windows before, during and after a blue-green
// cutover, 1.2 s of downtime at the switch, then an error rate that climbs until the rollback rule
// `high-error-rate` goes pending and fires, and the run rolls back in 0.1 s. The rule `slow-p95` never changes state, so its
// threshold is known only from the runbook (review-project.ts has both).

export const monitoredRunId = '20261105-0900-production';

const start = '2026-11-05T09:00:00.000Z';

/** Deterministic wobble, so the charts look measured without a random generator. */
const wobble = (i: number, spread: number) => Math.round(Math.sin(i * 1.7) * spread * 10) / 10;

function metrics(i: number, phase: MonitorPhase, errorRate: number): MetricsSummary {
  const requests = 50;
  const failures = Math.round(requests * errorRate);
  const slow = phase === 'during' ? 180 : 0;
  const p50 = 42 + wobble(i, 4) + slow / 4;
  const p95 = 150 + wobble(i + 1, 18) + slow + errorRate * 9000;
  return {
    requests,
    failures,
    errorRate: failures / requests,
    availability: 1 - failures / requests,
    p50,
    p95,
    p99: p95 + 70 + wobble(i + 2, 20),
    throughput: requests / 10 + wobble(i + 3, 0.4),
  };
}

export function monitoredRun(projectPath: string, runId = monitoredRunId): Scenario {
  const r = recorder(start);
  r.emit('run.started', { ...runStarted(runId), projectPath, project: 'shop-api', runbook: 'deploy' });
  r.emit('monitor.started', { source: 'probes', target: 'http://127.0.0.1:8080/health', ratePerSecond: 5 });
  let i = 0;
  const window = (phase: MonitorPhase, errorRate = 0) => {
    const from = r.now();
    r.wait(10);
    r.emit('monitor.window', { source: 'probes', phase, from, to: r.now(), metrics: metrics(i++, phase, errorRate) });
  };
  for (let n = 0; n < 6; n++) window('before');
  window('during');
  const cutFrom = r.now();
  r.wait(1.2);
  r.emit('traffic.switched', { where: 'nginx on web-1', weights: { 'v1.4.2': 0, 'v1.5.0': 100 } });
  const cutTo = r.now();
  window('during', 0.02);
  window('during');
  r.emit('downtime.measured', { ms: 1200, from: cutFrom, to: cutTo });
  const rising = [0, 0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12];
  const rule = {
    rule: 'high-error-rate',
    condition: 'error_rate > 5%',
    severity: 'critical',
    action: 'rollback',
  } as const;
  rising.forEach((rate, n) => {
    window('after', rate);
    if (n === 4) r.emit('alert.changed', { ...rule, state: 'pending', value: rate });
    if (n === 7) r.emit('alert.changed', { ...rule, state: 'firing', value: rate });
  });
  r.emit('rollback.started', { reason: 'alert high-error-rate firing (error_rate > 5%)', trigger: 'alert' });
  r.wait(0.1);
  r.emit('rollback.finished', { ok: true });
  r.emit('monitor.stopped', { source: 'probes', reason: 'run rolled back' });
  r.emit('run.finished', { status: 'rolled-back', reason: 'alert high-error-rate fired' });
  return { name: 'monitored-run', runId, events: r.events };
}

/** Writes the run's journal with the real journal writer into `<dataDir>/runs/<runId>/`. */
export async function writeMonitoredRun(dataDir: string, projectPath: string, runId = monitoredRunId): Promise<void> {
  await writeScenarioJournal(join(runsDir(dataDir), runId), monitoredRun(projectPath, runId));
}
