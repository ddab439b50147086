import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/schemas/app-info';
import { api } from '../api/client';
import { errorCode, errorMessage } from '../lib/error-message';

interface AppInfoState {
  phase: 'loading' | 'ready' | 'failed';
  info?: AppInfo;
  /** Why the last attempt failed; kept during a retry. */
  error?: string;
  errorCode?: string;
  load(): Promise<void>;
}

/** app:info is the first call: it proves the round trip, and its failure is the boot error. */
export const useAppInfo = create<AppInfoState>()((set) => ({
  phase: 'loading',
  async load() {
    // The last error stays while retrying, so the boot error does not flicker away and back.
    set((state) => ({ phase: state.info ? 'ready' : 'loading' }));
    try {
      const info = await api.app.info();
      set({ phase: 'ready', info, error: undefined, errorCode: undefined });
    } catch (error) {
      set({ phase: 'failed', error: errorMessage(error), errorCode: errorCode(error) });
    }
  },
}));
