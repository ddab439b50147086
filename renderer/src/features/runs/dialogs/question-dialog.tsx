import type { Question } from '../../../../../shared/api/schemas/run-control';
import { ApproveDialog } from './approve-dialog';
import { BreakLockDialog } from './break-lock-dialog';
import { ConfirmDialog } from './confirm-dialog';
import { FailureDialog } from './failure-dialog';
import { ManualDialog } from './manual-dialog';
import { TickDialog } from './tick-dialog';

/** The dialog that answers one question, by its kind. */
export function QuestionDialog({
  runId,
  question,
  stepTitle,
  onClose,
}: {
  runId: string;
  question: Question;
  stepTitle(stepId: string): string;
  onClose(): void;
}) {
  switch (question.kind) {
    case 'tick':
      return <TickDialog runId={runId} question={question} onClose={onClose} />;
    case 'approve':
      return <ApproveDialog runId={runId} question={question} stepTitle={stepTitle(question.step)} onClose={onClose} />;
    case 'failure':
      return <FailureDialog runId={runId} question={question} onClose={onClose} />;
    case 'confirm':
      return <ConfirmDialog runId={runId} question={question} onClose={onClose} />;
    case 'manual':
      return <ManualDialog runId={runId} question={question} onClose={onClose} />;
    case 'break-lock':
      return <BreakLockDialog runId={runId} question={question} onClose={onClose} />;
  }
}
