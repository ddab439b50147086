import { dispatch } from '../../shared/api/dispatch';
import type { ApiHandlers } from '../../shared/api/handlers';
import type { Logger } from '../core/ports';

export interface OpenProjectDeps {
  handlers: ApiHandlers;
  /** The folder the person picked, or undefined when they cancelled. */
  pickFolder(): Promise<string | undefined>;
  showError(title: string, message: string): void;
  logger: Logger;
}

/**
 * File › Open Project…: a folder dialog, then the engine's own projects:open (openProjectAt).
 */
export async function openProjectFromDialog(deps: OpenProjectDeps): Promise<boolean> {
  const path = await deps.pickFolder();
  if (!path) return false;
  return openProjectAt(deps, path);
}

/**
 * Opens a folder as a project through the engine's own projects:open (through dispatch, so the
 * path is validated like any API call): from the dialog, or a folder named on the command line.
 * The engine announces projects:changed, which reaches the renderer as an event; here only a
 * failure needs showing.
 */
export async function openProjectAt(deps: Omit<OpenProjectDeps, 'pickFolder'>, path: string): Promise<boolean> {
  const result = await dispatch(deps.handlers, 'projects:open', { path }, { transport: 'direct' }, (_m, error) =>
    deps.logger.error('opening a project failed', { path, error: String(error) }),
  );
  if (result.ok) return true;
  deps.logger.warn('could not open a project', { path, code: result.error.code, message: result.error.message });
  deps.showError('Could not open the project', result.error.message);
  return false;
}
