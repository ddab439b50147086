import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { VariableScope } from '../../../shared/formats/interpolate';
import type { Runbook } from '../../../shared/formats/runbook-schema';
import { plannedExitCriteria, plannedRollback, plannedSteps } from '../../../shared/runs/planned-steps';
import { createRedactor } from '../../../shared/runs/redact';
import type { EndStatus, SignerRecord } from '../../../shared/runs/run-events';
import { emptyRunState, foldRun } from '../../../shared/runs/run-state';
import { readJournal } from '../journal/journal-reader';
import { openJournal } from '../journal/journal-writer';
import { openLogs } from '../journal/logs-writer';
import type { Logger } from '../ports';
import { runsDir } from '../runs/run-store';
import { resolveSecrets } from '../secrets/resolve-secrets';
import type { SecretsPort } from '../secrets/secrets-port';
import { acquireLock } from './acquire-lock';
import { executeRun } from './executor';
import type { ExecutorContext } from './executor-context';
import { findPassedRun } from './passed-runs';
import type { RunDecider } from './run-decider';
import { isUnreachable, RunBlockedError, RunStateError } from './run-errors';
import { checkGuards } from './run-guards';
import { createRunRecorder, type RunListener, type RunRecorder } from './run-recorder';
import { type LoadedRunTarget, loadRunTarget } from './run-target';
import { createRunTools, type RunToolsWithTarget } from './tool-runners';

// Starting and resuming runs: everything around the executor. The journal is open and
// `run.started` durable before anything touches a host; the lock is released however the run ends.

export interface RunRequest {
  projectRoot: string;
  environment: string;
  version: string;
  runbook?: string;
  strategy?: string;
  operator: SignerRecord;
  decider: RunDecider;
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

interface Prepared {
  target: LoadedRunTarget;
  runDir: string;
  runId: string;
  secrets: Record<string, string>;
}

async function drive(
  prepared: Prepared,
  request: Omit<RunRequest, 'runbook'>,
  services: RunServices,
  resuming: boolean,
): Promise<RunHandle> {
  const { target, runDir, runId, secrets } = prepared;
  const now = services.now ?? (() => new Date());
  const redact = createRedactor(Object.values(secrets));
  const journal = await openJournal(runDir, { redact, create: !resuming });
  const logs = await openLogs(runDir, { redact });
  const previous = resuming ? (await readJournal(join(runDir, 'journal.ndjson'))).events : [];
  const recorder = createRunRecorder(journal, resuming ? foldRun(runId, previous) : emptyRunState(runId));
  if (services.onEvent) recorder.listen(services.onEvent);
  const controller = new AbortController();
  let cancelledBy = 'operator';
  const tools: RunToolsWithTarget = createRunTools({
    projectRoot: request.projectRoot,
    environment: target.environment,
    logger: services.logger,
    dataDir: services.dataDir,
  });
  const scope = scopeFor(target, runId, request.version, secrets);
  const ctx: ExecutorContext = {
    recorder,
    runbook: target.runbook,
    plan: { scope, projectRoot: request.projectRoot, environment: target.environment },
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
          steps: plannedSteps(target.runbook, target.environment.name),
          exitCriteria: plannedExitCriteria(target.runbook.exitCriteria),
          rollback: plannedRollback(target.runbook),
        });
      }
      try {
        await acquireLock(ctx, tools.lockSite(), runId, target.environment.staleLockAfter, now);
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        throw new RunBlockedError(
          `cannot reach the target of ${target.environment.name} to take its deploy lock: ${(error as Error).message}`,
          'unreachable',
        );
      }
      locked = true;
      if (!resuming) {
        const commit = await tools.resolveCommit(request.version);
        const previousVersion = await tools.liveVersion(services.dataDir, target.environment.name, runId);
        scope.commit = commit;
        scope.previousVersion = previousVersion;
        await recorder.emit('version.resolved', { version: request.version, commit, previousVersion });
        await checkGuards(ctx, target.environmentNames, (env, version, c) =>
          findPassedRun(services.dataDir, env, version, c),
        );
      } else {
        scope.commit = recorder.state.commit;
        scope.previousVersion = recorder.state.previousVersion;
      }
      return await executeRun(ctx);
    } catch (error) {
      return await endEarly(recorder, error);
    } finally {
      if (locked) await releaseLock(recorder, tools, services.logger);
      await tools.close().catch(() => undefined);
      await Promise.resolve()
        .then(() => logs.close())
        .catch(() => undefined);
      await journal.close().catch(() => undefined);
    }
  })();

  return {
    runId,
    recorder,
    done,
    cancel(by) {
      cancelledBy = by;
      controller.abort(new Error(`cancelled by ${by}`));
    },
  };
}

/** A run that could not start its steps (lock, guard, unreachable host) ends here, journaled. */
async function endEarly(recorder: RunRecorder, error: unknown): Promise<EndStatus> {
  const message = error instanceof Error ? error.message : String(error);
  if (recorder.state.status !== 'open') return recorder.state.status as EndStatus;
  const status: EndStatus =
    error instanceof RunBlockedError || (error as { name?: string }).name === 'GuardRefusedError'
      ? 'aborted'
      : 'failed';
  try {
    await recorder.emit('run.finished', { status, reason: message });
  } catch {
    // The journal itself failed; the caller still learns why from the thrown status below.
  }
  if (error instanceof RunBlockedError) throw error;
  return status;
}

async function releaseLock(recorder: RunRecorder, tools: RunToolsWithTarget, logger: Logger): Promise<void> {
  const site = tools.lockSite();
  try {
    await site.remove();
    if (recorder.state.status !== 'open') return;
    await recorder.emit('lock.released', { where: site.where });
  } catch (error) {
    logger.warn('could not release the deploy lock', { where: site.where, error: String(error) });
  }
}

export async function startRun(request: RunRequest, services: RunServices): Promise<RunHandle> {
  const target = await loadRunTarget(request.projectRoot, request.environment, request.runbook);
  const secrets = await resolveSecrets([target.runbook, target.environment], services.secrets);
  const runId = newRunId(target.environment.name, (services.now ?? (() => new Date()))());
  return drive({ target, runDir: join(runsDir(services.dataDir), runId), runId, secrets }, request, services, false);
}

/** Resumes a run left open (a crash): from the step that was running, after re-taking the lock. */
export async function resumeRun(
  runId: string,
  request: Pick<RunRequest, 'operator' | 'decider'>,
  services: RunServices,
): Promise<RunHandle> {
  const runDir = join(runsDir(services.dataDir), runId);
  const { events, problems } = await readJournal(join(runDir, 'journal.ndjson'));
  if (problems.length > 0)
    throw new RunStateError(`cannot resume ${runId}: ${problems[0]?.message ?? 'journal damaged'}`);
  const state = foldRun(runId, events);
  if (state.status !== 'open')
    throw new RunStateError(`run ${runId} already ended (${state.status}); nothing to resume`);
  if (!state.projectPath || !state.environment || !state.version)
    throw new RunStateError(`run ${runId} has no run.started event; it cannot be resumed`);
  const target = await loadRunTarget(state.projectPath, state.environment, state.runbook);
  const secrets = await resolveSecrets([target.runbook, target.environment], services.secrets);
  return drive(
    { target, runDir, runId, secrets },
    {
      projectRoot: state.projectPath,
      environment: state.environment,
      version: state.version,
      strategy: state.strategy,
      ...request,
    },
    services,
    true,
  );
}

export type { NamedEnvironment, Runbook };
