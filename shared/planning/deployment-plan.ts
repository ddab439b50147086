import type { Action } from '../formats/action-schema';
import type { Checklist } from '../formats/checklist-schema';
import { formatDuration } from '../formats/duration';
import type { NamedEnvironment } from '../formats/environment-schema';
import { actionKey, type Runbook } from '../formats/runbook-schema';
import type { Schedule } from '../formats/schedule-schema';
import { describeAction } from '../plans/describe-action';
import { notApplicableReason } from '../runs/planned-steps';
import type { StrategyStage } from '../runs/run-events';
import { rollbackStepId } from '../runs/run-state';
import { actionWhere } from './action-where';
import { canonicalJson } from './canonical-json';
import { describeStrategy } from './describe-strategy';
import type { PlanAction, PlanChecklistItem, PlanContent, PlanStep, Stakeholder, UnsignedPlan } from './plan-types';
import { checkWindow, describeWindows } from './window-check';

// Builds the deployment plan from the validated runbook and environment. Pure: the CLI, the API
// and the run build the same plan from the same files, so the digest the run journals matches
// the one on the exported markdown.

export interface PlanRequest {
  project: string;
  runbook: Runbook;
  /** The runbook's id as the project knows it (file name or `id:`); default: runbook.id. */
  runbookId?: string;
  environment: NamedEnvironment & { schedule?: Schedule };
  version: string;
  commit?: string;
  previousVersion?: string;
  /** The strategy asked for; default: the runbook's, else recreate (as the deploy action does). */
  strategy?: string;
  /** The strategy's own plan per host, when the caller has the strategy at hand. */
  strategyStages?: StrategyStage[];
  /** Roles that may override the deployment window (the runbook's overrideRoles). */
  overrideRoles?: string[];
  now: Date;
}

function planActions(
  stepId: string,
  actions: Action[],
  env: NamedEnvironment,
  stageHosts: string[] | undefined,
  problems: string[],
): PlanAction[] {
  return actions.map((action, index) => {
    const key = actionKey(stepId, action, index);
    const { where, problem } = actionWhere(action, env, key, stageHosts);
    if (problem) problems.push(problem);
    return { key, type: action.type, title: describeAction(action), where, settings: actionSettings(action) };
  });
}

/** What an action is given besides what the plan shows already (its key, type and title). */
function actionSettings(action: Action): Record<string, unknown> {
  const { id: _id, title: _title, type: _type, ...settings } = action;
  return settings;
}

function checklistItems(prefix: string, checklists: Checklist[]): PlanChecklistItem[] {
  return checklists.flatMap((list) =>
    list.items.map((item) => ({
      key: `${prefix}.${item.id}`,
      text: item.text,
      gate: list.gate,
      automatic: item.check !== undefined,
      before: item.before,
      check: item.check,
    })),
  );
}

/** The settings of the environment the actions and monitors use (the digest covers them). */
function environmentSettings(env: NamedEnvironment): Record<string, unknown> {
  const { app, docker, urls, variables, concurrency, proxy, deploy, monitoring, hosts } = env;
  return { app, docker, urls, variables, concurrency, proxy, deploy, monitoring, hosts };
}

/** The watch window a run keeps: the first watch action's `duration:`, else the environment's default. */
function watchMs(runbook: Runbook, env: NamedEnvironment): number {
  for (const step of runbook.steps) {
    if (notApplicableReason(step, env.name)) continue;
    for (const action of step.actions) if (action.type === 'watch') return action.duration ?? env.monitoring.watch;
  }
  return env.monitoring.watch;
}

function stakeholders(runbook: Runbook, env: NamedEnvironment, overrideRoles: string[]): Stakeholder[] {
  return Object.entries(runbook.roles).map(([role, title]) => ({
    role,
    title,
    leads: runbook.steps.filter((step) => step.owner === role).map((step) => step.id),
    approves: runbook.steps.filter((step) => step.approvals.includes(role)).map((step) => step.id),
    environmentApproval: env.approvals.includes(role),
    mayOverrideWindow: overrideRoles.includes(role),
  }));
}

function byHost(steps: PlanStep[], rollback: PlanAction[]): PlanContent['hosts'] {
  const hosts = new Map<string, Array<{ key: string; title: string }>>();
  const actions = [...steps.filter((s) => !s.notApplicable).flatMap((s) => s.actions), ...rollback];
  for (const action of actions) {
    for (const host of action.where) {
      const list = hosts.get(host) ?? [];
      list.push({ key: action.key, title: action.title });
      hosts.set(host, list);
    }
  }
  return [...hosts].map(([host, list]) => ({ host, actions: list }));
}

function rollbackTriggers(runbook: Runbook): string[] {
  const alerts = runbook.alerts
    .filter((alert) => alert.action === 'rollback')
    .map((alert) => `alert ${alert.name}: ${alert.condition}${alert.for ? ` for ${formatDuration(alert.for)}` : ''}`);
  const policies = runbook.steps
    .filter((step) => step.onFailure === 'rollback')
    .map((step) => `step ${step.id} fails (its failure policy is rollback)`);
  return [...alerts, ...policies, 'the operator chooses rollback on a failed action'];
}

export function buildDeploymentPlan(request: PlanRequest): UnsignedPlan {
  const { runbook, environment: env, version } = request;
  const problems: string[] = [];
  const source = request.strategy ? 'request' : runbook.strategy ? 'runbook' : 'default';
  const strategy = request.strategy ?? runbook.strategy ?? 'recreate';
  const described = describeStrategy(strategy, env);
  problems.push(...described.problems);
  const stages = request.strategyStages ?? [];
  const stageHosts = stages.length > 0 ? [...new Set(stages.flatMap((stage) => stage.hosts))] : undefined;
  const overrideRoles = request.overrideRoles ?? [];
  const roleTitle = (role: string) => runbook.roles[role] ?? role;

  const steps: PlanStep[] = runbook.steps.map((step) => {
    const notApplicable = notApplicableReason(step, env.name);
    return {
      id: step.id,
      title: step.title,
      owner: step.owner,
      ownerTitle: roleTitle(step.owner),
      notApplicable,
      approvals: step.approvals.map((role) => ({ role, title: roleTitle(role) })),
      checklist: checklistItems(step.id, step.checklists),
      // A step that does not apply is shown, but its hosts are not checked: it will not run.
      actions: planActions(step.id, step.actions, env, stageHosts, notApplicable ? [] : problems),
      onFailure: step.onFailure,
    };
  });
  const rollbackActions = planActions(rollbackStepId, runbook.rollback.actions, env, stageHosts, problems);
  const monitoring = env.monitoring;
  const schedule = env.schedule;

  const content: PlanContent = {
    title: `Deploy ${version} to ${env.name}`,
    project: request.project,
    runbook: {
      id: request.runbookId ?? runbook.id ?? 'runbook',
      title: runbook.title,
      variables: runbook.variables,
    },
    environment: {
      name: env.name,
      description: env.description,
      protected: env.protected,
      hosts: env.hosts.map((host) => ({ name: host.name, address: host.address ?? host.alias })),
      requires: env.requires,
      approvals: env.approvals,
      settings: environmentSettings(env),
    },
    version,
    commit: request.commit,
    previousVersion: request.previousVersion,
    strategy: { name: strategy, source, summary: described.summary, stages },
    window: schedule && {
      timezone: schedule.timezone,
      windows: describeWindows(schedule),
      freezes: schedule.freezes,
      overrideRoles,
    },
    steps,
    hosts: byHost(steps, rollbackActions),
    stakeholders: stakeholders(runbook, env, overrideRoles),
    rollback: {
      previousVersion: request.previousVersion,
      actions: rollbackActions,
      checklist: runbook.rollback.checklists.flatMap((list) => list.items.map((item) => item.text)),
      checklistItems: checklistItems(rollbackStepId, runbook.rollback.checklists),
      triggers: rollbackTriggers(runbook),
    },
    monitoring: {
      probes: {
        url: monitoring.probes.url ?? env.urls.health,
        ratePerSecond: monitoring.probes.rate,
        windowMs: monitoring.probes.window,
        baselineMs: monitoring.probes.baseline,
        versionFrom: monitoring.probes.version,
      },
      prometheus: monitoring.prometheus && {
        url: monitoring.prometheus.url,
        metrics: Object.keys(monitoring.prometheus.queries),
        intervalMs: monitoring.prometheus.interval,
      },
      watchMs: watchMs(runbook, env),
      alerts: runbook.alerts.map((alert) => ({
        name: alert.name,
        condition: alert.condition,
        forMs: alert.for,
        severity: alert.severity,
        action: alert.action,
      })),
    },
    exitCriteria: runbook.exitCriteria.map((item) => item.text),
    problems,
  };
  return {
    ...content,
    generatedAt: request.now.toISOString(),
    windowNow: schedule ? checkWindow(schedule, request.now) : undefined,
  };
}

/** The text the digest is taken over: the content only, never when it was built or the window's state then. */
export function planDigestText(plan: UnsignedPlan & { digest?: string }): string {
  const { generatedAt: _at, windowNow: _now, digest: _digest, ...content } = plan;
  return canonicalJson(content);
}
