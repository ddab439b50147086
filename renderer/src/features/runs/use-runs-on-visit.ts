import { useEffect } from 'react';
import { useRuns } from './runs-store';

/**
 * Reloads the run list each time a screen that shows it is opened, so a visit shows the journals
 * as they are now (live runs also push updates). Returns `load`, for a Refresh or Retry button.
 */
export function useRunsOnVisit(): () => Promise<void> {
  const load = useRuns((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return load;
}
