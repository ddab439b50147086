import type { ReviewOutline, ReviewTick } from '../../../../shared/api/schemas/review';
import { gateProgress } from '../../../../shared/review/gate-progress';
import { gateNames } from '../../../../shared/review/gates';
import { preTicksFor } from '../../../../shared/review/pre-ticks';

// Where the review stands per quality gate, at a glance: items, pre-ticked, checked by the run.

export function GateProgressList({ outline, ticks }: { outline: ReviewOutline; ticks: readonly ReviewTick[] }) {
  return (
    <ul className="gate-progress" aria-label="Quality gates">
      {gateProgress(outline, ticks).map((gate) => {
        const done = gate.items > 0 && gate.left === 0;
        return (
          <li key={gate.gate} className={`gate-card${done ? ' is-done' : ''}${gate.items === 0 ? ' is-empty' : ''}`}>
            <span className="gate-card-name">
              Gate {gate.gate}: {gateNames[gate.gate] ?? ''}
            </span>
            <span className="gate-card-figure">
              {gate.items === 0 ? 'No items' : `${gate.preTicked + gate.automatic} of ${gate.items}`}
            </span>
            <span className="gate-card-detail">
              {gate.items === 0
                ? 'This runbook has no checklist for it.'
                : `${gate.preTicked} pre-ticked, ${gate.automatic} automatic, ${gate.left} left for the run`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** What happens to the pre-ticks: the next run of this runbook starts with them, signed as here. */
export function CarryNote({ outline, ticks }: { outline: ReviewOutline; ticks: readonly ReviewTick[] }) {
  const carried = preTicksFor({ ticks }, outline).length;
  return (
    <p className={`review-carry${carried > 0 ? ' has-ticks' : ''}`} data-testid="carry-note">
      {carried > 0
        ? `${carried} pre-ticked item${carried === 1 ? '' : 's'} will be carried into the next run of ${outline.runbook.id}, signed as shown.`
        : `Nothing pre-ticked yet. Items pre-ticked here will be carried into the next run of ${outline.runbook.id}.`}
    </p>
  );
}
