import { useState } from 'react';
import type { ReviewOutline, ReviewTick } from '../../../../shared/api/schemas/review';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/button';
import { exportChecklist } from './review-export';
import { Download, Eraser } from './review-icons';

// Export the checklist as markdown, or clear every pre-tick (asked twice: it cannot be undone).

type Notice = { tone: 'success' | 'danger'; text: string } | undefined;

export interface ReviewToolbarProps {
  outline: ReviewOutline;
  ticks: readonly ReviewTick[];
  saving: boolean;
  onNotice(notice: Notice): void;
  /** Resolves undefined when cleared, or why not. */
  onClear(): Promise<string | undefined>;
}

export function ReviewToolbar({ outline, ticks, saving, onNotice, onClear }: ReviewToolbarProps) {
  const [confirming, setConfirming] = useState(false);
  const exportMarkdown = () => {
    try {
      onNotice({ tone: 'success', text: `Downloaded ${exportChecklist(outline, ticks)}.` });
    } catch (error) {
      onNotice({ tone: 'danger', text: `Not exported: ${errorMessage(error)}` });
    }
  };
  const clear = async () => {
    const failed = await onClear();
    setConfirming(false);
    onNotice(
      failed
        ? { tone: 'danger', text: `Not cleared: ${failed}` }
        : { tone: 'success', text: 'Every pre-tick is cleared.' },
    );
  };
  if (confirming) {
    return (
      <div className="review-toolbar">
        <span className="review-confirm-text">
          Clear all {ticks.length} pre-tick{ticks.length === 1 ? '' : 's'}?
        </span>
        <Button variant="danger" size="sm" busy={saving} onClick={() => void clear()}>
          Clear them
        </Button>
        <Button size="sm" onClick={() => setConfirming(false)} autoFocus>
          Keep them
        </Button>
      </div>
    );
  }
  return (
    <div className="review-toolbar">
      <Button icon={Download} onClick={exportMarkdown}>
        Export .md
      </Button>
      <Button icon={Eraser} variant="ghost" disabled={ticks.length === 0} onClick={() => setConfirming(true)}>
        Clear all
      </Button>
    </div>
  );
}
