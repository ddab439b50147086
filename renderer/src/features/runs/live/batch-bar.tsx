import { Button } from '../../../ui/button';
import { ListChecks } from '../run-icons';
import type { SignOffBatch } from './sign-off-batch';
import './batch-sign-off.css';

/** A checklist the run is asking about, with 2+ items left: all of them in one dialog. */
export function BatchBar({ batch, onBatch }: { batch: SignOffBatch; onBatch(batch: SignOffBatch): void }) {
  return (
    <div className="batch-bar">
      <ListChecks size={16} aria-hidden className="batch-bar-icon" />
      <span className="batch-bar-text">
        <strong>{batch.checklist}</strong>: {batch.items.length} items wait for a sign-off.
      </span>
      <Button
        size="sm"
        variant="primary"
        onClick={() => onBatch(batch)}
        aria-label={`Sign off all (${batch.items.length}): ${batch.checklist}`}
      >
        Sign off all ({batch.items.length})…
      </Button>
    </div>
  );
}
