import { join } from 'node:path';
import type { AutomaticCheck } from '../../../shared/formats/checklist-schema';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import type { ActionPlan } from '../../../shared/plans/action-plan';
import { projectPath } from '../../../shared/plans/plan-action';
import type { CommitRecord } from '../../../shared/runs/run-events';
import { coverageCheck } from '../checks/coverage-check';
import type { HistoryScope } from '../deploy/history/history-scope';
import { planComposeDetected, runCompose } from '../docker/compose';
import { readLiveVersion } from '../environments/live-version';
import { historyScopeOf } from '../environments/project-identity';
import { createGitRepo } from '../git/git-repo';
import { httpCheck } from '../http/http-check';
import { lineSplitter } from '../lib/line-splitter';
import type { Logger } from '../ports';
import { runLocal } from '../shell/run-local';
import { buildStopCommand } from '../ssh/remote-command';
import { exec } from '../ssh/ssh-exec';
import { type LockSite, localLockSite, remoteLockSite } from './deploy-lock';
import { runDockerPlan } from './docker-runner';
import { lastDeployedVersion } from './passed-runs';
import type { CheckResult, RunTools, ToolIO } from './run-tools';
import { runSshExec, runSshUpload } from './ssh-runner';
import { stopLocalGroup } from './stop-local-group';
import { createTargetHosts, type TargetHosts } from './target-hosts';

// The real tools behind a run: one function from plan to effect, per kind. Failures are typed
// errors from each tool layer (with a `code`), which the executor journals as they are.

export interface RunToolsWithTarget extends RunTools {
  /** The environment's hosts and Docker engines, shared with the deploy strategies. */
  readonly hosts: TargetHosts;
  lockSite(): LockSite;
  /** The commits from one version to the next (newest first), or undefined when git cannot say. */
  changes(from: string | undefined, to: string): Promise<{ commits: CommitRecord[]; truncated: boolean } | undefined>;
  /** The commit a version names in the project's repository, when it is a git repository that has it. */
  resolveCommit(version: string): Promise<string | undefined>;
  /** The version live on the environment before this run: the app container's label, else the run history. */
  liveVersion(dataDir: string, environment: string, runId: string): Promise<string | undefined>;
  /** This project's share of the target's release history (its name there, its own runs). */
  readonly historyScope: HistoryScope;
}

const maxChanges = 200;

async function localCommand(argv: string[], cwd: string, env: Record<string, string>, io: ToolIO, timeoutMs?: number) {
  const out = lineSplitter((line) => io.output(undefined, 'stdout', line));
  const err = lineSplitter((line) => io.output(undefined, 'stderr', line));
  const result = await runLocal({
    argv,
    cwd,
    env,
    timeoutMs,
    signal: io.signal,
    onStdout: out,
    onStderr: err,
    onSpawn: (pid) => io.started?.(undefined, pid),
  });
  out.flush();
  err.flush();
  return result;
}

export function createRunTools(options: {
  projectRoot: string;
  environment: NamedEnvironment;
  logger: Logger;
  dataDir: string;
  /** The name targets know the project by (LoadedRunTarget.project). */
  project: string;
}): RunToolsWithTarget {
  const { projectRoot, environment } = options;
  const historyScope = historyScopeOf(projectRoot, options.project, options.dataDir);
  const hosts = createTargetHosts(environment, projectRoot, options.logger);
  const repo = () => createGitRepo(projectRoot);
  const gitIO = (io: ToolIO) => ({
    signal: io.signal,
    onOutput: (line: string, stream: 'stdout' | 'stderr') => io.output(undefined, stream, line),
  });

  async function runPlan(plan: ActionPlan, io: ToolIO): Promise<unknown> {
    switch (plan.kind) {
      case 'local-command': {
        const result = await localCommand(plan.argv, plan.cwd, plan.env, io, plan.timeoutMs);
        if (result.exitCode !== 0) {
          throw Object.assign(
            new Error(
              `${plan.argv.join(' ')} ${result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`}`,
            ),
            { code: 'command-failed' },
          );
        }
        return { exitCode: 0, durationMs: result.durationMs };
      }
      case 'manual':
        return undefined;
      case 'git.fetch':
        return repo().fetch({ remote: plan.remote, ...gitIO(io) });
      case 'git.resolve': {
        const resolved = await repo().resolve(plan.ref);
        io.output(undefined, 'info', `${plan.ref} is ${resolved.kind} ${resolved.commit}`);
        return resolved;
      }
      case 'git.checkout':
        return repo().checkout(plan.ref, gitIO(io));
      case 'git.verify-clean':
        return repo().verifyClean();
      case 'git.tag': {
        const tag = await repo().createTag(plan.name, { message: plan.message, ...gitIO(io) });
        if (plan.push) await repo().pushTag(plan.name, plan.remote, gitIO(io));
        return tag;
      }
      case 'git.log': {
        const commits = await repo().commitsBetween(plan.from, plan.to);
        for (const c of commits) io.output(undefined, 'stdout', `${c.shortSha} ${c.subject} (${c.author})`);
        return { count: commits.length, commits: commits.slice(0, 200) };
      }
      case 'docker.compose': {
        const composePlan = await planComposeDetected({
          files: plan.files,
          projectName: plan.projectName,
          projectDir: plan.cwd,
          args: plan.args,
        });
        const { exitCode } = await runCompose(composePlan, {
          signal: io.signal,
          onOutput: (stream, line) => io.output(undefined, stream, line),
        });
        if (exitCode !== 0)
          throw Object.assign(new Error(`${composePlan.summary} exited with code ${exitCode}`), {
            code: 'command-failed',
          });
        return { exitCode };
      }
      case 'ssh.exec':
        return runSshExec(plan, hosts, io);
      case 'ssh.upload':
        return runSshUpload(plan, hosts, io);
      case 'http.check': {
        const result = await httpCheck({
          url: plan.url,
          method: plan.method,
          headers: plan.headers,
          body: plan.body,
          expectStatus: plan.expectStatus,
          expectBodyContains: plan.expectBodyContains,
          maxLatencyMs: plan.maxLatencyMs,
          timeoutMs: plan.timeoutMs,
          retries: plan.attempts - 1,
          intervalMs: plan.intervalMs,
          signal: io.signal,
          onAttempt: (attempt, index) =>
            io.output(
              undefined,
              attempt.ok ? 'stdout' : 'stderr',
              `attempt ${index + 1}: ${attempt.status ?? '-'} in ${Math.round(attempt.latencyMs)} ms${attempt.error ? ` — ${attempt.error}` : ''}`,
            ),
        });
        if (!result.ok) throw Object.assign(new Error(result.message), { code: 'http-check-failed' });
        return {
          status: result.final.status,
          latencyMs: Math.round(result.final.latencyMs),
          attempts: result.attempts.length,
        };
      }
      case 'deploy':
      case 'watch':
        // They drive the journal and the monitors, so the executor runs them (run-deploy.ts).
        throw new Error(`${plan.kind} actions are run by the run engine, not by a tool`);
      default:
        return runDockerPlan(plan, hosts, io, environment.concurrency);
    }
  }

  async function runCheck(check: AutomaticCheck, io: ToolIO): Promise<CheckResult> {
    switch (check.type) {
      case 'command': {
        const result = await localCommand(
          check.argv,
          projectPath(projectRoot, check.cwd ?? '.'),
          {},
          io,
          check.timeout,
        );
        return result.exitCode === 0
          ? { ok: true, message: `${check.argv.join(' ')} exited 0` }
          : { ok: false, message: `${check.argv.join(' ')} exited with code ${result.exitCode ?? result.signal}` };
      }
      case 'coverage':
        return coverageCheck({ file: projectPath(projectRoot, check.file), min: check.min, metric: check.metric });
      case 'http': {
        const result = await httpCheck({
          url: check.url,
          method: check.method,
          expectStatus: typeof check.expectStatus === 'number' ? [check.expectStatus] : check.expectStatus,
          expectBodyContains: check.expectBodyContains,
          maxLatencyMs: check.maxLatency,
          retries: check.attempts - 1,
          intervalMs: check.interval,
          signal: io.signal,
        });
        return { ok: result.ok, message: result.message };
      }
    }
  }

  async function stopProcess(host: string | undefined, pid: number): Promise<boolean> {
    if (host === undefined) return stopLocalGroup(pid);
    let alive = '';
    const conn = await hosts.connection(host);
    await exec(conn, ['sh', '-c', 'kill -0 "-$1" 2>/dev/null && echo alive', 'rp-check', String(pid)], {
      onStdout: (chunk) => {
        alive += chunk;
      },
    });
    if (!alive.includes('alive')) return false;
    const stopper = await exec(conn, ['sh', '-c', buildStopCommand(pid)]);
    return stopper.exitCode === 0;
  }

  return {
    runPlan,
    runCheck,
    stopProcess,
    lockSite() {
      const primary = environment.hosts[0];
      if (!primary) return localLockSite(environment.lockDir ?? join(options.dataDir, 'locks'), environment.name);
      return remoteLockSite(
        () => hosts.connection(primary.name),
        primary.name,
        environment.lockDir ?? '.release-pilot/locks',
        environment.name,
      );
    },
    hosts,
    historyScope,
    async changes(from, to) {
      try {
        const commits = await repo().commitsBetween(from, to);
        // A report lists what changed; thousands of commits (a first deploy) are cut, saying so.
        const shown = commits.slice(0, maxChanges);
        return {
          commits: shown.map((c) => ({ hash: c.sha, author: c.author, date: c.date, subject: c.subject })),
          truncated: commits.length > shown.length || (from === undefined && commits.length >= 50),
        };
      } catch {
        return undefined;
      }
    },
    async resolveCommit(version) {
      try {
        return (await repo().resolve(version)).commit;
      } catch {
        return undefined;
      }
    },
    async liveVersion(dataDir, envName, runId) {
      // One order for every reader (environments/live-version.ts): release history, label, runs.
      const live = await readLiveVersion({
        environment,
        hosts,
        dataDir,
        scope: historyScope,
        signal: AbortSignal.timeout(30_000),
        hostDown: false,
        deployedVersion: await lastDeployedVersion(dataDir, projectRoot, envName, runId),
        box: (work) => work,
        warn: () => undefined,
      });
      return live?.version;
    },
    close: () => hosts.close(),
  };
}
