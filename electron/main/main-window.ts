import { BrowserWindow } from 'electron';
import type { Logger } from '../core/ports';
import { mainWindowOptions } from './window-options';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  isPackaged: boolean;
  iconPath?: string;
  logger: Logger;
}

/** Creates the one app window, shown at its first paint, and logs a renderer that dies. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({ preloadPath: options.preloadPath, isPackaged: options.isPackaged, iconPath: options.iconPath }),
  );
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    options.logger.error('the renderer process ended', { reason: details.reason, exitCode: details.exitCode });
  });
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) options.logger.error('the window could not load its page', { url, code, description });
  });
  window.loadURL(options.entryUrl).catch((error: unknown) => {
    options.logger.error('loading the app page failed', { url: options.entryUrl, error: String(error) });
  });
  return window;
}

/** A second launch brings the running window forward instead of opening another app. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
