import { setTimeout as sleep } from 'node:timers/promises';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { Runbook } from '../../../shared/formats/runbook-schema';
import { hostDelayLimit, startHostLag } from '../monitor/host-lag';
import { createRunMonitor, type RunMonitor } from '../monitor/run-monitor';
import { versionReader } from '../monitor/version-reader';
import type { Logger } from '../ports';
import type { RunMonitorHandle } from './deployment-session';
import type { RunRecorder } from './run-recorder';

// Starts the monitors of one run (probes on the environment's URL, Prometheus where named) with
// the runbook's alert rules, journaling through the run's recorder. Undefined when there is
// nothing to probe: a run without URLs still deploys, it just cannot be watched.

export interface RunMonitorOptions {
  environment: NamedEnvironment;
  runbook: Runbook;
  recorder: RunRecorder;
  logger: Logger;
  onRollback(rule: string, detail: string): void;
}

export function startRunMonitor(options: RunMonitorOptions): RunMonitorHandle | undefined {
  const { environment, runbook, recorder, logger } = options;
  const monitoring = environment.monitoring;
  const target = monitoring.probes.url ?? environment.urls.health;
  if (!target && !monitoring.prometheus) return undefined;
  const starting: Promise<RunMonitor> = createRunMonitor({
    monitoring,
    healthUrl: environment.urls.health,
    rules: runbook.alerts,
    judgeFrom: deploysByStrategy(runbook, environment.name) ? 'cutover' : 'start',
    emit: recorder.emit,
    logger,
    onRollback(rule) {
      options.onRollback(rule.rule, `${rule.condition}${rule.value === undefined ? '' : `, measured ${rule.value}`}`);
    },
  });
  // A monitor that cannot start (a bad Prometheus URL) must not take the deployment down with it.
  starting.catch((error) => logger.warn('the monitors could not start', { error: String(error) }));
  const quiet = async () => await starting.catch(() => undefined);
  return {
    cutover(phase, cutoverOptions) {
      void quiet().then((monitor) => monitor?.cutover(phase, cutoverOptions));
    },
    async waitQuiet(ms, signal) {
      const monitor = await quiet();
      if (monitor) return await monitor.waitQuiet(ms, signal);
      // Unwatched, but still a wait the run can cancel: a 1 h watch must not outlive its run.
      await sleep(ms, undefined, { signal });
    },
    awaitVersion: (version, timeoutMs, signal) =>
      target ? versionAnswering(target, monitoring.probes.version, version, timeoutMs, signal) : Promise.resolve(true),
    async stop() {
      await (await quiet())?.stop();
    },
  };
}

/** The run has a `deploy` action: its strategy tells the monitor when the new version takes traffic. */
function deploysByStrategy(runbook: Runbook, environment: string): boolean {
  return runbook.steps.some(
    (step) =>
      (!step.environments || step.environments.includes(environment)) &&
      step.actions.some((action) => action.type === 'deploy'),
  );
}

/** Consecutive answers a rollback needs from the old version before it counts as verified. */
const verifyStreak = 10;

/** Asks `url` until `version` answers `verifyStreak` times in a row (true), or `timeoutMs` passes (false). */
async function versionAnswering(
  url: string,
  spec: string,
  version: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  const reader = versionReader(spec);
  const deadline = Date.now() + timeoutMs;
  // A request that failed while this machine held our loop up says nothing of the app (see
  // monitoring in docs/environments.md): it neither counts toward the streak nor breaks it.
  const hostLag = startHostLag();
  let streak = 0;
  try {
    while (Date.now() < deadline && !signal.aborted) {
      const asked = performance.now();
      try {
        const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) });
        const body = await response.text();
        const headers = Object.fromEntries(response.headers.entries());
        streak = response.ok && reader.read(headers, body) === version ? streak + 1 : 0;
      } catch {
        if (hostLag.worstSince(asked) <= hostDelayLimit(2000)) streak = 0;
      }
      if (streak >= verifyStreak) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  } finally {
    hostLag.stop();
  }
}
