import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/button';
import { FormField } from '../../ui/form-field';
import { Save } from '../../ui/icons';
import { Undo } from './report-icons';

// Lessons learned: typed here (kept in a session draft, so a reload loses nothing), shown in the
// preview as they are typed, and saved into the run's journal only when the person says so.

export const lessonsMax = 20_000;

export interface LessonsEditorProps {
  value: string;
  dirty: boolean;
  /** Why saving is not possible now (the run is still open), or undefined. */
  blocked?: string;
  onChange(text: string): void;
  onDiscard(): void;
  onSave(text: string): Promise<void>;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function LessonsEditor({ value, dirty, blocked, onChange, onDiscard, onSave }: LessonsEditorProps) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const empty = value.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (empty || blocked) return;
    setState({ kind: 'saving' });
    try {
      await onSave(value);
      setState({ kind: 'saved' });
    } catch (error) {
      // The draft stays: nothing typed is lost, and Save can be tried again.
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  };

  let status = '';
  if (state.kind === 'failed') status = `Not saved: ${state.message} Your text is kept; try again.`;
  else if (state.kind === 'saved' && !dirty) status = 'Saved to the run’s journal.';
  else if (dirty) status = 'Unsaved: shown in the preview and in exports, not yet in the journal.';

  return (
    <form className="lessons-form" onSubmit={submit} noValidate>
      <FormField
        label="Lessons learned"
        hint={blocked ?? 'Plain text; lines starting with “- ” become a list. Saved into the journal with your name.'}
      >
        {(control) => (
          <textarea
            {...control}
            className="input lessons-text"
            value={value}
            rows={10}
            maxLength={lessonsMax}
            onChange={(event) => {
              onChange(event.target.value);
              if (state.kind !== 'saving') setState({ kind: 'idle' });
            }}
          />
        )}
      </FormField>
      <div className="lessons-actions">
        <Button
          type="submit"
          variant="primary"
          icon={Save}
          busy={state.kind === 'saving'}
          disabled={!dirty || empty || blocked !== undefined}
        >
          Save lessons
        </Button>
        <Button icon={Undo} onClick={onDiscard} disabled={!dirty || state.kind === 'saving'}>
          Discard changes
        </Button>
        <p className={`lessons-status${state.kind === 'failed' ? ' lessons-status-failed' : ''}`} role="status">
          {status}
        </p>
      </div>
    </form>
  );
}
