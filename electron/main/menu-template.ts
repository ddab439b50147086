import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openProject(): void;
  /** Shows the data directory (settings, runs, logs) in the file manager. */
  showDataFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  productName: string;
}

/**
 * The application menu as data (Menu.buildFromTemplate turns it into a menu), so a test can check
 * what is in it — above all that DevTools is not offered in a packaged app. Standard items use
 * Electron roles, which give each platform its own labels and shortcuts.
 */
export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: options.productName,
      submenu: [
        { label: `About ${options.productName}`, click: actions.showAbout },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: '&File',
    submenu: [
      { id: 'open-project', label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: actions.openProject },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });

  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });

  const devItems: MenuItemConstructorOptions[] = options.isPackaged ? [] : [{ role: 'toggleDevTools' }];
  template.push({
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...devItems,
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  template.push({
    label: '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });

  template.push({
    role: 'help',
    label: '&Help',
    submenu: [
      { id: 'data-folder', label: 'Show Data Folder', click: actions.showDataFolder },
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { label: `About ${options.productName}`, click: actions.showAbout }]),
    ],
  });

  return template;
}
