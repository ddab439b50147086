import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { Hand } from '../run-icons';
import { Dialog } from './dialog';
import { useAnswer } from './use-answer';

type ManualQuestion = Extract<Question, { kind: 'manual' }>;

/** A manual action: the instructions, done by a person, then "continue" with an optional note. */
export function ManualDialog({
  runId,
  question,
  onClose,
}: {
  runId: string;
  question: ManualQuestion;
  onClose(): void;
}) {
  const { fields, set, send, error, busy } = useAnswer(runId, question.id, { note: '' }, onClose);
  return (
    <Dialog
      title="Manual step"
      description={<code>{question.action}</code>}
      onClose={onClose}
      onSubmit={() => void send({ kind: 'manual', note: fields.note?.trim() || undefined })}
      status={error ? <span className="dialog-error">{error}</span> : undefined}
      footer={
        <>
          <Button onClick={onClose}>Not yet</Button>
          <Button type="submit" variant="primary" icon={Hand} busy={busy}>
            Done, continue
          </Button>
        </>
      }
    >
      <p className="dialog-instructions">{question.instructions}</p>
      <FormField label="Note" hint="Optional: what you saw or did.">
        {(control) => (
          <TextInput {...control} value={fields.note} maxLength={2000} onChange={(e) => set('note', e.target.value)} />
        )}
      </FormField>
    </Dialog>
  );
}
