import { realpath } from 'node:fs/promises';
import { ApiError } from '../../../shared/api/errors';
import type { ApiHandlers, EventSink } from '../../../shared/api/handlers';
import type { DemoStatus } from '../../../shared/api/schemas/demo';
import type { ProjectSummary } from '../../../shared/api/schemas/project';
import type { Logger } from '../ports';
import { projectIdOf } from '../projects/project-service';
import { DemoUnavailableError } from './demo-docker';
import { demoLayout } from './demo-layout';
import { DemoBusyError, resetDemo } from './demo-reset';
import { setUpDemo } from './demo-setup';
import { demoStatus } from './demo-status';

export interface DemoHandlerDeps {
  dataDir: string;
  logger: Logger;
  emit: EventSink['emit'];
  /** Opens a folder as a project, as projects:open does. */
  openProject(path: string): Promise<ProjectSummary>;
  /** The paths of the open projects. */
  openPaths(): string[];
  /** Closes the project at this path, if open (a reset deletes its folder). */
  closeProject(path: string): Promise<void>;
}

type DemoHandlers = Pick<ApiHandlers, 'demo:status' | 'demo:open' | 'demo:reset'>;

export function demoHandlers(deps: DemoHandlerDeps): DemoHandlers {
  const layout = demoLayout(deps.dataDir);
  const status = async (): Promise<DemoStatus> => {
    const found = await demoStatus(layout);
    // Open projects are kept by their real path (a data folder under a symlink, /tmp on macOS).
    const real = await realpath(layout.project).catch(() => layout.project);
    const open = found.state === 'ready' && deps.openPaths().includes(real);
    return open ? { ...found, projectId: projectIdOf(real) } : found;
  };
  return {
    'demo:status': status,
    'demo:open': async () => {
      try {
        await setUpDemo({ layout, progress: (stage, message) => deps.emit('demo:progress', { stage, message }) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.warn('demo set-up failed', { error: message });
        throw new ApiError(error instanceof DemoUnavailableError ? 'unavailable' : 'internal', message);
      }
      deps.emit('demo:progress', { stage: 'open', message: 'Opening the demo project' });
      const project = await deps.openProject(layout.project);
      deps.emit('demo:progress', { stage: 'done', message: 'The demo is ready' });
      return { status: await status(), project };
    },
    'demo:reset': async () => {
      deps.emit('demo:progress', { stage: 'reset', message: "Removing the demo's containers, runs and project" });
      const real = await realpath(layout.project).catch(() => layout.project);
      let removed: Awaited<ReturnType<typeof resetDemo>>;
      try {
        removed = await resetDemo(deps.dataDir, layout);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof DemoBusyError) throw new ApiError('conflict', message);
        if (error instanceof DemoUnavailableError) throw new ApiError('unavailable', message);
        throw error;
      }
      // Its folder is gone: left open, the dashboard would show a project that cannot be read.
      await deps.closeProject(real);
      deps.logger.info('demo reset', { ...removed });
      return { status: await status(), removed };
    },
  };
}
