import type {
  CutoverOptions,
  DeployStrategy,
  FlagSwitch,
  ReleaseHistory,
  StrategyContext,
  TrafficSwitch,
} from '../deploy/deploy-strategy';
import type { DockerOps } from '../docker/docker-ops';
import { CodedError } from '../lib/coded-error';
import type { RuleQuietResult } from '../monitor/rule-quiet';
import type { SshConnection } from '../ssh/ssh-connection';
import type { StreakResult } from './answer-streak';

// What one run knows about its deployment beyond the journal: the monitors (started at the first
// deploy or watch action, stopped before the run's end is journaled), the strategy that deployed
// (so a rollback can undo it), and the alert signal a firing rollback rule aborts.

/** The monitors as the run engine uses them (built by electron/core/monitor). */
export interface RunMonitorHandle {
  cutover(phase: 'during' | 'after', options?: CutoverOptions): void;
  /** Resolves after `ms` unless a rollback rule fires (then rejects with 'alert-rollback'). */
  waitQuiet(ms: number, signal: AbortSignal): Promise<void>;
  /** What a rollback's serving check asks (monitoring.probes.url, else urls.health); undefined: nothing. */
  readonly servingUrl?: string;
  /** monitoring.probes.version as configured; undefined: the app is not known to report its version. */
  readonly versionSource?: string;
  /** Resolves once servingUrl answers healthy (from `version`, when given) several times in a row, or not by `timeoutMs`. */
  awaitServing(version: string | undefined, timeoutMs: number, signal: AbortSignal): Promise<StreakResult>;
  /** The named rule, judged on probes from now on, stays under its threshold (undefined: no such rule or no probes). */
  ruleQuiet(rule: string, timeoutMs: number, signal: AbortSignal): Promise<RuleQuietResult | undefined>;
  /** Journals the last window and the measured downtime. */
  stop(): Promise<void>;
}

export type StartMonitor = (onRollback: (rule: string, detail: string) => void) => RunMonitorHandle | undefined;

/** The environment's machinery as the deploy action sees it (built by deploy-targets.ts). */
export interface DeployTargets {
  strategy(name: string): DeployStrategy;
  docker(host: string): Promise<DockerOps>;
  connection(host: string): Promise<SshConnection>;
  traffic?: TrafficSwitch;
  flags?: FlagSwitch;
  history: ReleaseHistory;
}

export class AlertRollbackError extends CodedError<'alert-rollback'> {}

/** "Roll back now": the operator's own trigger, down the very path a firing rule takes. */
export class ManualRollbackError extends AlertRollbackError {
  constructor(
    readonly by: string,
    readonly reason: string,
  ) {
    super('alert-rollback', `rolled back now by ${by}: ${reason}`, { by, reason });
  }
}

export interface DeploymentSession {
  /** Aborted (with an AlertRollbackError) when a rule whose action is rollback fires. */
  readonly alert: AbortSignal;
  readonly targets: DeployTargets;
  /** Whether the monitors have been started in this run. */
  monitoring(): boolean;
  /** The monitors, started on first use; undefined when the environment gives nothing to watch. */
  monitor(): RunMonitorHandle | undefined;
  /** The strategy that deployed in this run and the context it ran with, for the rollback. */
  deployed?: { strategy: DeployStrategy; ctx: StrategyContext };
  stop(): Promise<void>;
  /** Rolls back as a firing rule would; false when a rollback was already triggered. */
  rollBackNow(by: string, reason: string): boolean;
}

export function createDeploymentSession(targets: DeployTargets, startMonitor: StartMonitor): DeploymentSession {
  const alerts = new AbortController();
  let started = false;
  let handle: RunMonitorHandle | undefined;
  const session: DeploymentSession = {
    alert: alerts.signal,
    targets,
    monitoring: () => started,
    monitor() {
      if (!started) {
        started = true;
        handle = startMonitor((rule, detail) => {
          if (alerts.signal.aborted) return;
          // The message says what happens now; `why` is the reason, for when the rollback is over.
          const why = `alert "${rule}" fired (${detail})`;
          alerts.abort(new AlertRollbackError('alert-rollback', `${why}: rolling back`, { rule, detail, why }));
        });
      }
      return handle;
    },
    rollBackNow(by, reason) {
      if (alerts.signal.aborted) return false;
      alerts.abort(new ManualRollbackError(by, reason));
      return true;
    },
    async stop() {
      const running = handle;
      handle = undefined;
      await running?.stop();
    },
  };
  return session;
}

/** A signal that never aborts: the rollback itself must not be interrupted by the alert that caused it. */
export const neverAborted: AbortSignal = new AbortController().signal;
