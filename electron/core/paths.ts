import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'Release Pilot';

/**
 * The data directory when none is given. It is where Electron's `userData` is for our product
 * name on each platform, so the desktop app, the browser host and the CLI see the same runs.
 * RELEASE_PILOT_DATA_DIR overrides it (tests, CI, a second profile).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.RELEASE_PILOT_DATA_DIR) return env.RELEASE_PILOT_DATA_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', productName);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), productName);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), productName);
}
