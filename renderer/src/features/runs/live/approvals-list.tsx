import type { Question } from '../../../../../shared/api/schemas/run-control';
import type { ShownStep } from '../../../../../shared/runs/shown-run';
import { formatDateTime } from '../../../lib/format-time';
import { Button } from '../../../ui/button';
import { CircleDashed, UserCheck } from '../run-icons';
import { approvalFor } from './questions';

/** The approvals a step needs, by role: who approved and when, or an "Approve" button once asked. */
export function ApprovalsList({
  step,
  roles,
  questions,
  onAnswer,
}: {
  step: ShownStep;
  roles: Record<string, string>;
  questions: readonly Question[];
  onAnswer(question: Question): void;
}) {
  if (step.approvals.length === 0) return null;
  return (
    <ul className="items" aria-label="Approvals">
      {step.approvals.map((approval, index) => {
        const roleTitle = roles[approval.role] ?? approval.role;
        const question = approval.by ? undefined : approvalFor(questions, step.id, approval.role);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a role may be asked twice; order is fixed
          <li key={`${approval.role}-${index}`} className={`item${approval.by ? ' item-done' : ''}`}>
            {approval.by ? (
              <UserCheck size={16} aria-hidden className="item-icon" />
            ) : (
              <CircleDashed size={16} aria-hidden className="item-icon" />
            )}
            <div className="item-text">
              <span className="item-label">Approval by {roleTitle}</span>
              <span className="item-status">
                {approval.by ? (
                  <>
                    Approved by {approval.by} · {formatDateTime(approval.at)}
                    {approval.note ? <span className="item-note"> — {approval.note}</span> : null}
                  </>
                ) : question ? (
                  'The run waits for this approval now'
                ) : (
                  'Asked once the step gets there'
                )}
              </span>
              {approval.refused && !approval.by ? (
                // The engine refused the last answer and asks again: say why, where it is asked.
                <span className="item-status item-status-failed" role="status">
                  Refused ({approval.refused.by.trim()}): {approval.refused.reason}
                </span>
              ) : null}
            </div>
            {question ? (
              <Button size="sm" variant="primary" onClick={() => onAnswer(question)}>
                Approve…
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
