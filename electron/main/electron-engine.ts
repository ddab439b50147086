import { app } from 'electron';
import ElectronStore from 'electron-store';
import { createEngine, type Engine } from '../core/engine';
import { createFileLogger } from '../core/logging/logger';
import { envSecrets } from '../core/secrets/env-secrets';
import { createConfSettingsPort } from '../core/settings/conf-settings-port';
import { createSafeStorageSecrets } from './safe-storage-secrets';

/**
 * RELEASE_PILOT_DATA_DIR moves the data directory for the CLI and browser host
 * (electron/core/paths.ts); honouring it here too keeps all three looking at the same runs.
 * Must run before the app is ready, since Chromium puts its own profile under userData.
 */
export function applyDataDirOverride(env: NodeJS.ProcessEnv = process.env): void {
  if (env.RELEASE_PILOT_DATA_DIR) app.setPath('userData', env.RELEASE_PILOT_DATA_DIR);
}

/**
 * The engine as the desktop app runs it: data in userData (where electron/core/paths.ts looks
 * for the CLI), settings in electron-store, logs through the shared file logger. The settings
 * port is the same adapter the browser host uses, so a corrupt settings file is moved aside and
 * reported the same way in both.
 */
export function createElectronEngine(): Engine & { flushLogs(): void } {
  const dataDir = app.getPath('userData');
  const { logger, flush } = createFileLogger({ dataDir });
  const settings = createConfSettingsPort(
    (options) => new ElectronStore<Record<string, unknown>>({ cwd: options.cwd, name: options.configName }),
    dataDir,
    logger,
  );
  const engine = createEngine({
    host: 'electron',
    dataDir,
    logger,
    settings,
    secrets: createSafeStorageSecrets(dataDir, envSecrets()),
    versions: { app: app.getVersion(), electron: process.versions.electron, chrome: process.versions.chrome },
  });
  return { ...engine, flushLogs: flush };
}
