import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../ui/button';
import { FormField } from '../../ui/form-field';
import { TextInput } from '../../ui/input';
import type { SignOff } from './review-draft';

// Pre-ticking an item: who signs (from Settings unless someone else at the desk signs), their
// role and a note. Enter pre-ticks, Escape closes; what is typed lives in the session draft.

export interface SignOffFormProps {
  itemText: string;
  value: SignOff;
  /** The runbook's roles (id → title), offered as suggestions for the role. */
  roles: Record<string, string>;
  saving: boolean;
  /** Why the last save failed, if it did. */
  error?: string;
  editing: boolean;
  onChange(value: SignOff): void;
  onSubmit(): void;
  onCancel(): void;
}

export function SignOffForm({
  itemText,
  value,
  roles,
  saving,
  error,
  editing,
  onChange,
  onSubmit,
  onCancel,
}: SignOffFormProps) {
  const rolesId = useId();
  const byRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const [missingSigner, setMissingSigner] = useState(false);

  // Straight to the first field that needs typing: the note when the signer is already known.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once, when the form opens
  useEffect(() => {
    (value.by.trim() ? noteRef : byRef).current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.by.trim()) {
      setMissingSigner(true);
      byRef.current?.focus();
      return;
    }
    onSubmit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="sign-off" aria-label={`Pre-tick: ${itemText}`} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <div className="sign-off-fields">
        <FormField
          label="Signed by"
          error={
            missingSigner && !value.by.trim()
              ? 'Say who signs this item (set your name in Settings to fill it in).'
              : undefined
          }
        >
          {(control) => (
            <TextInput
              {...control}
              ref={byRef}
              value={value.by}
              autoComplete="name"
              onChange={(event) => onChange({ ...value, by: event.target.value })}
            />
          )}
        </FormField>
        <FormField label="Role">
          {(control) => (
            <TextInput
              {...control}
              value={value.role}
              list={rolesId}
              onChange={(event) => onChange({ ...value, role: event.target.value })}
            />
          )}
        </FormField>
        <FormField label="Note">
          {(control) => (
            <TextInput
              {...control}
              ref={noteRef}
              value={value.note}
              maxLength={2000}
              placeholder="Optional: where it was checked, a ticket…"
              onChange={(event) => onChange({ ...value, note: event.target.value })}
            />
          )}
        </FormField>
        <datalist id={rolesId}>
          {Object.entries(roles).map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </datalist>
      </div>
      <div className="sign-off-actions">
        <Button type="submit" variant="primary" size="sm" busy={saving}>
          {editing ? 'Save pre-tick' : 'Pre-tick'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        {error ? (
          <p className="sign-off-error" role="alert">
            Not saved: {error} What you typed is kept.
          </p>
        ) : null}
      </div>
    </form>
  );
}
