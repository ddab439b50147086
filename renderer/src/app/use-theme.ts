import { useEffect } from 'react';
import type { Theme } from '../../../shared/api/schemas/settings';
import { useSettings } from '../features/settings/settings-store';
import { localStore } from '../lib/web-storage';
import { cacheTheme } from './theme';

/** `system` leaves the choice to prefers-color-scheme (tokens.css); the others pin it. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Applies the saved theme whenever it changes, here or in another window. */
export function useSavedTheme(): void {
  const theme = useSettings((state) => state.settings?.theme);
  useEffect(() => {
    if (!theme) return;
    applyTheme(theme);
    cacheTheme(localStore, theme);
  }, [theme]);
}
