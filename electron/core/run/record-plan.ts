import { basename } from 'node:path';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { buildDeploymentPlan } from '../../../shared/planning/deployment-plan';
import { overrideRolesOf } from '../../../shared/planning/override-roles';
import type { DeploymentPlan } from '../../../shared/planning/plan-types';
import type { StrategyStage } from '../../../shared/runs/run-events';
import { strategyStages } from '../deploy/strategies/registry';
import { signPlan } from '../planning/plan-digest';
import type { RunRecorder } from './run-recorder';
import type { LoadedRunTarget } from './run-target';

// The deployment plan a run carries out, built by the one function `release-pilot plan` builds it
// with too, so the digest journaled here matches the one on the plan people reviewed.

export type StagesFor = (
  strategy: string,
  environment: NamedEnvironment,
  version: string,
  previousVersion: string | undefined,
) => StrategyStage[] | undefined;

export function deploymentPlanFor(
  target: LoadedRunTarget,
  request: { projectRoot: string; version: string; strategy?: string },
  resolved: { commit?: string; previousVersion?: string },
  now: Date,
  stagesFor: StagesFor = strategyStages,
): DeploymentPlan {
  const strategy = request.strategy ?? target.runbook.strategy ?? 'recreate';
  const environment = target.environment;
  return signPlan(
    buildDeploymentPlan({
      project: basename(request.projectRoot),
      runbook: target.runbook,
      runbookId: target.runbookId,
      environment,
      version: request.version,
      commit: resolved.commit,
      previousVersion: resolved.previousVersion,
      strategy: request.strategy,
      strategyStages: stagesFor(strategy, environment, request.version, resolved.previousVersion),
      overrideRoles: overrideRolesOf(target.runbook),
      now,
    }),
  );
}

export async function recordPlan(
  recorder: RunRecorder,
  target: LoadedRunTarget,
  request: { projectRoot: string; version: string; strategy?: string },
  resolved: { commit?: string; previousVersion?: string },
  now: Date,
): Promise<void> {
  const plan = deploymentPlanFor(target, request, resolved, now);
  await recorder.emit('plan.recorded', { digest: plan.digest, title: plan.title });
}
