import type { DemoProgressPush, DemoResetResult } from '../../../../shared/api/schemas/demo';
import { countLabel } from '../../lib/format-problem';

// What setting up (or resetting) the demo goes through, in the order the host reports it, so the
// card can show the whole way with the stage it is at: a newcomer sees it is working, and on what.

export type DemoStage = DemoProgressPush['stage'];
export type StageState = 'done' | 'current' | 'pending';

export interface StageRow {
  stage: DemoStage;
  label: string;
  state: StageState;
}

const openStages: ReadonlyArray<{ stage: DemoStage; label: string }> = [
  { stage: 'check', label: 'Check Docker and nginx' },
  { stage: 'repository', label: 'Create the git repository (v1.0.0, v1.1.0, v1.2.0)' },
  { stage: 'images', label: 'Build the three images' },
  { stage: 'proxy', label: 'Start the demo’s proxy' },
  { stage: 'open', label: 'Open the project' },
];

/**
 * The set-up's stages with where it is now: those before the reported one are done, `done` marks
 * them all done. A stage the host skipped (the repository already exists) simply shows as done.
 */
export function stageRows(current: DemoStage | undefined): StageRow[] {
  // Nothing reported yet: the first stage is the one under way.
  const found = current === undefined ? 0 : openStages.findIndex((s) => s.stage === current);
  const at = current === 'done' ? openStages.length : Math.max(found, 0);
  return openStages.map((s, index) => ({
    ...s,
    state: index < at ? 'done' : index === at ? 'current' : 'pending',
  }));
}

/** What a reset removed, in one sentence. */
export function resetSummary(removed: DemoResetResult['removed']): string {
  if (removed.containers === 0 && removed.runs === 0)
    return 'The demo is back to its first state; there were no containers or runs to remove.';
  return `The demo is back to its first state: removed ${countLabel(removed.containers, 'container')} and ${countLabel(removed.runs, 'run')}.`;
}
