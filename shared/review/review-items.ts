import type { OutlineItem, ReviewOutline, ReviewTick } from '../api/schemas/review';

// What an offline review can pre-tick: every manual item of the runbook's steps and its exit
// criteria. Automatic items are checked by the run itself, and rollback checklists belong to a
// rollback, so neither is ever carried in (the engine refuses such pre-ticks).

/** The outline's items a person may pre-tick, by key. */
export function pretickableItems(outline: ReviewOutline): Map<string, OutlineItem> {
  const items = new Map<string, OutlineItem>();
  const add = (item: OutlineItem) => {
    if (item.check === undefined) items.set(item.key, item);
  };
  for (const step of outline.steps) for (const list of step.checklists) list.items.forEach(add);
  outline.exitCriteria.forEach(add);
  return items;
}

/** Every item of the outline, pre-tickable or not, with the title of the checklist it is in. */
export function allItems(outline: ReviewOutline): OutlineItem[] {
  return [
    ...outline.steps.flatMap((step) => step.checklists.flatMap((list) => list.items)),
    ...outline.exitCriteria,
    ...outline.rollback.flatMap((list) => list.items),
  ];
}

/** Ticks whose item is no longer a pre-tickable item of the runbook (it was renamed, removed or made automatic). */
export function staleTicks(outline: ReviewOutline, ticks: readonly ReviewTick[]): ReviewTick[] {
  const items = pretickableItems(outline);
  return ticks.filter((tick) => !items.has(tick.item));
}
