import type { PreTick } from '../../../../../shared/review/pre-ticks';
import { preTicksFor } from '../../../../../shared/review/pre-ticks';
import { api } from '../../../api/client';

// Items pre-ticked in the offline checklist review go into the next run of that runbook (journaled
// as carried ticks, shown in the report), then the review is cleared: they were for that run only.

export async function reviewTicksFor(projectId: string, runbook: string): Promise<PreTick[]> {
  try {
    const ref = { projectId, runbook };
    const [outline, review] = await Promise.all([api.reviews.outline(ref), api.reviews.get(ref)]);
    return preTicksFor(review, outline);
  } catch {
    // No review (or it cannot be read): the run asks for every item itself.
    return [];
  }
}

export async function clearReview(projectId: string, runbook: string): Promise<void> {
  await api.reviews.save({ projectId, runbook, ticks: [] }).catch(() => undefined);
}
