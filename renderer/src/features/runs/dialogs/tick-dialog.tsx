import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { useSettings } from '../../settings/settings-store';
import { SquareCheck } from '../run-icons';
import { Dialog } from './dialog';
import { readSigner, SignerFields } from './signer-fields';
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
    const signer = readSigner(fields);
    if (typeof signer === 'string') {
      setError(signer);
      return;
    }
    void send({ kind: 'tick', ...signer });
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
      <SignerFields fields={fields} set={set} />
    </Dialog>
  );
}
