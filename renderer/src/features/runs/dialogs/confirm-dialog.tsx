import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { ShieldAlert } from '../run-icons';
import { Dialog } from './dialog';
import { useAnswer } from './use-answer';

type ConfirmQuestion = Extract<Question, { kind: 'confirm' }>;

/**
 * A protected environment's typed confirmation: its name, exactly, typed by hand (pasting is the
 * habit this guards against, so the button stays off until the text matches).
 */
export function ConfirmDialog({
  runId,
  question,
  onClose,
}: {
  runId: string;
  question: ConfirmQuestion;
  onClose(): void;
}) {
  const { fields, set, send, error, busy, setError } = useAnswer(runId, question.id, { text: '' }, onClose);
  const matches = fields.text === question.environment;
  const submit = () => {
    if (!matches) {
      setError(`Type ${question.environment} exactly to continue.`);
      return;
    }
    void send({ kind: 'confirm', text: fields.text ?? '' });
  };
  return (
    <Dialog
      tone="warning"
      title={`Deploy to ${question.environment}?`}
      description="A protected environment: confirm by typing its name."
      onClose={onClose}
      onSubmit={submit}
      status={error ? <span className="dialog-error">{error}</span> : undefined}
      footer={
        <>
          <Button variant="ghost" onClick={() => void send({ kind: 'decline', reason: 'not confirmed' })}>
            Stop the run
          </Button>
          <Button onClick={onClose}>Not yet</Button>
          <Button type="submit" variant="danger" icon={ShieldAlert} busy={busy} disabled={!matches}>
            Confirm
          </Button>
        </>
      }
    >
      <FormField
        label={`Type “${question.environment}” to confirm`}
        error={question.refused ? `Refused: ${question.refused}` : undefined}
      >
        {(control) => (
          <TextInput
            {...control}
            className="mono"
            value={fields.text}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set('text', e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  );
}
