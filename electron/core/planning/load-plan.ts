import { basename } from 'node:path';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { strategies } from '../../../shared/formats/runbook-schema';
import type { Schedule } from '../../../shared/formats/schedule-schema';
import { buildDeploymentPlan } from '../../../shared/planning/deployment-plan';
import { overrideRolesOf } from '../../../shared/planning/override-roles';
import type { DeploymentPlan } from '../../../shared/planning/plan-types';
import type { StrategyStage } from '../../../shared/runs/run-events';
import { strategyStages } from '../deploy/strategies/registry';
import type { Logger } from '../ports';
import { InvalidRunInputError, loadRunTarget, versionPattern } from '../run/run-target';
import { createRunTools } from '../run/tool-runners';
import { signPlan } from './plan-digest';

// The deployment plan from a project's files, as `release-pilot plan` and `plans:get` give it:
// the same loaders as a run (so the same errors for an unknown environment or runbook), and the
// version live before read the way a run reads it, so the run's plan digest matches this one.

export type StagesFor = (
  strategy: string,
  environment: NamedEnvironment,
  version: string,
  previousVersion: string | undefined,
) => StrategyStage[] | undefined;

export interface LoadPlanRequest {
  projectRoot: string;
  environment: string;
  version: string;
  runbook?: string;
  strategy?: string;
  dataDir: string;
  logger: Logger;
  now?: Date;
  /** The strategy's own stages per host (DeployStrategy.plan), when the caller has the strategies. */
  stagesFor?: StagesFor;
}

export async function loadDeploymentPlan(request: LoadPlanRequest): Promise<DeploymentPlan> {
  if (!versionPattern.test(request.version)) {
    throw new InvalidRunInputError(
      `"${request.version}" is not a version: give a tag, branch or commit (letters, digits and . _ / @ + -)`,
    );
  }
  if (request.strategy !== undefined && !(strategies as readonly string[]).includes(request.strategy)) {
    throw new InvalidRunInputError(`unknown strategy "${request.strategy}": use one of ${strategies.join(', ')}`);
  }
  const target = await loadRunTarget(request.projectRoot, request.environment, request.runbook);
  const environment = target.environment as NamedEnvironment & { schedule?: Schedule };
  const tools = createRunTools({
    projectRoot: request.projectRoot,
    environment,
    logger: request.logger,
    dataDir: request.dataDir,
  });
  try {
    const [commit, previousVersion] = await Promise.all([
      tools.resolveCommit(request.version),
      tools.liveVersion(request.dataDir, environment.name, 'plan'),
    ]);
    const strategy = request.strategy ?? target.runbook.strategy ?? 'recreate';
    return signPlan(
      buildDeploymentPlan({
        project: basename(request.projectRoot),
        runbook: target.runbook,
        runbookId: target.runbookId,
        environment,
        version: request.version,
        commit,
        previousVersion,
        strategy: request.strategy,
        strategyStages: (request.stagesFor ?? strategyStages)(strategy, environment, request.version, previousVersion),
        overrideRoles: overrideRolesOf(target.runbook),
        now: request.now ?? new Date(),
      }),
    );
  } finally {
    await tools.close();
  }
}
