import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { useSettings } from '../../settings/settings-store';
import { UserCheck } from '../run-icons';
import { Dialog } from './dialog';
import { useAnswer } from './use-answer';

type ApproveQuestion = Extract<Question, { kind: 'approve' }>;

/** Your name is offered when your role (Settings) is the one asked for; anyone else types theirs. */
function defaultApprover(question: ApproveQuestion, name: string, role: string): string {
  const mine = role.trim().toLowerCase();
  return mine && (mine === question.role.toLowerCase() || mine === question.roleTitle.toLowerCase()) ? name : '';
}

export function ApproveDialog({
  runId,
  question,
  stepTitle,
  onClose,
}: {
  runId: string;
  question: ApproveQuestion;
  stepTitle: string;
  onClose(): void;
}) {
  const settings = useSettings((state) => state.settings);
  const { fields, set, send, error, busy, setError } = useAnswer(
    runId,
    question.id,
    { by: defaultApprover(question, settings?.operatorName ?? '', settings?.operatorRole ?? ''), note: '' },
    onClose,
  );
  const submit = () => {
    if (!fields.by?.trim()) {
      setError(`Name the ${question.roleTitle} who approves.`);
      return;
    }
    void send({ kind: 'approve', by: fields.by.trim(), note: fields.note?.trim() || undefined });
  };
  return (
    <Dialog
      title={`Approval by ${question.roleTitle}`}
      description={`The run waits at “${stepTitle}” until a ${question.roleTitle} approves.`}
      onClose={onClose}
      onSubmit={submit}
      status={error ? <span className="dialog-error">{error}</span> : undefined}
      footer={
        <>
          <Button onClick={onClose}>Not yet</Button>
          <Button type="submit" variant="primary" icon={UserCheck} busy={busy}>
            Approve
          </Button>
        </>
      }
    >
      <FormField
        label={`Approver (${question.roleTitle})`}
        hint="The person who approves, as colleagues know them."
        // Asked again after the engine refused an answer: why, beside the field it is about.
        error={question.refused ? `Refused: ${question.refused}` : undefined}
      >
        {(control) => (
          <TextInput {...control} value={fields.by} autoComplete="off" onChange={(e) => set('by', e.target.value)} />
        )}
      </FormField>
      <FormField label="Note" hint="Optional: what was reviewed.">
        {(control) => (
          <TextInput {...control} value={fields.note} maxLength={2000} onChange={(e) => set('note', e.target.value)} />
        )}
      </FormField>
    </Dialog>
  );
}
