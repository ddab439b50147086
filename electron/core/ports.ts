import type { HostKind } from '../../shared/api/schemas/app-info';
import type { Settings } from '../../shared/api/schemas/settings';
import type { SecretsPort } from './secrets/secrets-port';

/** Where settings live: electron-store in the desktop app, conf in the browser host and CLI. */
export interface SettingsPort {
  /** The raw stored object; the engine validates it, so a hand-edited file cannot crash it. */
  readRaw(): Record<string, unknown>;
  write(settings: Settings): void;
  /** Where the settings file is, for messages that must name it. */
  readonly path: string;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Everything the engine needs from the host it runs in; nothing else reaches it. */
export interface EnginePorts {
  host: HostKind;
  dataDir: string;
  settings: SettingsPort;
  logger: Logger;
  versions: { app: string; electron?: string; chrome?: string };
  /** `${secret:NAME}` values: the OS keychain in Electron, the environment elsewhere (default). */
  secrets?: SecretsPort;
  now?: () => Date;
}
