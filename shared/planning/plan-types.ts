import type { AutomaticCheck } from '../formats/checklist-schema';
import type { Freeze } from '../formats/schedule-schema';
import type { StrategyStage } from '../runs/run-events';
import type { WindowVerdict } from './window-check';

// The deployment plan (the workflow's step 2) as data: what the run will do, where, who is
// involved, how it is undone and what is watched. The markdown export, the plan page and the
// run's `plan.recorded` digest are all drawn from one of these.

export interface PlanAction {
  key: string;
  type: string;
  title: string;
  /** Host names, or "this machine", "DOCKER_HOST", "in person" for what is not on a host. */
  where: string[];
  /**
   * Everything the action is given, as validated (defaults filled in, `${…}` as written): part of
   * the digest, so a changed argv, status or duration changes it.
   */
  settings?: Record<string, unknown>;
}

/** A checklist item with what makes it pass: part of the digest. */
export interface PlanChecklistItem {
  key: string;
  text: string;
  gate?: number;
  automatic: boolean;
  /** Must be ticked before the step's actions start. */
  before?: boolean;
  check?: AutomaticCheck;
}

export interface PlanStep {
  id: string;
  title: string;
  owner: string;
  ownerTitle: string;
  /** Why this run skips the step (it applies to other environments). */
  notApplicable?: string;
  approvals: Array<{ role: string; title: string }>;
  checklist: PlanChecklistItem[];
  actions: PlanAction[];
  onFailure: string;
}

export interface Stakeholder {
  role: string;
  title: string;
  /** Steps this role leads. */
  leads: string[];
  /** Steps this role signs off. */
  approves: string[];
  /** Every run against the environment needs this role's approval. */
  environmentApproval: boolean;
  /** May start a run outside the deployment window, with a written reason. */
  mayOverrideWindow: boolean;
}

export interface PlanAlert {
  name: string;
  condition: string;
  forMs: number;
  severity: string;
  action: string;
}

export interface PlanContent {
  title: string;
  project: string;
  /** `variables`: the runbook's `${name}` values the actions use (the digest covers them). */
  runbook: { id: string; title: string; variables?: Record<string, string> };
  environment: {
    name: string;
    description?: string;
    protected: boolean;
    hosts: Array<{ name: string; address?: string }>;
    requires: string[];
    approvals: string[];
    /**
     * The environment's settings the actions and monitors use (app, docker, urls, variables,
     * concurrency, proxy, deploy, monitoring, hosts): part of the digest, shown in the plan.
     */
    settings?: Record<string, unknown>;
  };
  version: string;
  commit?: string;
  previousVersion?: string;
  strategy: {
    name: string;
    /** Where the choice came from: this request, the runbook's default, or the built-in default. */
    source: 'request' | 'runbook' | 'default';
    summary: string;
    stages: StrategyStage[];
  };
  /** The schedule as written (absent: the environment has none, runs may start any time). */
  window?: { timezone: string; windows: string; freezes: Freeze[]; overrideRoles: string[] };
  steps: PlanStep[];
  /** Each host (or "this machine") with the actions that touch it, in run order. */
  hosts: Array<{ host: string; actions: Array<{ key: string; title: string }> }>;
  stakeholders: Stakeholder[];
  rollback: {
    previousVersion?: string;
    actions: PlanAction[];
    checklist: string[];
    /** The rollback checklist's items with their checks (the digest covers them). */
    checklistItems?: PlanChecklistItem[];
    /** What rolls the deployment back: alert rules with action rollback, failure policies. */
    triggers: string[];
  };
  monitoring: {
    probes: { url?: string; ratePerSecond: number; windowMs: number; baselineMs: number; versionFrom?: string };
    prometheus?: { url: string; metrics: string[]; intervalMs: number };
    watchMs: number;
    alerts: PlanAlert[];
  };
  exitCriteria: string[];
  /** Things that will stop the run (a host that is not in the environment, a strategy without its settings). */
  problems: string[];
}

/** A plan as built at one moment: the content plus when, and whether the window is open then. */
export interface UnsignedPlan extends PlanContent {
  generatedAt: string;
  /** The window verdict at `generatedAt` (absent: no schedule). Not part of the digest. */
  windowNow?: WindowVerdict;
}

/** A plan with the sha256 of its content (canonical JSON): the run journals it in plan.recorded. */
export interface DeploymentPlan extends UnsignedPlan {
  digest: string;
}
