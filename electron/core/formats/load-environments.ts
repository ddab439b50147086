import { join } from 'node:path';
import type { Problem } from '../../../shared/api/schemas/common';
import { EnvironmentsFile, type NamedEnvironment, type VersionKind } from '../../../shared/formats/environment-schema';
import { type Origin, problemAt, sortProblems, validateSource } from './load-yaml-with-schema';
import { projectFolder } from './project-layout';
import { requiresCycleProblems } from './requires-cycles';
import { isRecord, readYamlSource, type YamlSource } from './yaml-source';

export interface LoadedEnvironments {
  /** Relative to the project (or as given). */
  file: string;
  /** The project has no environments.yml (not a problem by itself: a runbook can be reviewed without one). */
  missing: boolean;
  /** Present only when the whole file is valid. */
  environments?: Record<string, NamedEnvironment>;
  /** The file's `project:` (the name targets know the project by), when it gives one. */
  project?: string;
  /** The file's `versions:`, when the whole file is valid. */
  versions?: VersionKind;
  /** The data as written, even when invalid (for lists: names, protected, host counts). */
  raw?: unknown;
  origin?: Origin;
  problems: Problem[];
}

export const environmentsFileName = join(projectFolder, 'environments.yml');

/** `requires:` must name environments of the same file (a typo would make a gate unpassable). */
function requiresWarnings(raw: unknown, origin: Origin): Problem[] {
  const envs = isRecord(raw) && isRecord(raw.environments) ? raw.environments : {};
  const names = Object.keys(envs);
  const problems: Problem[] = [];
  for (const [name, env] of Object.entries(envs)) {
    const requires = isRecord(env) && Array.isArray(env.requires) ? env.requires : [];
    requires.forEach((required, i) => {
      if (typeof required === 'string' && !names.includes(required)) {
        const message = `environment "${required}" is not defined in this file (defined: ${names.join(', ')})`;
        problems.push(problemAt(origin, ['environments', name, 'requires', i], 'warning', message));
      }
    });
  }
  return problems;
}

/** Validates a parsed environments file (pure: no file access). */
export function validateEnvironmentsSource(source: YamlSource): Omit<LoadedEnvironments, 'missing'> {
  const validated = validateSource(source, EnvironmentsFile);
  const problems = [...validated.problems];
  if (validated.raw !== undefined && validated.origin)
    problems.push(
      ...requiresWarnings(validated.raw, validated.origin),
      ...requiresCycleProblems(validated.raw, validated.origin),
    );
  const environments = validated.value
    ? Object.fromEntries(Object.entries(validated.value.environments).map(([name, env]) => [name, { ...env, name }]))
    : undefined;
  return {
    file: source.file,
    environments,
    project: validated.value?.project,
    versions: validated.value?.versions,
    raw: validated.raw,
    origin: validated.origin,
    problems: sortProblems(problems),
  };
}

/** Loads an environments file anywhere on disk, naming it `displayName` in problems. */
export async function loadEnvironmentsAt(absPath: string, displayName: string): Promise<LoadedEnvironments> {
  const read = await readYamlSource(absPath, displayName);
  if (!read.source) return { file: displayName, missing: read.missing, problems: read.missing ? [] : read.problems };
  return { ...validateEnvironmentsSource(read.source), missing: false };
}

/** The project's `.release-pilot/environments.yml`. */
export function loadEnvironmentsFile(projectRoot: string): Promise<LoadedEnvironments> {
  return loadEnvironmentsAt(join(projectRoot, environmentsFileName), environmentsFileName);
}
