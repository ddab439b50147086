import { type FormEvent, useState } from 'react';
import type { Settings } from '../../../../shared/api/schemas/settings';
import { errorMessage } from '../../lib/error-message';
import { useSessionDraft } from '../../lib/use-session-draft';
import { Button } from '../../ui/button';
import { FormField } from '../../ui/form-field';
import { Save } from '../../ui/icons';
import { TextInput } from '../../ui/input';
import { Panel } from '../../ui/panel';
import { DataDirField } from './data-dir-field';
import { type SaveState, SaveStatus } from './save-status';
import {
  type DraftErrors,
  draftFrom,
  hasChanges,
  isSettingsDraft,
  maxTextLength,
  patchFrom,
  type SettingsDraft,
  validateDraft,
} from './settings-draft';
import { useSettings } from './settings-store';
import { ThemePicker } from './theme-picker';

// Roles named in the deployment workflow; free text is allowed, these are suggestions.
const roleSuggestions = ['Release Manager', 'DevOps Engineer', 'Tech Lead', 'QA Engineer', 'Project Manager'];

export function SettingsForm({ saved }: { saved: Settings }) {
  const save = useSettings((state) => state.save);
  const { draft, update, discard } = useSessionDraft('settings', isSettingsDraft);
  const values = draft ?? draftFrom(saved);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = hasChanges(values, saved);

  const change = <K extends keyof SettingsDraft>(field: K, value: SettingsDraft[K]) => {
    update({ ...values, [field]: value });
    setErrors((current) => ({ ...current, [field]: undefined }));
    if (state.kind !== 'saving') setState({ kind: 'idle' });
  };

  // The theme is seen, not typed: it is saved (and so applied, here and in every window) the
  // moment it is picked, leaving any other unsaved field as it is. A failure keeps it in the
  // draft, so Save retries it.
  const chooseTheme = async (theme: SettingsDraft['theme']) => {
    change('theme', theme);
    try {
      await save({ theme });
    } catch (error) {
      setState({ kind: 'failed', message: `The theme was not saved: ${errorMessage(error)}` });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    setState({ kind: 'saving' });
    try {
      await save(patchFrom(values, saved));
      discard();
      setState({ kind: 'saved' });
    } catch (error) {
      // The draft stays in sessionStorage: nothing typed is lost, and Save can simply be retried.
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <Panel title="Operator" description="Recorded with every sign-off and action you take in a run.">
        <div className="settings-grid">
          <FormField
            label="Operator name"
            hint="As colleagues know you, e.g. Ada Lovelace."
            error={errors.operatorName}
          >
            {(control) => (
              <TextInput
                {...control}
                value={values.operatorName}
                maxLength={maxTextLength + 20}
                autoComplete="name"
                onChange={(event) => change('operatorName', event.target.value)}
              />
            )}
          </FormField>
          <FormField
            label="Operator role"
            hint="The role you sign off as; runbooks ask for approvals by role."
            error={errors.operatorRole}
          >
            {(control) => (
              <TextInput
                {...control}
                value={values.operatorRole}
                list="operator-roles"
                maxLength={maxTextLength + 20}
                autoComplete="organization-title"
                onChange={(event) => change('operatorRole', event.target.value)}
              />
            )}
          </FormField>
          <datalist id="operator-roles">
            {roleSuggestions.map((role) => (
              <option key={role} value={role} />
            ))}
          </datalist>
        </div>
      </Panel>
      <Panel title="Appearance">
        <ThemePicker value={values.theme} onChange={(theme) => void chooseTheme(theme)} />
      </Panel>
      <Panel title="Storage">
        <DataDirField />
      </Panel>
      <div className="settings-actions">
        <Button type="submit" variant="primary" icon={Save} busy={state.kind === 'saving'}>
          Save settings
        </Button>
        {dirty ? (
          <Button variant="ghost" onClick={discard} disabled={state.kind === 'saving'}>
            Discard changes
          </Button>
        ) : null}
        <SaveStatus state={state} dirty={dirty} />
      </div>
    </form>
  );
}
