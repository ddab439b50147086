import type { RunStatus } from '../../../../shared/runs/run-event';
import { StatusBadge } from '../../ui/status-badge';
import { runStatusPresentation } from './run-status';

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { label, tone, description } = runStatusPresentation(status);
  return (
    <StatusBadge tone={tone} dot title={description}>
      {label}
    </StatusBadge>
  );
}
