import { describe, expect, it } from 'vitest';
import { projectFolderFromArgv } from './launch-arguments';

describe('projectFolderFromArgv', () => {
  const dev = { isPackaged: false, workingDirectory: '/home/ada' };
  const packaged = { isPackaged: true, workingDirectory: '/home/ada' };

  it('names no folder when the launch gave none', () => {
    expect(projectFolderFromArgv(['/usr/bin/electron', 'out/main/index.js'], dev)).toBeUndefined();
    expect(projectFolderFromArgv(['/opt/Release Pilot/release-pilot'], packaged)).toBeUndefined();
    // As Playwright launches it: switches before the main script.
    const launched = ['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', '--no-sandbox', '/r/out/main'];
    expect(projectFolderFromArgv(launched, dev)).toBeUndefined();
    expect(projectFolderFromArgv(['/usr/bin/electron', '.'], dev)).toBeUndefined();
  });

  it('skips the executable (and, unpackaged, the main script) and every switch', () => {
    expect(
      projectFolderFromArgv(['/usr/bin/electron', 'out/main/index.js', '--no-sandbox', '/srv/shop-api'], dev),
    ).toBe('/srv/shop-api');
    expect(projectFolderFromArgv(['/opt/rp/release-pilot', '--enable-logging=stderr', '/srv/shop'], packaged)).toBe(
      '/srv/shop',
    );
  });

  it('resolves a relative folder against the directory the launch was made from', () => {
    expect(projectFolderFromArgv(['/opt/rp/release-pilot', 'work/shop-api'], packaged)).toBe('/home/ada/work/shop-api');
    expect(projectFolderFromArgv(['/opt/rp/release-pilot', '.'], packaged)).toBe('/home/ada');
  });
});
