import { resolve } from 'node:path';
import type { HostKind } from '../../shared/api/schemas/app-info';
import { readAppVersion } from '../core/app-version';
import { createEngine, type Engine } from '../core/engine';
import { createFileLogger } from '../core/logging/logger';
import { defaultDataDir } from '../core/paths';
import { createConfSettings } from '../core/settings/conf-store';

/** The engine as the CLI and the browser host run it: conf for settings, logs in the data dir. */
export function createNodeEngine(options: { dataDir?: string; host: HostKind }): Engine & { flushLogs(): void } {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: options.host === 'cli' });
  const engine = createEngine({
    host: options.host,
    dataDir,
    logger,
    settings: createConfSettings(dataDir, logger),
    versions: { app: readAppVersion() },
  });
  return { ...engine, flushLogs: flush };
}
