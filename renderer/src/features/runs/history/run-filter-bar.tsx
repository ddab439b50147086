import type { RunSummary } from '../../../../../shared/api/schemas/run';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { Select, TextInput } from '../../../ui/input';
import { runStatusPresentation } from '../run-status';
import { filterChoices, isFiltering, noFilters, type RunFilters } from './run-filters';

/** Environment, status and version over the run history; "Clear filters" shows only while one is set. */
export function RunFilterBar({
  runs,
  filters,
  onChange,
}: {
  runs: readonly RunSummary[];
  filters: RunFilters;
  onChange: (filters: RunFilters) => void;
}) {
  const { environments, statuses } = filterChoices(runs);
  return (
    <search className="run-filters" aria-label="Filter runs">
      <FormField label="Environment">
        {(control) => (
          <Select
            {...control}
            value={filters.environment}
            onChange={(event) => onChange({ ...filters, environment: event.target.value })}
          >
            <option value="">Any environment</option>
            {environments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Status">
        {(control) => (
          <Select
            {...control}
            value={filters.status}
            onChange={(event) => onChange({ ...filters, status: event.target.value as RunFilters['status'] })}
          >
            <option value="">Any status</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {runStatusPresentation(status).label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Version">
        {(control) => (
          <TextInput
            {...control}
            type="search"
            placeholder="e.g. 1.2"
            spellCheck={false}
            value={filters.version}
            onChange={(event) => onChange({ ...filters, version: event.target.value })}
          />
        )}
      </FormField>
      {isFiltering(filters) ? (
        <Button className="run-filters-clear" onClick={() => onChange(noFilters)}>
          Clear filters
        </Button>
      ) : null}
    </search>
  );
}
