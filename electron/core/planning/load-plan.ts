import type { DeploymentPlan } from '../../../shared/planning/plan-types';
import type { Logger } from '../ports';
import { deploymentPlanFor, type StagesFor } from '../run/record-plan';
import { checkRunInput, loadRunTarget } from '../run/run-target';
import { resolveRunVersion } from '../run/run-version';
import { createRunTools } from '../run/tool-runners';

// The deployment plan from a project's files, as `release-pilot plan` and `plans:get` give it:
// the same loaders as a run (so the same errors for an unknown environment or runbook), and the
// version live before read the way a run reads it, so the run's plan digest matches this one.

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
  checkRunInput(request.version, request.strategy);
  const target = await loadRunTarget(request.projectRoot, request.environment, request.runbook);
  const environment = target.environment;
  const tools = createRunTools({
    projectRoot: request.projectRoot,
    environment,
    logger: request.logger,
    dataDir: request.dataDir,
    project: target.project,
  });
  try {
    // Refused like a start: a version that names nothing is not planned (exit 2, nearest tags named).
    const { commit } = await resolveRunVersion(request.projectRoot, target, request.version);
    const previousVersion = await tools.liveVersion(request.dataDir, environment.name, 'plan');
    return deploymentPlanFor(
      target,
      request,
      { commit, previousVersion },
      request.now ?? new Date(),
      request.stagesFor,
    );
  } finally {
    await tools.close();
  }
}
