import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { shutdownEngine } from '../core/engine-shutdown';
import { installAppMenu } from './app-menu';
import { createPageAllowList, rendererEntryUrl } from './app-origin';
import { applyDataDirOverride, createElectronEngine } from './electron-engine';
import { forwardEngineEvents, registerIpcHandlers } from './ipc-registration';
import { projectFolderFromArgv } from './launch-arguments';
import { createMainWindow, focusWindow } from './main-window';
import { openProjectAt } from './open-project';
import { denyAllPermissions } from './permissions';
import { notifyQuestions } from './question-notifications';
import { guardQuit } from './quit-guard';
import { registerAppScheme, serveRenderer } from './renderer-source';
import { createSenderCheck } from './sender-check';
import { guardWebContents } from './web-contents-guards';

// The Electron entry point: wiring only. Each rule it applies lives in its own module, which is
// where it is explained and tested.

// Before `ready`: every renderer sandboxed (not just those that ask), app:// registered as a
// privileged scheme, and userData moved if RELEASE_PILOT_DATA_DIR says so.
app.enableSandbox();
registerAppScheme();
applyDataDirOverride();
if (process.platform === 'win32') app.setAppUserModelId('dev.release-pilot.app');

const here = import.meta.dirname; // out/main
const isPackaged = app.isPackaged;
// Packaged, the built-in runbook and the demo ship as extraResources (electron-builder.yml), beside
// app.asar rather than inside it: the engine finds them through this variable.
if (isPackaged && !process.env.RELEASE_PILOT_RESOURCES_DIR)
  process.env.RELEASE_PILOT_RESOURCES_DIR = process.resourcesPath;
const devServerUrl = isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const pages = createPageAllowList({ isPackaged, devServerUrl });

function iconPath(): string | undefined {
  const path = isPackaged ? join(process.resourcesPath, 'icon.png') : join(here, '../../resources/icon.png');
  return existsSync(path) ? path : undefined;
}

async function start(): Promise<void> {
  let window: BrowserWindow | undefined;
  // A project folder on the command line opens; a second launch hands over its arguments, so its
  // folder opens here, in this window (launch-arguments.ts). Until the engine exists, it waits.
  let openFolder: ((folder: string) => void) | undefined;
  let folderAtStart = projectFolderFromArgv(process.argv, { isPackaged, workingDirectory: process.cwd() });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow(window);
    const folder = projectFolderFromArgv(argv, { isPackaged, workingDirectory });
    if (folder && openFolder) openFolder(folder);
    else if (folder) folderAtStart = folder;
  });

  await app.whenReady();
  const engine = createElectronEngine();
  const logger = engine.logger.child({ part: 'electron' });
  openFolder = (folder) => {
    const showError = (title: string, message: string) => dialog.showErrorBox(title, message);
    void openProjectAt({ handlers: engine.handlers, logger, showError }, folder);
  };
  const openExternal = (url: string) => shell.openExternal(url);

  // Every webContents the app makes gets the navigation rules, the window's and any other.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { pages, openExternal, logger }));
  denyAllPermissions(session.defaultSession, logger);
  serveRenderer({ session: session.defaultSession, rendererDir: join(here, '../renderer'), devServerUrl, logger });

  const windowContents = () => (window && !window.isDestroyed() ? window.webContents : undefined);
  registerIpcHandlers({
    ipcMain,
    handlers: engine.handlers,
    checkSender: createSenderCheck(windowContents, pages),
    logger,
  });
  forwardEngineEvents(engine.events, windowContents);
  notifyQuestions(
    engine.events,
    () => focusWindow(window),
    () => Boolean(window && !window.isDestroyed() && window.isFocused()),
  );
  installAppMenu(engine, () => window);

  const openWindow = () => {
    window = createMainWindow({
      preloadPath: join(here, '../preload/index.cjs'),
      entryUrl: rendererEntryUrl({ isPackaged, devServerUrl }),
      isPackaged,
      iconPath: iconPath(),
      logger,
    });
    window.on('closed', () => {
      window = undefined;
    });
  };
  openWindow();
  if (folderAtStart) openFolder(folderAtStart);

  // macOS keeps the app running with no window; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (!window) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quitting mid-run asks first, then interrupts the runs at a safe point (quit-guard.ts).
  guardQuit({
    app,
    activeRuns: () => engine.runs.activeIds(),
    confirm: (runs) =>
      dialog.showMessageBoxSync({
        type: 'warning',
        buttons: ['Interrupt and quit', 'Keep running'],
        defaultId: 1,
        cancelId: 1,
        message: `${runs.length} run(s) are in progress`,
        detail:
          'Quitting interrupts them at a safe point: waits are withdrawn, monitors and running commands stopped, and the interruption journaled. They stay open with their deploy locks; resume them when the app starts again.',
      }) === 0,
    shutdown: () => shutdownEngine(engine, 'the desktop app was quit').finally(() => engine.flushLogs()),
    onError: (error) => logger.error('shutdown failed', { error: String(error) }),
  });
}

// One app instance per user: a second launch focuses the first (see 'second-instance') and ends,
// so two processes never write the same settings, journal and logs.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Release Pilot could not start', message);
    app.exit(1);
  });
}
