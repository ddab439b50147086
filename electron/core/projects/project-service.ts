import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { ProjectSummary } from '../../../shared/api/schemas/project';
import { projectFolder, readEnvironmentSummaries, readRunbookSummaries } from './project-files';

/** A stable id for a project: the same folder always gets the same id, on every host. */
export function projectIdOf(realPath: string): string {
  return createHash('sha256').update(realPath).digest('hex').slice(0, 12);
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

/**
 * Checks that a folder is a Release Pilot project and returns its real path. Every refusal names
 * the path and says what to do.
 */
export async function resolveProjectRoot(input: string): Promise<string> {
  const path = expandHome(input.trim());
  if (!isAbsolute(path)) {
    throw new ApiError('invalid-project', `give the project's full path (not ${input})`, { path: input });
  }
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new ApiError('not-found', `no folder at ${path}`, { path });
  if (!info.isDirectory()) {
    throw new ApiError('invalid-project', `${path} is a file; choose the project's folder`, { path });
  }
  const marker = await stat(join(path, projectFolder)).catch(() => undefined);
  if (!marker?.isDirectory()) {
    throw new ApiError(
      'invalid-project',
      `${path} has no ${projectFolder}/ folder: a project keeps its runbooks and environments.yml there`,
      { path },
    );
  }
  return realpath(path);
}

/** Reads a project's summary. A folder that has gone away is reported as a problem, not thrown. */
export async function summarizeProject(root: string): Promise<ProjectSummary> {
  const id = projectIdOf(root);
  const name = basename(root);
  try {
    await resolveProjectRoot(root);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      id,
      name,
      path: root,
      runbookCount: 0,
      environmentCount: 0,
      problems: [{ severity: 'error', file: root, message }],
    };
  }
  const [runbooks, environments] = await Promise.all([readRunbookSummaries(root), readEnvironmentSummaries(root)]);
  const problems = [...runbooks.flatMap((r) => r.problems), ...dedupe(environments.flatMap((e) => e.problems))];
  return { id, name, path: root, runbookCount: runbooks.length, environmentCount: environments.length, problems };
}

/** Environments of one file share that file's syntax problems; report each once. */
function dedupe<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
