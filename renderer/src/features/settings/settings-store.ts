import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../../../shared/api/schemas/settings';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

// Saved settings as the host holds them. The form keeps its own draft (settings-form.tsx); this
// store only reflects what is saved, including changes made in another window.

interface SettingsState {
  phase: 'loading' | 'ready' | 'failed';
  settings?: Settings;
  error?: string;
  load(): Promise<void>;
  /** Throws the ApiError so the form can keep the draft and say what failed. */
  save(patch: SettingsPatch): Promise<Settings>;
  replace(settings: Settings): void;
}

export const useSettings = create<SettingsState>()((set) => ({
  phase: 'loading',
  async load() {
    try {
      set({ phase: 'ready', settings: await api.settings.get(), error: undefined });
    } catch (error) {
      set({ phase: 'failed', error: errorMessage(error) });
    }
  },
  async save(patch) {
    const settings = await api.settings.update(patch);
    set({ settings, phase: 'ready' });
    return settings;
  },
  replace(settings) {
    set({ settings, phase: 'ready', error: undefined });
  },
}));

export function subscribeToSettings(): () => void {
  return api.on('settings:changed', (settings) => useSettings.getState().replace(settings));
}
