import Conf from 'conf';
import type { Logger, SettingsPort } from '../ports';
import { createConfSettingsPort } from './conf-settings-port';

/** Settings for the browser host and the CLI: `conf`, the library electron-store is built on. */
export function createConfSettings(dataDir: string, logger: Logger): SettingsPort {
  return createConfSettingsPort(
    (options) => new Conf<Record<string, unknown>>({ ...options, projectName: 'release-pilot' }),
    dataDir,
    logger,
  );
}
