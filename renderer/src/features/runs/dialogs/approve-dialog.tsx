import { useId, useState } from 'react';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import { approvalRefusal, samePerson } from '../../../../../shared/runs/answer-rules';
import { localStore } from '../../../lib/web-storage';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { useSettings } from '../../settings/settings-store';
import { UserCheck } from '../run-icons';
import { Dialog } from './dialog';
import { offeredSigners, readRecentSigners, rememberSigner } from './recent-signers';
import { useAnswer } from './use-answer';

type ApproveQuestion = Extract<Question, { kind: 'approve' }>;

/**
 * Your name is offered when your role (Settings) is the one asked for; anyone else types theirs.
 * Never on a protected environment when you are the operator: that approval would be refused.
 */
function defaultApprover(question: ApproveQuestion, name: string, role: string): string {
  if (question.protected && question.operator && samePerson(name, question.operator)) return '';
  const mine = role.trim().toLowerCase();
  return mine && (mine === question.role.toLowerCase() || mine === question.roleTitle.toLowerCase()) ? name : '';
}

/** The engine's own four-eyes rule, applied before sending when the question carries it. */
function refusalBeforeSending(question: ApproveQuestion, by: string): string | undefined {
  if (question.protected === undefined || !question.environment || !question.operator) return undefined;
  return approvalRefusal({
    environment: question.environment,
    protected: question.protected,
    operator: question.operator,
    by,
    roleTitle: question.roleTitle,
  });
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
  const listId = useId();
  const recent = offeredSigners(readRecentSigners(localStore), question.protected ? question.operator : undefined);
  const [refusedHere, setRefusedHere] = useRefusedHere(fields.by);
  const submit = () => {
    const by = fields.by?.trim();
    if (!by) {
      setError(`Name the ${question.roleTitle} who approves.`);
      return;
    }
    // Refused here, before anything is sent: the run keeps waiting and nothing is journaled.
    const refusal = refusalBeforeSending(question, by);
    if (refusal) {
      setRefusedHere(refusal);
      return;
    }
    rememberSigner(localStore, by);
    void send({ kind: 'approve', by, note: fields.note?.trim() || undefined });
  };
  const fieldError = refusedHere
    ? `Refused: ${refusedHere}`
    : question.refused
      ? `Refused: ${question.refused}`
      : undefined;
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
        // Refused here before sending, or asked again after the engine refused: why, beside the field.
        error={fieldError}
      >
        {(control) => (
          <TextInput
            {...control}
            value={fields.by}
            autoComplete="off"
            list={recent.length > 0 ? listId : undefined}
            onChange={(e) => set('by', e.target.value)}
          />
        )}
      </FormField>
      {recent.length > 0 ? (
        <datalist id={listId}>
          {recent.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
      {question.missing && question.missing.length > 0 ? (
        <p className="muted">Approvals still missing for this step: {question.missing.join(', ')}.</p>
      ) : null}
      <FormField label="Note" hint="Optional: what was reviewed.">
        {(control) => (
          <TextInput {...control} value={fields.note} maxLength={2000} onChange={(e) => set('note', e.target.value)} />
        )}
      </FormField>
    </Dialog>
  );
}

/** A refusal made here lasts until the name changes. */
function useRefusedHere(by: string | undefined): [string | undefined, (why: string) => void] {
  const [refused, setRefused] = useState<{ by: string | undefined; why: string }>();
  const current = refused && refused.by === by ? refused.why : undefined;
  return [current, (why) => setRefused({ by, why })];
}
