import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../../shared/api/schemas/run';
import { filterChoices, filterRuns, isFiltering, noFilters } from './run-filters';

const run = (id: string, environment: string, version: string, status: RunSummary['status']): RunSummary => ({
  id,
  runbook: 'deploy',
  environment,
  version,
  status,
  eventCount: 1,
});

const runs = [
  run('a', 'staging', 'v1.2.0', 'succeeded'),
  run('b', 'production', 'v1.2.0', 'rolled-back'),
  run('c', 'staging', 'v1.10.1', 'failed'),
  run('d', '', '', 'unreadable'),
];

describe('run history filters', () => {
  it('keeps every run when nothing is chosen', () => {
    expect(filterRuns(runs, noFilters)).toEqual(runs);
    expect(isFiltering(noFilters)).toBe(false);
    expect(isFiltering({ ...noFilters, version: '  ' })).toBe(false);
  });

  it('filters by environment, status and part of a version, together', () => {
    const ids = (filters: Partial<typeof noFilters>) => filterRuns(runs, { ...noFilters, ...filters }).map((r) => r.id);
    expect(ids({ environment: 'staging' })).toEqual(['a', 'c']);
    expect(ids({ status: 'rolled-back' })).toEqual(['b']);
    expect(ids({ version: ' 1.2 ' })).toEqual(['a', 'b']);
    expect(ids({ version: 'V1.10' })).toEqual(['c']);
    expect(ids({ environment: 'staging', version: '1.2' })).toEqual(['a']);
    expect(ids({ environment: 'production', status: 'failed' })).toEqual([]);
  });

  it('offers only the environments and statuses some run has', () => {
    expect(filterChoices(runs)).toEqual({
      environments: ['production', 'staging'],
      statuses: ['failed', 'rolled-back', 'succeeded', 'unreadable'],
    });
  });
});
