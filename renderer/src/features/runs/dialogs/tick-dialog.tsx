import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { useSettings } from '../../settings/settings-store';
import { SquareCheck } from '../run-icons';
import { Dialog } from './dialog';
import { useAnswer } from './use-answer';

type TickQuestion = Extract<Question, { kind: 'tick' }>;

/** Signs off one checklist item: who (you, from Settings, or a colleague at your desk), role, note. */
export function TickDialog({ runId, question, onClose }: { runId: string; question: TickQuestion; onClose(): void }) {
  const settings = useSettings((state) => state.settings);
  const { fields, set, send, error, busy, setError } = useAnswer(
    runId,
    question.id,
    { by: settings?.operatorName ?? '', role: settings?.operatorRole ?? '', note: '' },
    onClose,
  );
  const submit = () => {
    if (!fields.by?.trim()) {
      setError('Name who signs this off.');
      return;
    }
    void send({
      kind: 'tick',
      by: fields.by.trim(),
      role: fields.role?.trim() || undefined,
      note: fields.note?.trim() || undefined,
    });
  };
  return (
    <Dialog
      title="Sign off"
      description={`${question.checklist}${question.gate ? ` · quality gate ${question.gate}` : ''}`}
      onClose={onClose}
      onSubmit={submit}
      status={error ? <span className="dialog-error">{error}</span> : undefined}
      footer={
        <>
          <Button onClick={onClose}>Not yet</Button>
          <Button type="submit" variant="primary" icon={SquareCheck} busy={busy}>
            Sign off
          </Button>
        </>
      }
    >
      <p className="dialog-subject">{question.text}</p>
      {question.checkFailed ? (
        <p className="dialog-warning">Its automatic check failed: {question.checkFailed}</p>
      ) : null}
      <div className="dialog-grid">
        <FormField label="Signed off by">
          {(control) => (
            <TextInput {...control} value={fields.by} autoComplete="name" onChange={(e) => set('by', e.target.value)} />
          )}
        </FormField>
        <FormField label="Role">
          {(control) => <TextInput {...control} value={fields.role} onChange={(e) => set('role', e.target.value)} />}
        </FormField>
      </div>
      <FormField label="Note" hint="Optional: evidence or a link, kept in the journal and the report.">
        {(control) => (
          <TextInput
            {...control}
            data-autofocus
            value={fields.note}
            maxLength={2000}
            onChange={(e) => set('note', e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  );
}
