import { ApiError } from '../../../shared/api/errors';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { loadEnvironmentsFile } from '../formats/load-environments';

/** Every environment of a project's file, or an error pointing at the file's first problem (file:line:column). */
export async function loadEnvironments(projectRoot: string): Promise<Record<string, NamedEnvironment>> {
  return (await loadValid(projectRoot)).environments;
}

/** One environment by name; an unknown name is refused naming the file and the names it defines. */
export async function environmentNamed(projectRoot: string, name: string): Promise<NamedEnvironment> {
  const { file, environments } = await loadValid(projectRoot);
  const environment = environments[name];
  if (!environment) {
    const known = Object.keys(environments).join(', ') || 'none';
    throw new ApiError('not-found', `no environment "${name}" in ${file} (defined: ${known})`, {
      environment: name,
    });
  }
  return environment;
}

async function loadValid(
  projectRoot: string,
): Promise<{ file: string; environments: Record<string, NamedEnvironment> }> {
  const loaded = await loadEnvironmentsFile(projectRoot);
  if (loaded.missing) {
    throw new ApiError('not-found', `${loaded.file} does not exist in ${projectRoot}`, { file: loaded.file });
  }
  if (!loaded.environments) {
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    const at = first ? ` (first at ${first.file}:${first.line ?? 1}:${first.column ?? 1} — ${first.message})` : '';
    throw new ApiError('invalid-project', `${loaded.file} has ${errors.length} error(s); fix them first${at}`, {
      problems: loaded.problems,
    });
  }
  return { file: loaded.file, environments: loaded.environments };
}
