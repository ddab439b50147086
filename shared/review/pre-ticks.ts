import type { ReviewOutline, ReviewTick } from '../api/schemas/review';
import { pretickableItems } from './review-items';

// The bridge from an offline review to a run: `runs:start` takes `preTicks`, journals each as a
// carried tick, and the report shows them as "carried from the checklist review".

/** One pre-tick as `runs:start` takes it. */
export interface PreTick {
  item: string;
  by: string;
  role?: string;
  note?: string;
  at?: string;
}

/**
 * The review's ticks as `runs:start` preTicks. Given the runbook's outline, ticks of items that
 * are gone or now automatic are left out: the engine would refuse the whole start for one of them.
 */
export function preTicksFor(review: { ticks: readonly ReviewTick[] }, outline?: ReviewOutline): PreTick[] {
  const allowed = outline ? pretickableItems(outline) : undefined;
  return review.ticks
    .filter((tick) => !allowed || allowed.has(tick.item))
    .map((tick) => {
      const role = tick.role?.trim();
      const note = tick.note?.trim();
      return {
        item: tick.item,
        by: tick.by.trim(),
        ...(role ? { role } : {}),
        ...(note ? { note } : {}),
        at: tick.at,
      };
    });
}
