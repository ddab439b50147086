import { createEngine, type Engine } from '../engine';
import { silentLogger } from '../logging/logger';
import type { EnginePorts } from '../ports';
import { createConfSettings } from '../settings/conf-store';

/** The engine as the CLI builds it (conf settings in `dataDir`), quiet, for tests through its handlers. */
export function testEngine(dataDir: string, ports: Partial<EnginePorts> = {}): Engine {
  return createEngine({
    host: 'cli',
    dataDir,
    logger: silentLogger,
    settings: createConfSettings(dataDir, silentLogger),
    versions: { app: '0.0.0' },
    ...ports,
  });
}
