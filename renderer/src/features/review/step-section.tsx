import type { ReactNode } from 'react';
import type { OutlineChecklist, OutlineItem, OutlineStep } from '../../../../shared/api/schemas/review';
import { gateLabel } from '../../../../shared/review/gates';
import { StatusBadge } from '../../ui/status-badge';
import type { ItemKind } from './checklist-item';

// A runbook step as the review shows it: who owns it, which approvals the run will ask for,
// where it applies, and its checklists with their quality gate marked.

export type RenderItem = (item: OutlineItem, kind: ItemKind) => ReactNode;

export function stepAnchor(stepId: string): string {
  return `review-step-${stepId}`;
}

export function ChecklistBlock({
  list,
  renderItem,
  rollback = false,
}: {
  list: OutlineChecklist;
  renderItem: RenderItem;
  rollback?: boolean;
}) {
  return (
    <div className="review-checklist">
      <h3 className="review-checklist-title">
        {list.title}
        {list.gate !== undefined ? (
          <StatusBadge tone="accent" title={`Quality gate ${list.gate} of the workflow`}>
            {gateLabel(list.gate)}
          </StatusBadge>
        ) : null}
      </h3>
      <ul className="review-items">
        {list.items.map((item) =>
          renderItem(item, rollback ? 'rollback' : item.check !== undefined ? 'automatic' : 'manual'),
        )}
      </ul>
    </div>
  );
}

export function StepSection({
  step,
  index,
  roles,
  renderItem,
}: {
  step: OutlineStep;
  index: number;
  roles: Record<string, string>;
  renderItem: RenderItem;
}) {
  const anchor = stepAnchor(step.id);
  const role = (id: string) => roles[id] ?? id;
  return (
    <section className="review-step" aria-labelledby={`${anchor}-title`}>
      <header className="review-step-header">
        <h2 id={`${anchor}-title`} className="review-step-title" tabIndex={-1}>
          <span className="review-step-number">{index + 1}</span>
          {step.title}
        </h2>
        <p className="review-step-meta">
          <span>Owner: {role(step.owner)}</span>
          {step.approvals.length > 0 ? <span>Approvals in the run: {step.approvals.map(role).join(', ')}</span> : null}
          {step.environments ? <span>Applies to: {step.environments.join(', ')}</span> : null}
          <span>
            {step.actionCount} action{step.actionCount === 1 ? '' : 's'}
          </span>
        </p>
      </header>
      {step.description ? <p className="review-step-description">{step.description}</p> : null}
      {step.checklists.length === 0 ? <p className="review-none">No checklist in this step.</p> : null}
      {step.checklists.map((list) => (
        <ChecklistBlock key={list.title} list={list} renderItem={renderItem} />
      ))}
    </section>
  );
}
