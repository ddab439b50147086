import { createEngine, type Engine } from '../../core/engine';
import { createConfSettings } from '../../core/settings/conf-store';
import { recordingLogger } from '../../core/test-support/recording-logger';

/**
 * The real engine as the Electron main process would build it, except that settings are kept by
 * conf (what electron-store is built on: electron-store itself needs the Electron binary).
 * For tests only.
 */
export function createTestEngine(dataDir: string) {
  const { logger, lines } = recordingLogger();
  const engine: Engine = createEngine({
    host: 'electron',
    dataDir,
    logger,
    settings: createConfSettings(dataDir, logger),
    versions: { app: '0.0.0-test', electron: 'test', chrome: 'test' },
  });
  return { engine, logger, lines };
}
