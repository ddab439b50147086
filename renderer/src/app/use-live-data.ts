import { useEffect } from 'react';
import { subscribeToProjects, useProjects } from '../features/projects/projects-store';
import { subscribeToRuns, useRuns } from '../features/runs/runs-store';
import { subscribeToSettings, useSettings } from '../features/settings/settings-store';
import { useAppInfo } from './app-info-store';
import { trackConnection } from './connection-store';

/**
 * Loads what every screen relies on and keeps it live: pushed events while connected, and a
 * full reload after the connection comes back (events sent while it was down are gone).
 */
export function useLiveData(): void {
  useEffect(() => {
    const reloadAll = () => {
      if (useAppInfo.getState().phase !== 'ready') void useAppInfo.getState().load();
      void useProjects.getState().load();
      void useSettings.getState().load();
      void useRuns.getState().load();
    };
    void useAppInfo.getState().load();
    void useProjects.getState().load();
    void useSettings.getState().load();
    const stops = [subscribeToProjects(), subscribeToSettings(), subscribeToRuns(), trackConnection(reloadAll)];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
}
