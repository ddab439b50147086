import { setTimeout as sleep } from 'node:timers/promises';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { Runbook } from '../../../shared/formats/runbook-schema';
import { formatMetricValue } from '../../../shared/monitor/format-metric';
import { createRunMonitor, type RunMonitor } from '../monitor/run-monitor';
import type { Logger } from '../ports';
import { awaitServing } from './answer-streak';
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
      // As the rule is written ("measured 28.6%", not 0.2857…): people read this reason everywhere.
      const measured = rule.value === undefined ? '' : `, measured ${formatMetricValue(rule.condition, rule.value)}`;
      options.onRollback(rule.rule, `${rule.condition}${measured}`);
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
    servingUrl: target,
    versionSource: monitoring.probes.version,
    awaitServing: (version, timeoutMs, signal) =>
      target
        ? awaitServing({ url: target, version, versionSource: monitoring.probes.version }, timeoutMs, signal)
        : Promise.resolve({ ok: false, streak: 0, last: 'nothing to probe' }),
    async ruleQuiet(rule, timeoutMs, signal) {
      return await (await quiet())?.ruleQuiet(rule, timeoutMs, signal);
    },
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
