import type { Theme } from '../../../shared/api/schemas/settings';
import type { StorageLike } from '../lib/storage';

// The theme is a saved setting, but settings arrive over the API a moment after the first paint.
// The last theme applied is cached locally so a person who chose "dark" never sees a white flash.

export const themeCacheKey = 'release-pilot.theme';

export function parseTheme(value: unknown): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function cachedTheme(storage: StorageLike): Theme {
  return parseTheme(storage.getItem(themeCacheKey));
}

export function cacheTheme(storage: StorageLike, theme: Theme): void {
  storage.setItem(themeCacheKey, theme);
}
