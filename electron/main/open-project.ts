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
 * File › Open Project…: a folder dialog, then the engine's own projects:open (through dispatch,
 * so the path is validated like any API call). The engine announces projects:changed, which
 * reaches the renderer as an event; here only a failure needs showing.
 */
export async function openProjectFromDialog(deps: OpenProjectDeps): Promise<boolean> {
  const path = await deps.pickFolder();
  if (!path) return false;
  const result = await dispatch(deps.handlers, 'projects:open', { path }, { transport: 'direct' }, (_m, error) =>
    deps.logger.error('opening a project failed', { path, error: String(error) }),
  );
  if (result.ok) return true;
  deps.logger.warn('could not open a project', { path, code: result.error.code, message: result.error.message });
  deps.showError('Could not open the project', result.error.message);
  return false;
}
