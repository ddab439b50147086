import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger, SettingsPort } from '../ports';

/** The members of conf (and of electron-store, which extends it) that the port uses. */
export interface ConfLike {
  readonly store: Record<string, unknown>;
  set(object: Record<string, unknown>): void;
  readonly path: string;
}

export interface ConfStoreOptions {
  cwd: string;
  configName: string;
}

export const settingsFileName = 'settings';

/**
 * Adapts a conf-style store to the settings port. A settings file that is not valid JSON is
 * moved aside (never deleted: a person may want what was in it) and the app starts on defaults,
 * with a warning naming both files.
 */
export function createConfSettingsPort(
  open: (options: ConfStoreOptions) => ConfLike,
  dir: string,
  logger: Logger,
): SettingsPort {
  const options = { cwd: dir, configName: settingsFileName };
  const file = join(dir, `${settingsFileName}.json`);
  let store: ConfLike;
  try {
    store = open(options);
    void store.store; // conf parses lazily; read once so a broken file shows up here
  } catch (error) {
    if (!existsSync(file)) throw error;
    const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, aside);
    logger.warn('settings file was not valid JSON; moved aside and started from defaults', {
      file,
      movedTo: aside,
      error: error instanceof Error ? error.message : String(error),
    });
    store = open(options);
  }
  return {
    path: store.path,
    readRaw: () => ({ ...store.store }),
    write: (settings) => store.set({ ...settings }),
  };
}
