import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions } from './menu-template';

function recordingActions() {
  const called: string[] = [];
  const actions: MenuActions = {
    openProject: () => called.push('openProject'),
    showDataFolder: () => called.push('showDataFolder'),
    showAbout: () => called.push('showAbout'),
  };
  return { actions, called };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const build = (isPackaged: boolean, platform: NodeJS.Platform = 'linux') =>
  buildMenuTemplate(recordingActions().actions, { isPackaged, platform, productName: 'Release Pilot' });

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help', () => {
    expect(build(true).map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(build(true, 'darwin')[0]?.label).toBe('Release Pilot');
  });

  it('offers Open Project… and Quit in File, wired to the open-project action', () => {
    const { actions, called } = recordingActions();
    const template = buildMenuTemplate(actions, { isPackaged: true, platform: 'linux', productName: 'Release Pilot' });
    const file = template[0]?.submenu as MenuItemConstructorOptions[];
    const open = file.find((item) => item.id === 'open-project');
    expect(open?.label).toBe('Open Project…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    expect(open?.click).toBeTypeOf('function');
    (open!.click as () => void)();
    expect(called).toEqual(['openProject']);
    expect(file.some((item) => item.role === 'quit')).toBe(true);
  });

  it('offers DevTools only when the app is not packaged', () => {
    const roles = (template: MenuItemConstructorOptions[]) => items(template).map((item) => item.role);
    expect(roles(build(true))).not.toContain('toggleDevTools');
    expect(roles(build(true, 'darwin'))).not.toContain('toggleDevTools');
    expect(roles(build(false))).toContain('toggleDevTools');
  });

  it('has the edit roles, reload, zoom and full screen', () => {
    const roles = items(build(true)).map((item) => item.role);
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'reload',
      'zoomIn',
      'zoomOut',
      'resetZoom',
    ]) {
      expect(roles, role).toContain(role);
    }
    expect(roles).toContain('togglefullscreen');
  });

  it('offers the data folder and the about box from Help', () => {
    const { actions, called } = recordingActions();
    const help = buildMenuTemplate(actions, { isPackaged: true, platform: 'linux', productName: 'Release Pilot' }).at(
      -1,
    );
    for (const item of help!.submenu as MenuItemConstructorOptions[]) (item.click as (() => void) | undefined)?.();
    expect(called).toEqual(['showDataFolder', 'showAbout']);
  });
});
