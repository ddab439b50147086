import type { Question } from '../../../../../shared/api/schemas/run-control';
import type { ShownStep } from '../../../../../shared/runs/shown-run';
import { formatDateTime } from '../../../lib/format-time';
import { Banner } from '../../../ui/banner';
import { Panel } from '../../../ui/panel';
import { StatusBadge } from '../../../ui/status-badge';
import { ActionRow } from './action-row';
import { ApprovalsList } from './approvals-list';
import { ChecklistItems } from './checklist-items';
import { failureFor } from './questions';
import type { RunExtras } from './run-extras';
import type { SignOffBatch } from './sign-off-batch';
import { shownPresentation, shownState } from './step-state';

// One step in full, in the order it runs: the approvals it needs, the items to tick before its
// actions, the actions with their output, then the items that close it.

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="step-section">
      <h3 className="step-section-title">{title}</h3>
      {children}
    </section>
  );
}

export function StepDetail({
  runId,
  step,
  roles,
  extras,
  questions,
  onAnswer,
  onBatch,
  still,
  ended = false,
}: {
  runId: string;
  step: ShownStep;
  roles: Record<string, string>;
  extras: RunExtras;
  questions: readonly Question[];
  onAnswer(question: Question): void;
  /** Offered while the run is live here. */
  onBatch?(batch: SignOffBatch): void;
  /** Why the run's output will not grow (ended, interrupted); undefined while it is driven. */
  still?: string;
  /** The run has ended: nothing in it still reads as pending or waiting. */
  ended?: boolean;
}) {
  const { label, tone } = shownPresentation(shownState(step.state, ended));
  const before = step.items.filter((item) => item.before);
  const after = step.items.filter((item) => !item.before);
  const times = [
    step.startedAt ? `started ${formatDateTime(step.startedAt)}` : '',
    step.endedAt ? `ended ${formatDateTime(step.endedAt)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Panel
      className="step-detail"
      title={step.title}
      description={`Owner: ${roles[step.owner] ?? step.owner}${times ? ` · ${times}` : ''}`}
      actions={
        <StatusBadge tone={tone} dot>
          {label}
        </StatusBadge>
      }
    >
      <div className="step-body">
        {step.skipReason ? (
          <Banner tone="info" title="Skipped">
            {step.skipReason}
          </Banner>
        ) : null}
        {step.error ? (
          <Banner tone="danger" title="The step failed">
            <code>{step.error.code}</code> {step.error.message}
          </Banner>
        ) : null}
        {step.approvals.length ? (
          <Section title="Approvals">
            <ApprovalsList step={step} roles={roles} questions={questions} onAnswer={onAnswer} />
          </Section>
        ) : null}
        {before.length ? (
          <Section title="Before the actions">
            <ChecklistItems
              items={before}
              questions={questions}
              label="Checklist before the actions"
              onAnswer={onAnswer}
              onBatch={onBatch}
            />
          </Section>
        ) : null}
        {step.actions.length ? (
          <Section title="Actions">
            <ol className="actions" aria-label="Actions">
              {step.actions.map((action) => (
                <ActionRow
                  key={action.key}
                  runId={runId}
                  action={action}
                  stages={action.type === 'deploy' ? extras.strategy?.stages : undefined}
                  failure={failureFor(questions, action.key)}
                  still={still}
                  ended={ended}
                  onDecide={onAnswer}
                />
              ))}
            </ol>
          </Section>
        ) : null}
        {after.length ? (
          <Section title="Checklist">
            <ChecklistItems
              items={after}
              questions={questions}
              label="Checklist"
              onAnswer={onAnswer}
              onBatch={onBatch}
            />
          </Section>
        ) : null}
        {!before.length && !step.actions.length && !after.length && !step.approvals.length ? (
          <p className="muted">This step has no actions, checklist or approvals.</p>
        ) : null}
      </div>
    </Panel>
  );
}
