import type { RunSummary } from '../../../../shared/api/schemas/run';
import { FormField } from '../../ui/form-field';
import { Select } from '../../ui/input';
import { runStatusPresentation } from '../runs/run-status';

function optionLabel(run: RunSummary): string {
  const what = run.startedAt ? `${run.environment} ${run.version}` : run.id;
  return `${what} — ${runStatusPresentation(run.status, run.interrupted).label} (${run.id})`;
}

/** Which run's output the screen shows; runs still in progress come first. */
export function RunPicker({
  runs,
  value,
  onChange,
}: {
  runs: readonly RunSummary[];
  value: string | undefined;
  onChange: (runId: string) => void;
}) {
  const open = runs.filter((run) => run.status === 'open');
  const ended = runs.filter((run) => run.status !== 'open');
  // A run opened by address that the list does not (yet) hold must still show as chosen.
  const unknown = value !== undefined && !runs.some((run) => run.id === value);
  return (
    <FormField label="Run">
      {(control) => (
        <Select {...control} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
          {value === undefined ? (
            <option value="" disabled>
              Choose a run…
            </option>
          ) : null}
          {unknown ? <option value={value}>{value}</option> : null}
          {open.length ? (
            <optgroup label="In progress">
              {open.map((run) => (
                <option key={run.id} value={run.id}>
                  {optionLabel(run)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {ended.length ? (
            <optgroup label="Ended">
              {ended.map((run) => (
                <option key={run.id} value={run.id}>
                  {optionLabel(run)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      )}
    </FormField>
  );
}

export function CapacityPicker({
  value,
  choices,
  onChange,
}: {
  value: number;
  choices: readonly number[];
  onChange: (capacity: number) => void;
}) {
  return (
    <FormField label="Keep per source">
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(Number(event.target.value))}>
          {choices.map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString()} lines
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
