import type { Question } from '../../../../../shared/api/schemas/run-control';
import { formatDateTime } from '../../../lib/format-time';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { PropertyList } from '../../../ui/property-list';
import { Dialog } from './dialog';
import { useAnswer } from './use-answer';

type BreakLockQuestion = Extract<Question, { kind: 'break-lock' }>;

/** The environment is locked by another run: break the lock (journaled, with a reason) or stop. */
export function BreakLockDialog({
  runId,
  question,
  onClose,
}: {
  runId: string;
  question: BreakLockQuestion;
  onClose(): void;
}) {
  const { fields, set, send, error, busy, setError } = useAnswer(runId, question.id, { reason: '' }, onClose);
  const submit = () => {
    if (!fields.reason?.trim()) {
      setError('Say why the lock may be broken: the holder will read it in the journal.');
      return;
    }
    void send({ kind: 'break-lock', reason: fields.reason.trim() });
  };
  return (
    <Dialog
      tone="warning"
      title="The environment is locked"
      description={
        question.stale ? 'The lock looks stale: its holder has not renewed it.' : 'Another run holds it now.'
      }
      onClose={onClose}
      onSubmit={submit}
      status={error ? <span className="dialog-error">{error}</span> : undefined}
      footer={
        <>
          <Button onClick={() => void send({ kind: 'decline', reason: 'lock held by another run' })}>
            Stop the run
          </Button>
          <Button type="submit" variant="danger" busy={busy}>
            Break the lock
          </Button>
        </>
      }
    >
      <PropertyList
        items={[
          { label: 'Held by', value: question.holder },
          { label: 'Run', value: question.lockRunId, mono: true },
          { label: 'Since', value: formatDateTime(question.at) },
          { label: 'Where', value: question.where, mono: true },
        ]}
      />
      <FormField label="Reason to break it">
        {(control) => (
          <TextInput
            {...control}
            value={fields.reason}
            maxLength={2000}
            onChange={(e) => set('reason', e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  );
}
