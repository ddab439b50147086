import { overrideRolesOf } from '../../../shared/planning/override-roles';
import type { StartGuard } from '../../../shared/runs/start-guard';
import { lockLocation, peekLock } from '../environments/lock-peek';
import type { SshConnection } from '../ssh/ssh-connection';
import { endedRunProof } from './lock-proof';
import { findPassedRun } from './passed-runs';
import type { LoadedRunTarget } from './run-target';
import { lockGuard, requiredEnvironmentGuards, windowGuard } from './start-guards';

// The guards a start would apply, gathered for a preview or `run --dry-run` without starting:
// nothing is taken, journaled or changed. In the order a start meets them: the window (before
// anything is written), the deploy lock, then the environments that must have passed this version.

export async function previewGuards(request: {
  target: LoadedRunTarget;
  version: string;
  commit: string | undefined;
  dataDir: string;
  /** Only this project's runs count as passed (passed-runs.ts). */
  projectRoot: string;
  now: Date;
  connection(host: string): Promise<SshConnection>;
}): Promise<StartGuard[]> {
  const { target, version, commit, dataDir, now } = request;
  const environment = target.environment;
  const location = lockLocation(environment, dataDir);
  return [
    windowGuard(environment, overrideRolesOf(target.runbook), now),
    await lockGuard(
      environment,
      location.where,
      () => peekLock(location, request.connection),
      now,
      undefined,
      (holder) => endedRunProof(dataDir, environment.name, holder),
    ),
    ...(await requiredEnvironmentGuards(environment, target.environmentNames, version, commit, (env, v, c) =>
      findPassedRun(dataDir, env, v, c, request.projectRoot),
    )),
  ];
}
