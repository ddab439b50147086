import type { ApiHandlers } from '../../../shared/api/handlers';
import type { Logger } from '../ports';
import { testEnvironmentConnection } from './connection-test';
import { environmentNamed } from './environment-named';
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
