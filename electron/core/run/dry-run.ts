import type { AutomaticCheck } from '../../../shared/formats/checklist-schema';
import { interpolateTitle, secretNames, type VariableScope } from '../../../shared/formats/interpolate';
import { actionKey } from '../../../shared/formats/runbook-schema';
import type { ActionPlan } from '../../../shared/plans/action-plan';
import { describeAction } from '../../../shared/plans/describe-action';
import { type PlanContext, planAction } from '../../../shared/plans/plan-action';
import { planCheck } from '../../../shared/plans/plan-check';
import { notApplicableReason } from '../../../shared/runs/planned-steps';
import type { StrategyStage } from '../../../shared/runs/run-events';
import type { StartGuard } from '../../../shared/runs/start-guard';
import { planStrategy } from '../deploy/strategies/registry';
import type { Logger } from '../ports';
import type { SecretsPort } from '../secrets/secrets-port';
import { previewGuards } from './preview-guards';
import { loadRunTarget } from './run-target';
import { resolveRunVersion, type TagsFetched } from './run-version';
import { createRunTools } from './tool-runners';

// What a run would do, without doing it: every step, what it waits for, and every action's plan
// with its variables resolved and its hosts chosen. Nothing is locked or journaled, no secret is
// read (each shows as [secret:NAME]); the only contact with the target is reading which version
// is live, so `${previous_version}` can be shown.

export interface DryRunAction {
  key: string;
  title: string;
  plan?: ActionPlan;
  /** Why the action could not be planned (an unknown variable, a host not in the environment). */
  problem?: string;
  /** A deploy action's plan per host (its strategy's stages). */
  stages?: StrategyStage[];
}

export interface DryRunStep {
  id: string;
  title: string;
  owner: string;
  skipped?: string;
  approvals: string[];
  items: Array<{ key: string; text: string; gate?: number; before: boolean; check?: AutomaticCheck; problem?: string }>;
  actions: DryRunAction[];
}

export interface DryRun {
  runbook: string;
  environment: string;
  protected: boolean;
  version: string;
  commit?: string;
  /** The project's versions are not git refs (environments.yml `versions: not-git-refs`). */
  notGitRef?: boolean;
  /** The tag fetch from the project's remote before the version was looked up. */
  tagsFetched?: TagsFetched;
  previousVersion?: string;
  lock: string;
  /** What a start would check first (window, lock, environments passed): passed, refused or unknown. */
  guards: StartGuard[];
  steps: DryRunStep[];
  rollback: DryRunAction[];
  /** Secrets the run needs that are not set here, each with how to set it. */
  missingSecrets: Array<{ name: string; howToSet: string }>;
}

function tryPlan<T>(make: () => T): { value?: T; problem?: string } {
  try {
    return { value: make() };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export async function dryRun(request: {
  projectRoot: string;
  environment: string;
  version: string;
  runbook?: string;
  strategy?: string;
  dataDir: string;
  logger: Logger;
  secrets: SecretsPort;
  now?: Date;
}): Promise<DryRun> {
  const target = await loadRunTarget(request.projectRoot, request.environment, request.runbook);
  // Refused like a start: a version that names nothing is not planned (exit 2, nearest tags named).
  // Previews come one after another as the dialog changes: a fetch a minute is enough for them.
  const version = await resolveRunVersion(request.projectRoot, target, request.version, { reuseFetchWithinMs: 60_000 });
  const env = target.environment;
  const tools = createRunTools({
    projectRoot: request.projectRoot,
    environment: env,
    logger: request.logger,
    dataDir: request.dataDir,
    project: target.project,
  });
  try {
    const names = secretNames(JSON.stringify([target.runbook, env]));
    const missingSecrets: DryRun['missingSecrets'] = [];
    for (const name of names) {
      if ((await request.secrets.get(name)) === undefined)
        missingSecrets.push({ name, howToSet: request.secrets.howToSet(name) });
    }
    const scope: VariableScope = {
      version: request.version,
      runId: 'dry-run',
      commit: version.commit,
      previousVersion: await tools.liveVersion(request.dataDir, env.name, 'dry-run'),
      env: { name: env.name, variables: env.variables, app: env.app, urls: env.urls },
      vars: target.runbook.variables,
      secrets: Object.fromEntries(names.map((name) => [name, `[secret:${name}]`])),
    };
    const ctx: PlanContext = {
      scope,
      projectRoot: request.projectRoot,
      environment: env,
      strategy: request.strategy ?? target.runbook.strategy,
    };
    const planActions = (stepId: string, actions: typeof target.runbook.rollback.actions): DryRunAction[] =>
      actions.map((action, index) => {
        const planned = tryPlan(() => planAction(action, ctx));
        const plan = planned.value;
        const strategy =
          plan?.kind === 'deploy' ? planStrategy(plan.strategy, env, plan.version, plan.previousVersion) : undefined;
        return {
          key: actionKey(stepId, action, index),
          // As the run will journal it: known variables filled in, never secrets.
          title: interpolateTitle(describeAction(action), scope),
          plan,
          problem: planned.problem ?? (strategy && 'problem' in strategy ? strategy.problem : undefined),
          stages: strategy && 'stages' in strategy ? strategy.stages : undefined,
        };
      });
    return {
      runbook: target.runbookId,
      environment: env.name,
      protected: env.protected,
      version: request.version,
      commit: scope.commit,
      notGitRef: version.notGitRef,
      tagsFetched: version.fetched,
      previousVersion: scope.previousVersion,
      lock: tools.lockSite().where,
      guards: await previewGuards({
        target,
        version: request.version,
        commit: scope.commit,
        dataDir: request.dataDir,
        projectRoot: request.projectRoot,
        now: request.now ?? new Date(),
        connection: (host) => tools.hosts.connection(host),
      }),
      steps: target.runbook.steps.map((step) => ({
        id: step.id,
        title: step.title,
        owner: step.owner,
        skipped: notApplicableReason(step, env.name),
        approvals: step.approvals,
        items: step.checklists.flatMap((list) =>
          list.items.map((item) => {
            const check = item.check ? tryPlan(() => planCheck(item.check!, ctx)) : undefined;
            return {
              key: `${step.id}.${item.id}`,
              text: item.text,
              gate: list.gate,
              before: item.before,
              check: check?.value,
              problem: check?.problem,
            };
          }),
        ),
        actions: notApplicableReason(step, env.name) ? [] : planActions(step.id, step.actions),
      })),
      rollback: planActions('@rollback', target.runbook.rollback.actions),
      missingSecrets,
    };
  } finally {
    await tools.close();
  }
}
