import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import type { Fields } from './use-answer';

// Who signs, as what, and a note: the same three fields for one item and for a whole checklist.

export interface Signer {
  by: string;
  role?: string;
  note?: string;
}

/** The signer from the fields, or the sentence that says what is missing. */
export function readSigner(fields: Fields): Signer | string {
  const by = fields.by?.trim();
  if (!by) return 'Name who signs this off.';
  return { by, role: fields.role?.trim() || undefined, note: fields.note?.trim() || undefined };
}

export function SignerFields({
  fields,
  set,
  noteHint = 'Optional: evidence or a link, kept in the journal and the report.',
  disabled = false,
}: {
  fields: Fields;
  set(name: string, value: string): void;
  noteHint?: string;
  disabled?: boolean;
}) {
  return (
    <>
      <div className="dialog-grid">
        <FormField label="Signed off by">
          {(control) => (
            <TextInput
              {...control}
              value={fields.by}
              autoComplete="name"
              disabled={disabled}
              onChange={(e) => set('by', e.target.value)}
            />
          )}
        </FormField>
        <FormField label="Role">
          {(control) => (
            <TextInput
              {...control}
              value={fields.role}
              disabled={disabled}
              onChange={(e) => set('role', e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField label="Note" hint={noteHint}>
        {(control) => (
          <TextInput
            {...control}
            data-autofocus
            value={fields.note}
            maxLength={2000}
            disabled={disabled}
            onChange={(e) => set('note', e.target.value)}
          />
        )}
      </FormField>
    </>
  );
}
