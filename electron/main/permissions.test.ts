// Electron cannot run on this machine (its binary cannot be downloaded here); this stand-in
// replaces a Session: it only stores the three permission handlers so the test can call them.
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../core/test-support/recording-logger';
import { denyAllPermissions, type PermissionSession } from './permissions';

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    let device: Parameters<PermissionSession['setDevicePermissionHandler']>[0] | undefined;
    const session: PermissionSession = {
      setPermissionRequestHandler: (handler) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        check = handler;
      },
      setDevicePermissionHandler: (handler) => {
        device = handler;
      },
    };
    const { logger, lines } = recordingLogger();
    denyAllPermissions(session, logger);

    const answers: boolean[] = [];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      request?.({}, permission, (granted) => answers.push(granted));
      expect(check?.({}, permission, 'app://release-pilot')).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
    expect(device?.({ deviceType: 'usb' })).toBe(false);
    expect(lines.filter((line) => line.message === 'denied a permission request')).toHaveLength(6);
  });
});
