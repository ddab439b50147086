import { z } from 'zod';
import type { ActionPlan } from '../../plans/action-plan';
import { Id } from './common';

// What the run wizard's start dialog asks before anything starts: the versions a person can pick
// (the repository's tags and recent commits) and the dry run of the chosen run, per step and host.

export const VersionsRequest = z.object({ projectId: Id }).strict();

export const ProjectVersions = z.object({
  /** Newest first, by version order. */
  tags: z.array(z.object({ name: z.string(), commit: z.string(), date: z.string() })),
  /** From HEAD back, newest first. */
  commits: z.array(
    z.object({ sha: z.string(), shortSha: z.string(), subject: z.string(), author: z.string(), date: z.string() }),
  ),
});
export type ProjectVersions = z.infer<typeof ProjectVersions>;

export const PreviewRequest = z
  .object({
    projectId: Id,
    environment: z.string().min(1, 'choose an environment'),
    version: z.string().trim().min(1, 'choose a version to preview'),
    runbook: z.string().min(1).optional(),
    /** One of the six strategies (checked by the host, so this file stays light for the preload). */
    strategy: z.string().min(1).optional(),
  })
  .strict();

/** An action's plan as the engine built it; the describer in shared/plans reads it. */
const Plan = z.custom<ActionPlan>((value) => typeof value === 'object' && value !== null && 'kind' in value);

const Stage = z.object({
  id: z.string(),
  title: z.string(),
  hosts: z.array(z.string()),
  weight: z.number().optional(),
});

const PreviewAction = z.object({
  key: z.string(),
  title: z.string(),
  plan: Plan.optional(),
  /** Why the action cannot be planned: the run would fail on it. */
  problem: z.string().optional(),
  /** A deploy action's plan per host: its strategy's stages in order. */
  stages: z.array(Stage).optional(),
});
export type PreviewAction = z.infer<typeof PreviewAction>;

const PreviewItem = z.object({
  key: z.string(),
  text: z.string(),
  gate: z.number().optional(),
  before: z.boolean(),
  /** The automatic check's kind (`http`, `command` …), when the item checks itself. */
  check: z.string().optional(),
  problem: z.string().optional(),
});

const PreviewStep = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  /** Why the step will not run for this environment. */
  skipped: z.string().optional(),
  approvals: z.array(z.string()),
  items: z.array(PreviewItem),
  actions: z.array(PreviewAction),
});
export type PreviewStep = z.infer<typeof PreviewStep>;

/** A guard a start applies (shared/runs/start-guard.ts), as the preview found it. */
const PreviewGuard = z.object({
  guard: z.string(),
  outcome: z.enum(['passed', 'refused', 'unknown']),
  detail: z.string(),
  lift: z.enum(['window-override', 'break-lock']).optional(),
});

export const RunPreview = z.object({
  runbook: z.string(),
  runbookTitle: z.string(),
  environment: z.string(),
  protected: z.boolean(),
  version: z.string(),
  /** The commit the version names; absent when it is not a commit of this repository. */
  commit: z.string().optional(),
  previousVersion: z.string().optional(),
  /** The strategy the run would use (the one asked for, else the runbook's). */
  strategy: z.string().optional(),
  /** The runbook's own strategy, preselected in the start dialog. */
  defaultStrategy: z.string().optional(),
  /** Role id → title, for owners and approvals. */
  roles: z.record(z.string(), z.string()),
  lock: z.string(),
  /** The start's own guards: the window, the deploy lock, the environments that must have passed. */
  guards: z.array(PreviewGuard),
  hosts: z.array(z.string()),
  steps: z.array(PreviewStep),
  rollback: z.array(PreviewAction),
  missingSecrets: z.array(z.object({ name: z.string(), howToSet: z.string() })),
});
export type RunPreview = z.infer<typeof RunPreview>;
