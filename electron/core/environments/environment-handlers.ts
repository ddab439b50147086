import { ApiError } from '../../../shared/api/errors';
import type { ApiHandlers } from '../../../shared/api/handlers';
import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { loadEnvironmentsFile } from '../formats/load-environments';
import type { Logger } from '../ports';
import { testEnvironmentConnection } from './connection-test';
import { projectEnvironmentStatus } from './environment-status';
import { readEnvironmentsText, saveEnvironmentsText } from './environments-file';

// The engine's `environments:*` handlers except the list (projects/project-files.ts): status for
// the dashboard, the file for the editor, and the connection test.

export interface EnvironmentHandlerDeps {
  dataDir: string;
  logger: Logger;
  /** The open project's folder; throws not-found for an unknown id. */
  projectRoot(projectId: string): string;
  /** True while this app drives the run. */
  isActive(runId: string): boolean;
  /** After a save: project summaries (their problem counts) changed. */
  saved(): Promise<void>;
}

type Handlers = Pick<
  ApiHandlers,
  'environments:status' | 'environments:read' | 'environments:save' | 'environments:test'
>;

async function environmentNamed(projectRoot: string, name: string): Promise<NamedEnvironment> {
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
  const environment = loaded.environments[name];
  if (!environment) {
    const known = Object.keys(loaded.environments).join(', ') || 'none';
    throw new ApiError('not-found', `no environment "${name}" in ${loaded.file} (defined: ${known})`, {
      environment: name,
    });
  }
  return environment;
}

export function environmentHandlers(deps: EnvironmentHandlerDeps): Handlers {
  return {
    'environments:status': async ({ projectId }) =>
      projectEnvironmentStatus({
        projectRoot: deps.projectRoot(projectId),
        dataDir: deps.dataDir,
        logger: deps.logger,
        isActive: deps.isActive,
      }),
    'environments:read': async ({ projectId }) => readEnvironmentsText(deps.projectRoot(projectId)),
    'environments:save': async ({ projectId, text, baseDigest }) => {
      const result = await saveEnvironmentsText(deps.projectRoot(projectId), text, baseDigest);
      if (result.saved) {
        deps.logger.info('environments file saved', { path: result.path });
        await deps.saved().catch(() => undefined);
      }
      return result;
    },
    'environments:test': async ({ projectId, environment }) => {
      const root = deps.projectRoot(projectId);
      return testEnvironmentConnection({
        projectRoot: root,
        environment: await environmentNamed(root, environment),
        logger: deps.logger,
      });
    },
  };
}
