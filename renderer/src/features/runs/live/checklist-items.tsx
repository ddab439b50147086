import type { Question } from '../../../../../shared/api/schemas/run-control';
import type { ItemView } from '../../../../../shared/runs/run-state';
import { formatDateTime } from '../../../lib/format-time';
import { Button } from '../../../ui/button';
import { CircleX, Square, SquareCheck } from '../run-icons';
import { BatchBar } from './batch-bar';
import { tickFor } from './questions';
import { type SignOffBatch, signOffBatches } from './sign-off-batch';

// Checklist items with who signed them off, when, as what, and their note; automatic checks with
// what they found. The item the run waits for now has its "Sign off" button.

function ItemStatus({ item }: { item: ItemView }) {
  if (item.tick) {
    const who = item.tick.auto ? 'Checked automatically' : `Signed off by ${item.tick.by}`;
    return (
      <span className="item-status">
        {who}
        {item.tick.role ? ` (${item.tick.role})` : ''}
        {item.tick.carried ? ' in the offline review' : ''} · {formatDateTime(item.tick.at)}
        {item.tick.note ? <span className="item-note"> — {item.tick.note}</span> : null}
      </span>
    );
  }
  if (item.check && !item.check.ok)
    return <span className="item-status item-status-failed">Check failed: {item.check.message}</span>;
  return (
    <span className="item-status">
      {item.automatic ? 'Checked automatically when the step gets there' : 'Not signed off'}
    </span>
  );
}

export function ChecklistItems({
  items,
  questions,
  label,
  onAnswer,
  onBatch,
}: {
  items: readonly ItemView[];
  questions: readonly Question[];
  label: string;
  onAnswer(question: Question): void;
  /** Offered per checklist when given (the run is live here). */
  onBatch?(batch: SignOffBatch): void;
}) {
  if (items.length === 0) return null;
  const batches = onBatch ? signOffBatches(items, questions) : [];
  return (
    <>
      {batches.map((batch) => (
        <BatchBar key={batch.checklist} batch={batch} onBatch={onBatch!} />
      ))}
      <ul className="items" aria-label={label}>
        {items.map((item) => {
          const question = tickFor(questions, item.key);
          const failed = !item.tick && item.check && !item.check.ok;
          const Icon = item.tick ? SquareCheck : failed ? CircleX : Square;
          return (
            <li key={item.key} className={`item${item.tick ? ' item-done' : ''}${question ? ' item-asked' : ''}`}>
              <Icon size={16} aria-hidden className="item-icon" />
              <div className="item-text">
                <span className="item-label">
                  {item.text}
                  {item.gate ? <span className="item-gate">Gate {item.gate}</span> : null}
                </span>
                <ItemStatus item={item} />
              </div>
              {question ? (
                <Button
                  size="sm"
                  variant="primary"
                  onClick={() => onAnswer(question)}
                  aria-label={`Sign off: ${item.text}`}
                >
                  Sign off…
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
