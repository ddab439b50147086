import type { ReviewOutline, ReviewTick } from '../api/schemas/review';

// How far the review has got per quality gate: items in the gate's checklists, how many are
// pre-ticked, how many the run checks itself, and how many are left to tick during the run.

export interface GateProgress {
  gate: number;
  items: number;
  preTicked: number;
  automatic: number;
  left: number;
}

export function gateProgress(outline: ReviewOutline, ticks: readonly ReviewTick[]): GateProgress[] {
  const ticked = new Set(ticks.map((tick) => tick.item));
  const gates = new Map<number, GateProgress>();
  const entry = (gate: number) => {
    let found = gates.get(gate);
    if (!found) {
      found = { gate, items: 0, preTicked: 0, automatic: 0, left: 0 };
      gates.set(gate, found);
    }
    return found;
  };
  for (const gate of [1, 2, 3, 4]) entry(gate);
  for (const list of outline.steps.flatMap((step) => step.checklists)) {
    if (list.gate === undefined) continue;
    const count = entry(list.gate);
    for (const item of list.items) {
      count.items += 1;
      if (item.check !== undefined) count.automatic += 1;
      else if (ticked.has(item.key)) count.preTicked += 1;
      else count.left += 1;
    }
  }
  return [...gates.values()].sort((a, b) => a.gate - b.gate);
}
