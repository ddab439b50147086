import type { Question } from '../../../../../shared/api/schemas/run-control';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { TextInput } from '../../../ui/input';
import { OctagonX, RotateCcw, SkipForward } from '../run-icons';
import { Dialog } from './dialog';
import { useAnswer } from './use-answer';

type FailureQuestion = Extract<Question, { kind: 'failure' }>;
type Decision = 'retry' | 'skip' | 'rollback' | 'abort';

// Guided failure: an action (or an automatic check) failed and the run waits for a decision. The
// error and the last lines of output are right here, so the choice is made on what happened.

const choices: Array<{ value: Decision; label: string; detail: string; submit: string }> = [
  { value: 'retry', label: 'Retry', detail: 'Run it again from the start (attempt N+1).', submit: 'Retry' },
  {
    value: 'skip',
    label: 'Skip',
    detail: 'Go on without it. A reason is required; the report shows it.',
    submit: 'Skip it',
  },
  {
    value: 'rollback',
    label: 'Roll back',
    detail: 'Stop here and run the rollback procedure to the version live before.',
    submit: 'Roll back',
  },
  { value: 'abort', label: 'Abort', detail: 'Stop the run here, as it is. Nothing more runs.', submit: 'Abort run' },
];

const icons = { retry: RotateCcw, skip: SkipForward, rollback: RotateCcw, abort: OctagonX };

export function FailureDialog({
  runId,
  question,
  onClose,
}: {
  runId: string;
  question: FailureQuestion;
  onClose(): void;
}) {
  const { fields, set, send, error, busy, setError } = useAnswer(
    runId,
    question.id,
    { decision: 'retry', reason: '' },
    onClose,
  );
  const decision = (fields.decision as Decision) ?? 'retry';
  const choice = choices.find((c) => c.value === decision) ?? choices[0]!;
  const submit = () => {
    const reason = fields.reason?.trim() ?? '';
    if (decision === 'skip' && !reason) {
      setError('Skipping needs a reason: say why the run may go on without it.');
      return;
    }
    void send({ kind: 'failure', decision, reason: reason || undefined });
  };
  return (
    <Dialog
      size="lg"
      tone="danger"
      title={`Failed: ${question.title}`}
      description={
        <>
          <code>{question.action}</code> · attempt {question.attempt} · the run waits for your decision
        </>
      }
      onClose={onClose}
      onSubmit={submit}
      status={
        error ? <span className="dialog-error">{error}</span> : 'Only the first decision counts, from any window.'
      }
      footer={
        <>
          <Button onClick={onClose}>Decide later</Button>
          <Button
            type="submit"
            variant={decision === 'retry' ? 'primary' : 'danger'}
            icon={icons[decision]}
            busy={busy}
          >
            {choice.submit}
          </Button>
        </>
      }
    >
      <div className="failure-error" role="alert">
        <span className="failure-code">{question.error.code}</span>
        <p>{question.error.message}</p>
      </div>
      {question.tail.length ? (
        <figure className="failure-tail">
          <figcaption>
            {question.tail.length === 1
              ? 'Its last line of output'
              : `Its last ${question.tail.length} lines of output`}
          </figcaption>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must be reachable by keyboard to be read */}
          <pre tabIndex={0}>{question.tail.join('\n')}</pre>
        </figure>
      ) : (
        <p className="muted">It wrote no output.</p>
      )}
      <fieldset className="failure-choices">
        <legend>What now?</legend>
        {choices.map((c) => (
          <label key={c.value} className={`failure-choice${decision === c.value ? ' failure-choice-on' : ''}`}>
            <input
              type="radio"
              name="decision"
              value={c.value}
              checked={decision === c.value}
              data-autofocus={decision === c.value ? true : undefined}
              onChange={() => set('decision', c.value)}
            />
            <span className="failure-choice-text">
              <span className="failure-choice-label">{c.label}</span>
              <span className="failure-choice-detail">{c.detail.replace('N+1', String(question.attempt + 1))}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <FormField
        label={decision === 'skip' ? 'Reason (required)' : 'Reason (optional)'}
        hint="Journaled with your name; the report quotes it."
      >
        {(control) => (
          <TextInput
            {...control}
            value={fields.reason}
            maxLength={2000}
            aria-required={decision === 'skip'}
            onChange={(e) => set('reason', e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  );
}
