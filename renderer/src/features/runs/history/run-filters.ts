import type { RunSummary } from '../../../../../shared/api/schemas/run';
import type { RunStatus } from '../../../../../shared/runs/run-event';

// The history's filters: an environment and a status picked from those the runs have, and a
// version typed in part ("1.2" finds v1.2.0 and v1.2.1). Empty means "any".

export interface RunFilters {
  environment: string;
  status: '' | RunStatus;
  version: string;
}

export const noFilters: RunFilters = { environment: '', status: '', version: '' };

export function isFiltering(filters: RunFilters): boolean {
  return filters.environment !== '' || filters.status !== '' || filters.version.trim() !== '';
}

export function filterRuns(runs: readonly RunSummary[], filters: RunFilters): RunSummary[] {
  const version = filters.version.trim().toLowerCase();
  return runs.filter(
    (run) =>
      (filters.environment === '' || run.environment === filters.environment) &&
      (filters.status === '' || run.status === filters.status) &&
      (version === '' || run.version.toLowerCase().includes(version)),
  );
}

/** The choices each select offers: only values some run has, sorted, so no choice finds nothing. */
export function filterChoices(runs: readonly RunSummary[]): { environments: string[]; statuses: RunStatus[] } {
  const environments = new Set<string>();
  const statuses = new Set<RunStatus>();
  for (const run of runs) {
    if (run.environment) environments.add(run.environment);
    statuses.add(run.status);
  }
  return { environments: [...environments].sort(), statuses: [...statuses].sort() };
}
