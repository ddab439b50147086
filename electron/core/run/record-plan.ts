import { basename } from 'node:path';
import { buildDeploymentPlan } from '../../../shared/planning/deployment-plan';
import { overrideRolesOf } from '../../../shared/planning/override-roles';
import { strategyStages } from '../deploy/strategies/registry';
import { signPlan } from '../planning/plan-digest';
import type { RunRecorder } from './run-recorder';
import type { LoadedRunTarget } from './run-target';

// The deployment plan a run carries out, built exactly as `release-pilot plan` builds it, so the
// digest journaled here matches the one on the plan people reviewed.

export async function recordPlan(
  recorder: RunRecorder,
  target: LoadedRunTarget,
  request: { projectRoot: string; version: string; strategy?: string },
  resolved: { commit?: string; previousVersion?: string },
  now: Date,
): Promise<void> {
  const strategy = request.strategy ?? target.runbook.strategy ?? 'recreate';
  const environment = target.environment;
  const plan = signPlan(
    buildDeploymentPlan({
      project: basename(request.projectRoot),
      runbook: target.runbook,
      runbookId: target.runbookId,
      environment,
      version: request.version,
      commit: resolved.commit,
      previousVersion: resolved.previousVersion,
      strategy: request.strategy,
      strategyStages: strategyStages(strategy, environment, request.version, resolved.previousVersion),
      overrideRoles: overrideRolesOf(target.runbook),
      now,
    }),
  );
  await recorder.emit('plan.recorded', { digest: plan.digest, title: plan.title });
}
