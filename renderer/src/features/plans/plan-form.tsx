import type { FormEvent } from 'react';
import type { EnvironmentSummary, RunbookSummary } from '../../../../shared/api/schemas/project';
import { strategies } from '../../../../shared/formats/runbook-schema';
import { Button } from '../../ui/button';
import { FormField } from '../../ui/form-field';
import { Select, TextInput } from '../../ui/input';
import type { PlanDraft, PlanDraftErrors } from './plan-draft';
import { ClipboardList } from './plan-icons';
import type { VersionSuggestion } from './version-suggestions';

// What to plan: environment, version, runbook and strategy. Enter in the version field submits,
// as in every form of the app; the choices are the project's own environments and runbooks.

export interface PlanFormProps {
  draft: PlanDraft;
  errors: PlanDraftErrors;
  environments: readonly EnvironmentSummary[];
  runbooks: readonly RunbookSummary[];
  /** Tags and recent commits to pick from, when the host offers them; the field stays free text. */
  versions?: readonly VersionSuggestion[];
  busy: boolean;
  onChange(draft: PlanDraft): void;
  onSubmit(): void;
}

export function PlanForm({ draft, errors, environments, runbooks, versions, busy, onChange, onSubmit }: PlanFormProps) {
  const set = <K extends keyof PlanDraft>(field: K, value: PlanDraft[K]) => onChange({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="plan-form" onSubmit={submit} noValidate aria-label="What to plan">
      <FormField label="Environment" error={errors.environment}>
        {(control) => (
          <Select {...control} value={draft.environment} onChange={(event) => set('environment', event.target.value)}>
            {environments.map((env) => (
              <option key={env.name} value={env.name}>
                {env.protected ? `${env.name} (protected)` : env.name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Version" error={errors.version}>
        {(control) => (
          <>
            <TextInput
              {...control}
              value={draft.version}
              placeholder="v1.4.0"
              spellCheck={false}
              autoComplete="off"
              list={versions?.length ? 'plan-versions' : undefined}
              onChange={(event) => set('version', event.target.value)}
            />
            {versions?.length ? (
              <datalist id="plan-versions">
                {versions.map((version) => (
                  <option key={version.value} value={version.value} label={version.label} />
                ))}
              </datalist>
            ) : null}
          </>
        )}
      </FormField>
      <FormField label="Runbook">
        {(control) => (
          <Select {...control} value={draft.runbook} onChange={(event) => set('runbook', event.target.value)}>
            {runbooks.length === 0 ? <option value="">Built-in runbook</option> : null}
            {runbooks.map((runbook) => (
              <option key={runbook.id} value={runbook.id}>
                {runbook.problems.some((problem) => problem.severity === 'error')
                  ? `${runbook.title} (has errors)`
                  : runbook.title}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Strategy">
        {(control) => (
          <Select {...control} value={draft.strategy} onChange={(event) => set('strategy', event.target.value)}>
            <option value="">Runbook default</option>
            {strategies.map((strategy) => (
              <option key={strategy} value={strategy}>
                {strategy}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <div className="plan-form-submit">
        <Button type="submit" variant="primary" icon={ClipboardList} busy={busy}>
          Make plan
        </Button>
      </div>
    </form>
  );
}
