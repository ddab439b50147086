import type { RunStatus } from '../../../../shared/runs/run-event';
import { StatusBadge } from '../../ui/status-badge';
import { type Interruption, runStatusPresentation } from './run-status';

export function RunStatusBadge({ status, interrupted }: { status: RunStatus; interrupted?: Interruption }) {
  const { label, tone, description } = runStatusPresentation(status, interrupted);
  return (
    <StatusBadge tone={tone} dot title={description}>
      {label}
    </StatusBadge>
  );
}
