import { createHash } from 'node:crypto';
import type { Problem } from '../../../shared/api/schemas/common';
import type { NamedEnvironment, VersionKind } from '../../../shared/formats/environment-schema';
import { versionPattern } from '../../../shared/formats/run-input';
import { type Runbook, strategies } from '../../../shared/formats/runbook-schema';
import { projectIdentity } from '../environments/project-identity';
import { loadEnvironmentsFile } from '../formats/load-environments';
import { type LoadedRunbook, loadBuiltInRunbook, loadRunbookFile } from '../formats/load-runbook';
import { listRunbookFiles } from '../formats/project-layout';

// What a run needs from the project's files: one valid runbook and one valid environment. Any
// error in either stops the run before it starts, with every problem and its position.

export interface LoadedRunTarget {
  runbookId: string;
  runbookFile: string;
  runbook: Runbook;
  environment: NamedEnvironment;
  environmentNames: string[];
  /** The name targets know the project by (its release history is kept under it). */
  project: string;
  /** `not-git-refs`: versions are not checked in git (environments.yml `versions:`). */
  versions: VersionKind;
}

/** Bad project files or arguments: the CLI exits 2. */

export class InvalidRunInputError extends Error {
  readonly code = 'invalid-input';
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'InvalidRunInputError';
  }
}

/** The version and strategy a run, a plan or a preview is asked for: refused the same way by all three. */
export function checkRunInput(version: string, strategy: string | undefined): void {
  if (!versionPattern.test(version)) {
    throw new InvalidRunInputError(
      `"${version}" is not a version: give a tag, branch or commit (letters, digits and . _ / @ + -)`,
    );
  }
  if (strategy !== undefined && !(strategies as readonly string[]).includes(strategy)) {
    throw new InvalidRunInputError(`unknown strategy "${strategy}": use one of ${strategies.join(', ')}`);
  }
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((part) => part !== undefined).join(':');
  return `${where}: ${p.severity}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

async function chooseRunbook(projectRoot: string, wanted: string | undefined): Promise<LoadedRunbook> {
  const files = await listRunbookFiles(projectRoot);
  const loaded =
    files.length > 0
      ? await Promise.all(files.map((file) => loadRunbookFile(projectRoot, file)))
      : [await loadBuiltInRunbook()];
  if (wanted) {
    const match =
      loaded.find((r) => r.id === wanted) ?? (wanted === 'default' ? await loadBuiltInRunbook() : undefined);
    if (!match)
      throw new InvalidRunInputError(
        `no runbook "${wanted}" in ${projectRoot} (runbooks: ${loaded.map((r) => r.id).join(', ')})`,
      );
    return match;
  }
  if (loaded.length > 1) {
    throw new InvalidRunInputError(
      `${projectRoot} has ${loaded.length} runbooks; choose one with --runbook (${loaded.map((r) => r.id).join(', ')})`,
    );
  }
  return loaded[0]!;
}

export async function loadRunTarget(
  projectRoot: string,
  environmentName: string,
  runbookId?: string,
): Promise<LoadedRunTarget> {
  const chosen = await chooseRunbook(projectRoot, runbookId);
  const envs = await loadEnvironmentsFile(projectRoot);
  const errors = [...chosen.problems, ...envs.problems].filter((p) => p.severity === 'error');
  if (envs.missing)
    throw new InvalidRunInputError(
      `${projectRoot} has no .release-pilot/environments.yml: a run needs an environment to deploy to`,
    );
  if (errors.length > 0 || !chosen.runbook || !envs.environments) {
    throw new InvalidRunInputError(
      `the project's files have ${errors.length} error(s); fix them first (release-pilot validate ${projectRoot})`,
      errors,
    );
  }
  const environment = envs.environments[environmentName];
  if (!environment) {
    throw new InvalidRunInputError(
      `no environment "${environmentName}" in ${envs.file} (environments: ${Object.keys(envs.environments).join(', ')})`,
    );
  }
  return {
    runbookId: chosen.id,
    runbookFile: chosen.file,
    runbook: chosen.runbook,
    environment,
    environmentNames: Object.keys(envs.environments),
    project: projectIdentity(projectRoot, envs.project),
    versions: envs.versions ?? 'git-refs',
  };
}

/**
 * A fingerprint of what the run carries out: the runbook and the environment as validated. A run
 * resumed after its files changed would do something other than what was started and approved.
 */
export function targetDigest(target: LoadedRunTarget): string {
  return createHash('sha256')
    .update(JSON.stringify([target.runbook, target.environment]))
    .digest('hex');
}
