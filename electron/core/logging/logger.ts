import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from '../ports';

function wrap(base: pino.Logger): Logger {
  return {
    debug: (message, fields) => base.debug(fields ?? {}, message),
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    error: (message, fields) => base.error(fields ?? {}, message),
    child: (bindings) => wrap(base.child(bindings)),
  };
}

export interface LoggerOptions {
  /** Logs go to `<dataDir>/logs/release-pilot.ndjson`, one JSON object per line. */
  dataDir: string;
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Synchronous writes: used by the CLI and tests, so nothing is lost on exit. */
  sync?: boolean;
}

/** A structured logger: JSON lines with time, level, message and fields, in the data dir. */
export function createFileLogger(options: LoggerOptions): { logger: Logger; file: string; flush(): void } {
  const dir = join(options.dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'release-pilot.ndjson');
  const destination = pino.destination({ dest: file, sync: options.sync ?? false, mkdir: true });
  const base = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return { logger: wrap(base), file, flush: () => destination.flushSync() };
}

/** A logger that drops everything: for callers that have nowhere to write. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
