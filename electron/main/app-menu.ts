import { app, type BrowserWindow, dialog, Menu, shell } from 'electron';
import type { Engine } from '../core/engine';
import { productName } from '../core/paths';
import { buildMenuTemplate } from './menu-template';
import { openProjectFromDialog } from './open-project';

/** Builds and installs the application menu, wiring its items to dialogs, the engine and the browser. */
export function installAppMenu(engine: Engine, getWindow: () => BrowserWindow | undefined): void {
  const actions = {
    openProject: () => {
      void openProjectFromDialog({
        handlers: engine.handlers,
        logger: engine.logger,
        pickFolder: async () => {
          const window = getWindow();
          const options = { title: 'Open Project', properties: ['openDirectory' as const] };
          const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
          return result.canceled ? undefined : result.filePaths[0];
        },
        showError: (title, message) => dialog.showErrorBox(title, message),
      });
    },
    showDataFolder: () => {
      void shell.openPath(engine.info.dataDir).then((problem) => {
        if (problem) dialog.showErrorBox('Cannot show the data folder', `${engine.info.dataDir}: ${problem}`);
      });
    },
    showAbout: () => app.showAboutPanel(),
  };
  app.setAboutPanelOptions({
    applicationName: productName,
    applicationVersion: app.getVersion(),
    copyright: 'MIT License',
  });
  const template = buildMenuTemplate(actions, { isPackaged: app.isPackaged, platform: process.platform, productName });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
