import { useId } from 'react';
import { FormField } from '../../ui/form-field';
import { TextInput } from '../../ui/input';
import type { DemoOperator } from './use-demo-operator';

// Roles named in the deployment workflow, as Settings suggests them; free text is allowed.
const roleSuggestions = ['Release Manager', 'DevOps Engineer', 'Tech Lead', 'QA Engineer', 'Project Manager'];

/**
 * "Your name" and "Your role" on the demo card, for a newcomer whose Settings hold no name yet.
 * They sit inside the card's form, so Enter in either submits "Try the demo project".
 */
export function DemoOperatorFields({ operator }: { operator: DemoOperator }) {
  const { values, errors, failure, nameInput, change } = operator;
  const id = useId();
  const hintId = `${id}-hint`;
  const rolesId = `${id}-roles`;
  return (
    <fieldset className="demo-operator">
      <legend className="visually-hidden">Who signs the demo's checklists</legend>
      <div className="demo-operator-row">
        <FormField label="Your name" error={errors.name}>
          {(control) => (
            <TextInput
              {...control}
              aria-describedby={[control['aria-describedby'], hintId].filter(Boolean).join(' ')}
              ref={nameInput}
              value={values.name}
              placeholder="e.g. Ada Lovelace"
              autoComplete="name"
              aria-required
              onChange={(event) => change('name', event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Your role" error={errors.role}>
          {(control) => (
            <TextInput
              {...control}
              value={values.role}
              list={rolesId}
              autoComplete="organization-title"
              onChange={(event) => change('role', event.target.value)}
            />
          )}
        </FormField>
        <datalist id={rolesId}>
          {roleSuggestions.map((role) => (
            <option key={role} value={role} />
          ))}
        </datalist>
      </div>
      {failure ? (
        <p className="field-error" role="alert">
          Your name was not saved: {failure} What you typed is kept; try again.
        </p>
      ) : null}
      <p id={hintId} className="demo-operator-hint">
        Your name is required: it is recorded on every sign-off you make. Change it later in Settings.
      </p>
    </fieldset>
  );
}
