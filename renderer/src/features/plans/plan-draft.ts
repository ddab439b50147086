import type { Problem } from '../../../../shared/api/schemas/common';

// What the plan form holds, kept as a session draft so a reload or a failed request loses nothing,
// and the request it becomes. Empty runbook / strategy mean "the project's default".

export interface PlanDraft {
  environment: string;
  version: string;
  runbook: string;
  strategy: string;
}

export interface PlanRequestInput {
  projectId: string;
  environment: string;
  version: string;
  runbook?: string;
  strategy?: string;
}

export type PlanDraftErrors = Partial<Record<'environment' | 'version', string>>;

export const emptyPlanDraft: PlanDraft = { environment: '', version: '', runbook: '', strategy: '' };

const fields = ['environment', 'version', 'runbook', 'strategy'] as const;

export function isPlanDraft(value: unknown): value is PlanDraft {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return fields.every((field) => typeof record[field] === 'string');
}

/**
 * The draft with choices that still exist: an environment or runbook removed from the project's
 * files since the draft was typed falls back to the first one, so the form never asks for a ghost.
 */
export function reconcileDraft(
  draft: PlanDraft | undefined,
  environments: readonly string[],
  runbooks: readonly string[],
): PlanDraft {
  const base = draft ?? emptyPlanDraft;
  const environment = environments.includes(base.environment) ? base.environment : (environments[0] ?? '');
  const runbook = runbooks.includes(base.runbook) ? base.runbook : (runbooks[0] ?? '');
  return { ...base, environment, runbook };
}

export function validatePlanDraft(draft: PlanDraft): PlanDraftErrors {
  const errors: PlanDraftErrors = {};
  if (!draft.environment) errors.environment = 'Choose the environment to plan for.';
  if (!draft.version.trim()) errors.version = 'Give the version to deploy: a tag, branch or commit.';
  return errors;
}

export function planRequestFrom(projectId: string, draft: PlanDraft): PlanRequestInput {
  return {
    projectId,
    environment: draft.environment,
    version: draft.version.trim(),
    ...(draft.runbook ? { runbook: draft.runbook } : {}),
    ...(draft.strategy ? { strategy: draft.strategy } : {}),
  };
}

/** Whether a plan made for `request` still answers what the form now asks. */
export function sameRequest(a: PlanRequestInput | undefined, b: PlanRequestInput): boolean {
  if (!a) return false;
  return (
    a.projectId === b.projectId &&
    a.environment === b.environment &&
    a.version === b.version &&
    a.runbook === b.runbook &&
    a.strategy === b.strategy
  );
}

/** `production-v1.2.0-plan.md`; a slash in a branch name (`release/1.2`) would make a folder. */
export function planFileName(environment: string, version: string): string {
  const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe(environment)}-${safe(version)}-plan.md`;
}

/** The problems an API error carries in its details (an invalid runbook or environment file). */
export function problemsOf(error: unknown): Problem[] {
  if (typeof error !== 'object' || error === null || !('details' in error)) return [];
  const details = (error as { details?: unknown }).details;
  if (typeof details !== 'object' || details === null) return [];
  const problems = (details as { problems?: unknown }).problems;
  return Array.isArray(problems) ? problems.filter(isProblem) : [];
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.file === 'string' && typeof record.message === 'string';
}
