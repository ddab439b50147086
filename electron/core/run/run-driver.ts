import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import type { VariableScope } from '../../../shared/formats/interpolate';
import type { ReportRef } from '../../../shared/notify/message-types';
import { plannedExitCriteria, plannedRollback, plannedSteps } from '../../../shared/runs/planned-steps';
import { createRedactor } from '../../../shared/runs/redact';
import type { EndStatus, RunEventData, SignerRecord } from '../../../shared/runs/run-events';
import { emptyRunState, foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../journal/journal-reader';
import { openJournal } from '../journal/journal-writer';
import { openLogs } from '../journal/logs-writer';
import { redactingLogger } from '../logging/redacting-logger';
import type { Logger } from '../ports';
import type { SecretsPort } from '../secrets/secrets-port';
import { acquireLock } from './acquire-lock';
import { createDeployTargets } from './deploy-targets';
import { createDeploymentSession } from './deployment-session';
import { writeEndReport } from './end-report';
import { executeRun } from './executor';
import type { ExecutorContext } from './executor-context';
import { checkFlagProvider } from './flag-provider-guard';
import { endedRunProof } from './lock-proof';
import { findPassedRun } from './passed-runs';
import { recordPlan } from './record-plan';
import type { RunDecider } from './run-decider';
import { endEarly, releaseLock } from './run-end';
import { isUnreachable, RunBlockedError, RunCancelledError } from './run-errors';
import { checkGuards } from './run-guards';
import { completeRunIncident, openRunIncident } from './run-incident';
import { RunInterruptedError } from './run-interrupt';
import { startRunMonitor } from './run-monitor';
import { attachNotifier } from './run-notifier';
import { claimRun } from './run-owner';
import { createRunRecorder, type RunListener, type RunRecorder } from './run-recorder';
import { recordInterruption, restoreDeployment } from './run-resume';
import { type LoadedRunTarget, targetDigest } from './run-target';
import type { RunVersion } from './run-version';
import { createRunTools, type RunToolsWithTarget } from './tool-runners';

// Driving one run from its journal's opening to its end: everything around the executor. The
// journal is open and `run.started` durable before anything touches a host; the lock is released
// however the run ends. run-launcher.ts starts and resumes runs through here.

export interface RunRequest {
  projectRoot: string;
  environment: string;
  version: string;
  runbook?: string;
  strategy?: string;
  operator: SignerRecord;
  decider: RunDecider;
  /** Start outside the deployment window or inside a freeze: the written reason (the operator's role must allow it). */
  windowOverride?: string;
  /** Checklist items ticked ahead, in an offline review: journaled as carried ticks at the start. */
  preTicks?: PreTick[];
  /** A rollback (`release-pilot rollback`): the live release this run undoes. */
  rollbackOf?: { version: string; runId: string };
}

export interface PreTick {
  item: string;
  by: string;
  role?: string;
  note?: string;
  /** When it was ticked in the review (ISO). */
  at?: string;
}

export interface RunServices {
  dataDir: string;
  logger: Logger;
  secrets: SecretsPort;
  now?: () => Date;
  onEvent?: RunListener;
  /** Every output line of actions, for a terminal or the UI's live log tail. */
  onOutput?: (source: string, stream: string, line: string) => void;
}

export interface RunHandle {
  runId: string;
  recorder: RunRecorder;
  done: Promise<EndStatus>;
  cancel(by: string): void;
  /** Stops the run at a safe point because its host is going away; it stays open (run-interrupt.ts). */
  interrupt(by: string, reason: string): void;
  /** "Roll back now": false when a rollback was already triggered. */
  rollBackNow(by: string, reason: string): boolean;
}

export function newRunId(environment: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${environment}-${randomBytes(2).toString('hex')}`;
}

function scopeFor(
  target: LoadedRunTarget,
  runId: string,
  version: string,
  secrets: Record<string, string>,
): VariableScope {
  const env = target.environment;
  return {
    version,
    runId,
    env: { name: env.name, variables: env.variables, app: env.app, urls: env.urls },
    vars: target.runbook.variables,
    secrets,
  };
}

export interface Prepared {
  target: LoadedRunTarget;
  runDir: string;
  runId: string;
  secrets: Record<string, string>;
  /** The window override the launcher accepted, journaled right after run.started. */
  overridden?: RunEventData['window.overridden'];
  /** The version as the launcher checked it (resolveRunVersion); absent on a resume. */
  version?: RunVersion;
}

export async function drive(
  prepared: Prepared,
  request: Omit<RunRequest, 'runbook'>,
  services: RunServices,
  resuming: boolean,
): Promise<RunHandle> {
  const { target, runDir, runId, secrets } = prepared;
  const now = services.now ?? (() => new Date());
  const redact = createRedactor(Object.values(secrets));
  const logger = redactingLogger(services.logger, redact);
  const journal = await openJournal(runDir, { redact, create: !resuming });
  const releaseRun = await claimRun(runDir);
  const logs = await openLogs(runDir, { redact });
  const previous = resuming ? (await readJournal(join(runDir, 'journal.ndjson'))).events : [];
  const recorder = createRunRecorder(journal, resuming ? foldRun(runId, previous) : emptyRunState(runId));
  if (services.onEvent) recorder.listen(services.onEvent);
  // Written once the run ended; the notifications attach the same file.
  let reportWritten: Promise<ReportRef | undefined> | undefined;
  const endReport = () =>
    (reportWritten ??= writeEndReport(services.dataDir, runId, runDir, secrets).catch((error) => {
      logger.warn('could not write the run report', { runId, error: String(error) });
      return undefined;
    }));
  const notifications = await attachNotifier(
    request.projectRoot,
    recorder,
    services.secrets,
    logger,
    (line) => services.onOutput?.('notifications', 'info', line),
    () => endReport(),
  );
  const controller = new AbortController();
  let cancelledBy = 'operator';
  const tools: RunToolsWithTarget = createRunTools({
    projectRoot: request.projectRoot,
    environment: target.environment,
    logger,
    dataDir: services.dataDir,
    project: target.project,
  });
  const scope = scopeFor(target, runId, request.version, secrets);
  const deployment = createDeploymentSession(
    createDeployTargets(target.environment, tools, services.dataDir, runId),
    (onRollback) =>
      startRunMonitor({ environment: target.environment, runbook: target.runbook, recorder, logger, onRollback }),
  );
  const ctx: ExecutorContext = {
    recorder,
    runbook: target.runbook,
    plan: {
      scope,
      projectRoot: request.projectRoot,
      environment: target.environment,
      strategy: request.strategy ?? target.runbook.strategy,
    },
    alert: deployment.alert,
    deployment,
    async beforeEnd(status) {
      const incident = await openRunIncident(services.dataDir, runDir, status, logger);
      if (incident) await recorder.emit('incident.opened', incident);
    },
    decider: request.decider,
    tools,
    operator: request.operator,
    signal: controller.signal,
    cancelledBy: () => cancelledBy,
    output(source, stream, line) {
      const clean = redact(line);
      logs.write({ source, stream, line: clean });
      services.onOutput?.(source, stream, clean);
    },
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
  };

  const done = (async (): Promise<EndStatus> => {
    let locked = false;
    try {
      if (resuming) {
        const state = recorder.state;
        const running = state.steps.find((s) => s.id === state.currentStep)?.actions.find((a) => a.state === 'running');
        await recorder.emit('run.resumed', { by: request.operator.by, step: state.currentStep, action: running?.key });
      } else {
        await recorder.emit('run.started', {
          runId,
          project: basename(request.projectRoot),
          projectPath: request.projectRoot,
          runbook: target.runbookId,
          runbookTitle: target.runbook.title,
          environment: target.environment.name,
          protected: target.environment.protected,
          version: request.version,
          strategy: request.strategy ?? target.runbook.strategy,
          operator: request.operator,
          roles: target.runbook.roles,
          steps: plannedSteps(target.runbook, target.environment.name, scope),
          exitCriteria: plannedExitCriteria(target.runbook.exitCriteria),
          rollback: plannedRollback(target.runbook, scope),
          definition: targetDigest(target),
          carried: request.preTicks?.length || undefined,
          ...(request.rollbackOf ? { rollbackOf: request.rollbackOf } : {}),
        });
        for (const tick of request.preTicks ?? []) {
          const when = tick.at ? `pre-ticked in review ${tick.at}` : 'pre-ticked in review';
          await recorder.emit('checklist.ticked', {
            item: tick.item,
            by: tick.by,
            role: tick.role,
            note: tick.note ? `${tick.note} (${when})` : when,
            carried: true,
          });
        }
        if (prepared.overridden) await recorder.emit('window.overridden', prepared.overridden);
        if (prepared.version?.fetched) await recorder.emit('tags.fetched', prepared.version.fetched);
      }
      try {
        await acquireLock(ctx, tools.lockSite(), runId, target.environment.staleLockAfter, now, (holder) =>
          endedRunProof(services.dataDir, target.environment.name, holder),
        );
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        throw new RunBlockedError(
          `cannot reach the target of ${target.environment.name} to take its deploy lock: ${(error as Error).message}`,
          'unreachable',
        );
      }
      locked = true;
      if (!resuming) {
        const { commit, notGitRef } = prepared.version ?? {};
        const previousVersion = await tools.liveVersion(services.dataDir, target.environment.name, runId);
        scope.commit = commit;
        scope.previousVersion = previousVersion;
        await recorder.emit('version.resolved', { version: request.version, commit, previousVersion, notGitRef });
        const changes = notGitRef ? undefined : await tools.changes(previousVersion, request.version);
        if (changes) {
          await recorder.emit('changes.recorded', { from: previousVersion, to: request.version, ...changes });
        }
        await checkFlagProvider(ctx);
        await checkGuards(ctx, target.environmentNames, (env, version, c) =>
          findPassedRun(services.dataDir, env, version, c, request.projectRoot),
        );
        await recordPlan(recorder, target, request, { commit, previousVersion }, now());
      } else {
        scope.commit = recorder.state.commit;
        scope.previousVersion = recorder.state.previousVersion;
        await recordInterruption(recorder, tools);
        restoreDeployment(ctx, previous);
      }
      return await executeRun(ctx);
    } catch (error) {
      return await endEarly(recorder, error, () => deployment.stop());
    } finally {
      await deployment.stop().catch(() => undefined);
      if (locked) await releaseLock(recorder, tools, logger);
      if (recorder.state.status !== 'open') await completeRunIncident(services.dataDir, runDir, logger);
      if (recorder.state.status !== 'open') await endReport();
      await notifications.flush().catch(() => undefined);
      await tools.close().catch(() => undefined);
      await Promise.resolve()
        .then(() => logs.close())
        .catch(() => undefined);
      await journal.close().catch(() => undefined);
      await releaseRun().catch(() => undefined);
    }
  })();

  return {
    runId,
    recorder,
    done,
    cancel(by) {
      cancelledBy = by;
      controller.abort(new RunCancelledError(by));
    },
    interrupt(by, reason) {
      cancelledBy = by;
      controller.abort(new RunInterruptedError(by, reason));
    },
    rollBackNow: (by, reason) => deployment.rollBackNow(by, reason),
  };
}
