import type { Monitoring } from '../../../shared/formats/deploy-schema';
import {
  type AlertEvaluator,
  type AlertRuleSpec,
  type AlertTransition,
  createAlertEvaluator,
  type RuleStatus,
} from '../../../shared/monitor/alert-evaluator';
import { createDowntimeTracker, type Downtime } from '../../../shared/monitor/downtime-tracker';
import { formatMetricValue } from '../../../shared/monitor/format-metric';
import { type MetricValues, mergeMetrics, probeMetrics } from '../../../shared/monitor/probe-metrics';
import { createSlidingWindow } from '../../../shared/monitor/sliding-window';
import type { SampleSummary } from '../../../shared/monitor/summarize-samples';
import type { MonitorPhase, RunEventData, RunEventType } from '../../../shared/runs/run-events';
import type { Logger } from '../ports';
import { MonitorError } from './monitor-error';
import { createPhaseWindows } from './phase-windows';
import { type Probes, startProbes } from './probes';
import { type PrometheusSource, prometheusSource } from './prometheus-source';
import { createQuietWaiters } from './quiet-waiters';
import { type RuleQuietResult, type RuleQuietWatch, watchRuleQuiet } from './rule-quiet';

// A run's monitoring: probes (and Prometheus where configured) feed the alert rules and the
// journal. Strategies wait on it (waitQuiet is what StrategyContext.analyse is built on) and the
// UI reads current(); everything it learns reaches the journal through the run recorder's emit.

/** The run recorder's emit (or anything with its shape). */
export type MonitorEmit = <T extends RunEventType>(type: T, data: RunEventData[T]) => Promise<unknown>;

export interface RunMonitorOptions {
  /** environment.monitoring, parsed. */
  monitoring: Monitoring;
  /** Probed when monitoring.probes.url is not set (the environment's urls.health); with neither, only Prometheus watches. */
  healthUrl?: string;
  rules: readonly AlertRuleSpec[];
  emit: MonitorEmit;
  now?: () => number;
  /** Called once, when the first rule with action rollback fires. */
  onRollback?(rule: AlertTransition): void;
  logger?: Logger;
  /** How often the rules look at the figures; default 500 ms. */
  evaluateEveryMs?: number;
  /**
   * When the rules and the downtime start judging. 'cutover': at the first cutover, for a run that
   * deploys by strategy; before it, failures are the old version's (or nothing's, on a first
   * deploy), and neither an alert nor a rollback nor "downtime" would be about this deployment. The
   * probes still measure the 'before' windows for the report. 'start' (default): from the start,
   * for runs that deploy by their own actions and never tell the monitor of a cutover.
   */
  judgeFrom?: 'start' | 'cutover';
}

export interface MonitorSnapshot {
  phase: MonitorPhase;
  target: string;
  /** Over the last monitoring.probes.window, since the cutover once it began (no requests when only Prometheus watches). */
  window: SampleSummary;
  /** What the rules saw at their last evaluation. */
  values: MetricValues;
  rules: RuleStatus[];
  downtime: Downtime;
  prometheus?: { server: string; values: Record<string, number | undefined>; error?: string };
  /** The rollback rule that fired, if one did. */
  rollback?: AlertTransition;
}

export interface RunMonitor {
  /** The probed URL, or the Prometheus server when there is nothing to probe. */
  readonly target: string;
  /** `outage`: a planned gap (recreate) until 'after': measured as downtime, not judged by the rules. */
  cutover(phase: 'during' | 'after', options?: { outage?: boolean }): void;
  current(): MonitorSnapshot;
  /** Resolves after `ms` unless a rollback rule fires first (then rejects with MonitorError 'alert-rollback'). */
  waitQuiet(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * After a revert: resolves once the named rule, judged only on probes sent from now on, stays
   * under its threshold for a full window (its `for`, at least 1 s), or with quiet false after
   * `timeoutMs`. Undefined when no rule has that name or nothing is probed.
   */
  ruleQuiet(rule: string, timeoutMs: number, signal?: AbortSignal): Promise<RuleQuietResult | undefined>;
  /** Stops probes and polls, journals the last window, the downtime and monitor.stopped. Idempotent. */
  stop(reason?: string): Promise<void>;
}

export async function createRunMonitor(options: RunMonitorOptions): Promise<RunMonitor> {
  const { monitoring, emit, logger } = options;
  const now = options.now ?? Date.now;
  const probeUrl = monitoring.probes.url ?? options.healthUrl;
  // Prometheus alone is enough to watch a run; with neither there is nothing to measure.
  const target = probeUrl ?? monitoring.prometheus?.url;
  if (!target) {
    const message = 'nothing to watch: set monitoring.probes.url, urls.health or monitoring.prometheus';
    throw new MonitorError('no-probe-url', message, { field: 'monitoring.probes.url' });
  }
  const evaluator = rulesOf(options.rules, now());
  const startedAt = now();
  let sliding = createSlidingWindow(monitoring.probes.window);
  // The rules judge each phase on its own samples: failures of the old version (or of no version,
  // before a first deploy) must not roll the new one back, nor a recreate's planned outage (its
  // 'during', measured as downtime) once the new version is up ('after').
  let rulesFrom = options.judgeFrom === 'cutover' ? Number.POSITIVE_INFINITY : startedAt;
  // Unlike rulesFrom, this does not move at later cutovers: a recreate's outage is its 'during'.
  let downtimeFrom = rulesFrom;
  const windows = createPhaseWindows(startedAt);
  const downtime = createDowntimeTracker();
  const waiters = createQuietWaiters();
  let values: MetricValues = {};
  let rollback: AlertTransition | undefined;
  let prometheusError: string | undefined;
  let stopping: Promise<void> | undefined;
  const quietWatches = new Set<RuleQuietWatch>();

  // One queue for every journal write, so events land in the order things happened.
  let queue: Promise<unknown> = Promise.resolve();
  const journal = <T extends RunEventType>(type: T, data: RunEventData[T]): Promise<unknown> => {
    queue = queue
      .then(() => emit(type, data))
      .catch((error: unknown) => logger?.error('monitor could not journal an event', { type, error: String(error) }));
    return queue;
  };

  const { probes: probeSettings, prometheus: promSettings } = monitoring;
  let prometheus: PrometheusSource | undefined;
  if (promSettings) {
    prometheus = prometheusSource({
      url: promSettings.url,
      queries: promSettings.queries,
      intervalMs: promSettings.interval,
      onError: (error) => {
        prometheusError = error.message;
        logger?.warn(error.message, { code: error.code });
      },
    });
  }
  // Started before monitor.started is journaled: a probe setting it refuses is then an error, not a
  // monitor that says it started and never measures.
  const probes: Probes | undefined =
    probeUrl === undefined
      ? undefined
      : startProbes({
          url: probeUrl,
          ratePerSecond: probeSettings.rate,
          timeoutMs: probeSettings.timeout,
          version: probeSettings.version,
          now,
          onSample: (sample) => {
            if (sample.at >= rulesFrom) sliding.add(sample);
            windows.add(sample);
            if (sample.at >= downtimeFrom) downtime.add(sample);
            for (const watch of quietWatches) watch.add(sample, now());
          },
        });
  if (probes)
    await journal('monitor.started', { source: 'probes', target: probes.url, ratePerSecond: probeSettings.rate });
  if (prometheus) await journal('monitor.started', { source: 'prometheus', target: prometheus.server });

  const evaluate = (): void => {
    // Not judging yet (before the first cutover): Prometheus' figures are the old version's too.
    if (rulesFrom === Number.POSITIVE_INFINITY) return;
    const at = now();
    const promValues = prometheus?.latest() ?? {};
    values = mergeMetrics(probeMetrics(sliding.summary(at).metrics), promValues);
    for (const change of evaluator.evaluate(values, at)) {
      const { previous: _previous, at: _at, ...data } = change;
      void journal('alert.changed', data);
      if (change.state === 'firing' && change.action === 'rollback' && !rollback) {
        rollback = change;
        const shown = formatMetricValue(change.condition, change.value ?? Number.NaN);
        waiters.fail(
          new MonitorError('alert-rollback', `alert rule "${change.rule}" (${change.condition}) fired at ${shown}`, {
            rule: change.rule,
            condition: change.condition,
            value: change.value,
          }),
        );
        try {
          options.onRollback?.(change);
        } catch (error) {
          logger?.error('onRollback failed', { error: String(error) });
        }
      }
    }
  };

  prometheus?.start();
  const evaluateTimer = setInterval(evaluate, options.evaluateEveryMs ?? 500);
  const flushTimer = setInterval(
    () => {
      const event = windows.flush(now());
      if (event) void journal('monitor.window', event);
    },
    Math.min(probeSettings.window, 10_000),
  );

  return {
    target,
    cutover(phase, cutoverOptions) {
      if (stopping) return;
      const at = now();
      const changing = phase !== windows.phase;
      const event = windows.cutover(phase, at);
      if (event) void journal('monitor.window', event);
      if (changing) {
        sliding = createSlidingWindow(monitoring.probes.window);
        rulesFrom = cutoverOptions?.outage ? Number.POSITIVE_INFINITY : at;
        downtimeFrom = Math.min(downtimeFrom, at);
        evaluator.restart(at);
      }
    },
    current() {
      const at = now();
      return {
        phase: windows.phase,
        target,
        window: sliding.summary(at),
        values,
        rules: evaluator.statuses(),
        downtime: downtime.result(at),
        ...(prometheus && {
          prometheus: { server: prometheus.server, values: prometheus.latest(), error: prometheusError },
        }),
        ...(rollback && { rollback }),
      };
    },
    waitQuiet(ms, signal) {
      if (rollback) return Promise.reject(waiters.lastError());
      if (stopping) return Promise.reject(stoppedError());
      return waiters.wait(ms, signal);
    },
    ruleQuiet(name, timeoutMs, signal) {
      const rule = options.rules.find((r) => r.name === name);
      if (!rule || !probes || stopping) return Promise.resolve(undefined);
      return awaitRuleQuiet(rule, now(), () => prometheus?.latest() ?? {}, quietWatches, timeoutMs, signal);
    },
    stop(reason) {
      stopping ??= (async () => {
        clearInterval(evaluateTimer);
        clearInterval(flushTimer);
        prometheus?.stop();
        waiters.fail(stoppedError());
        for (const watch of quietWatches) watch.end();
        const why = reason === undefined ? {} : { reason };
        if (probes) {
          await probes.stop();
          const at = now();
          const last = windows.flush(at, true);
          if (last) void journal('monitor.window', last);
          const measured = downtime.result(at);
          void journal('downtime.measured', {
            ms: Math.round(measured.ms),
            ...(measured.from !== undefined && { from: new Date(measured.from).toISOString() }),
            ...(measured.to !== undefined && { to: new Date(measured.to).toISOString() }),
          });
          void journal('monitor.stopped', { source: 'probes', ...why });
        }
        if (prometheus) void journal('monitor.stopped', { source: 'prometheus', ...why });
        await queue;
      })();
      return stopping;
    },
  };
}

function rulesOf(rules: readonly AlertRuleSpec[], at: number): AlertEvaluator {
  try {
    return createAlertEvaluator(rules, at);
  } catch (error) {
    throw new MonitorError('invalid-rule', error instanceof Error ? error.message : String(error), {
      field: 'alerts',
    });
  }
}

function stoppedError(): MonitorError {
  return new MonitorError('monitor-stopped', 'monitoring stopped while waiting for the analysis window');
}

/** One ruleQuiet() call: watches the samples until quiet, the deadline, an abort or the monitor's stop. */
async function awaitRuleQuiet(
  rule: AlertRuleSpec,
  at: number,
  otherValues: () => MetricValues,
  watches: Set<RuleQuietWatch>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RuleQuietResult> {
  const watch = watchRuleQuiet(rule, at, otherValues);
  watches.add(watch);
  const timer = setTimeout(() => watch.end(), timeoutMs);
  const onAbort = (): void => watch.end();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) watch.end();
  try {
    return await watch.result;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    watches.delete(watch);
  }
}
