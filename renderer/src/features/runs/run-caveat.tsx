import type { RunSummary } from '../../../../shared/api/schemas/run';
import { AlertTriangle } from '../../ui/icons';
import './run-caveat.css';

// "Succeeded, but the critical alert … fired": shown wherever a run's status is, so a green badge
// never stands alone over a run that was not clean.

export function RunCaveat({ caveat }: { caveat: NonNullable<RunSummary['caveat']> }) {
  return (
    <span className="run-caveat">
      <AlertTriangle size={14} aria-hidden />
      {caveat.text}
    </span>
  );
}
