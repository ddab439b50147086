import type { ProjectVersions } from '../../../../../shared/api/schemas/runs-ui';
// The run engine's rule for versions, said before a round trip.
import { versionPattern } from '../../../../../shared/formats/run-input';

// The start dialog's fields, kept as a session draft (a reload or a refused start loses nothing),
// checked before anything is sent, and turned into the `runs:start` / `runs:preview` requests.

export interface StartDraft {
  projectId: string;
  /** '' while the project has one runbook (or none: the built-in one is used). */
  runbook: string;
  environment: string;
  version: string;
  /** '' for the runbook's own strategy. */
  strategy: string;
  /** Shown once a start is refused for the deployment window: the written reason to override it. */
  windowOverride: string;
}

export const emptyStartDraft: StartDraft = {
  projectId: '',
  runbook: '',
  environment: '',
  version: '',
  strategy: '',
  windowOverride: '',
};

const fields = Object.keys(emptyStartDraft) as Array<keyof StartDraft>;

export function isStartDraft(value: unknown): value is StartDraft {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return fields.every((field) => typeof record[field] === 'string');
}

export type StartErrors = Partial<Record<keyof StartDraft, string>>;

export function validateStart(
  draft: StartDraft,
  options: { needsRunbook: boolean; overrideAsked: boolean },
): StartErrors {
  const errors: StartErrors = {};
  if (!draft.projectId) errors.projectId = 'Choose a project (open one on the Dashboard first).';
  if (options.needsRunbook && !draft.runbook) errors.runbook = 'This project has several runbooks: choose one.';
  if (!draft.environment) errors.environment = 'Choose the environment to deploy to.';
  const version = draft.version.trim();
  if (!version) errors.version = 'Choose a tag or commit, or type a version.';
  else if (!versionPattern.test(version))
    errors.version = 'A version is a tag, branch or commit name: letters, digits and . _ / @ + - only.';
  if (options.overrideAsked && !draft.windowOverride.trim())
    errors.windowOverride = 'Write why this run must start outside its deployment window.';
  return errors;
}

/** Enough chosen to ask for a preview (a preview never needs the override). */
export function previewable(draft: StartDraft, needsRunbook: boolean): boolean {
  const errors = validateStart(draft, { needsRunbook, overrideAsked: false });
  return Object.keys(errors).length === 0;
}

export function previewRequest(draft: StartDraft) {
  return {
    projectId: draft.projectId,
    environment: draft.environment,
    version: draft.version.trim(),
    runbook: draft.runbook || undefined,
    strategy: draft.strategy || undefined,
  };
}

export function startRequest(draft: StartDraft, overrideAsked: boolean) {
  return {
    ...previewRequest(draft),
    windowOverride: overrideAsked && draft.windowOverride.trim() ? draft.windowOverride.trim() : undefined,
  };
}

export type VersionMatch =
  | { kind: 'tag'; name: string; commit: string; date: string }
  | { kind: 'commit'; sha: string; shortSha: string; subject: string; author: string; date: string }
  | { kind: 'other' };

/** What the typed version is among the offered ones: a tag, one of the recent commits, or neither. */
export function matchVersion(version: string, versions: ProjectVersions | undefined): VersionMatch {
  const wanted = version.trim();
  if (!wanted || !versions) return { kind: 'other' };
  const tag = versions.tags.find((t) => t.name === wanted);
  if (tag) return { kind: 'tag', ...tag };
  const commit =
    wanted.length >= 4 ? versions.commits.find((c) => c.sha.startsWith(wanted) || c.shortSha === wanted) : undefined;
  return commit ? { kind: 'commit', ...commit } : { kind: 'other' };
}
