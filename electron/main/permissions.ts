import type { Logger } from '../core/ports';

/** The members of Electron's Session that deny permissions (a stand-in can provide them in tests). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, origin: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/**
 * Release Pilot needs no camera, microphone, location, notifications-by-prompt, MIDI, HID, USB,
 * serial or clipboard-read permission: every request and every check is answered no, and
 * requests are logged so a refused feature is easy to trace.
 */
export function denyAllPermissions(session: PermissionSession, logger: Logger): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    logger.warn('denied a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
