import type { ApiHandlers } from '../../../shared/api/handlers';
import { toApiError } from '../run/run-api-errors';
import { buildRunMonitoring } from './run-monitoring';

/** `runs:monitoring` for the engine: a run's charts' data from its journal and its runbook's rules. */
export function monitoringHandlers(deps: { dataDir: string }): Pick<ApiHandlers, 'runs:monitoring'> {
  return {
    'runs:monitoring': async ({ runId }) => {
      try {
        return await buildRunMonitoring(deps.dataDir, runId);
      } catch (error) {
        throw toApiError(error);
      }
    },
  };
}
