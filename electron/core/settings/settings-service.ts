import { defaultSettings, Settings, type SettingsPatch } from '../../../shared/api/schemas/settings';
import type { Logger, SettingsPort } from '../ports';

/**
 * Reads the stored settings field by field: a field that fails its schema (a hand edit, an old
 * version) falls back to its default alone and is logged, so one bad value costs nothing else.
 */
export function loadSettings(port: SettingsPort, logger: Logger): Settings {
  const raw = port.readRaw();
  const result: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    if (!(key in raw)) continue;
    const field = Settings.shape[key].safeParse(raw[key]);
    if (field.success) result[key] = field.data;
    else
      logger.warn('ignored an invalid settings field', {
        file: port.path,
        field: key,
        problem: field.error.issues[0]?.message,
      });
  }
  return Settings.parse(result);
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch | Pick<Settings, 'recentProjects'>): Settings;
}

export function createSettingsService(
  port: SettingsPort,
  logger: Logger,
  onChange: (settings: Settings) => void,
): SettingsService {
  let current = loadSettings(port, logger);
  return {
    get: () => current,
    update(patch) {
      const next = Settings.parse({ ...current, ...patch });
      port.write(next);
      current = next;
      onChange(next);
      return next;
    },
  };
}
