import type { Problem } from '../../../../shared/api/schemas/common';
import { countLabel } from '../../lib/format-problem';
import { CircleAlert, CircleCheck } from '../../ui/icons';
import { StatusBadge } from '../../ui/status-badge';

/**
 * The status column of a project file's row: no problems found, or how many (listed under the row).
 * It says "no problems" rather than "valid" because it reports what the reader checked, no more.
 */
export function ProblemsCell({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) {
    return (
      <StatusBadge tone="success" icon={<CircleCheck aria-hidden />}>
        No problems
      </StatusBadge>
    );
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <StatusBadge tone={errors ? 'danger' : 'warning'} icon={<CircleAlert aria-hidden />}>
      {countLabel(problems.length, 'problem')}
    </StatusBadge>
  );
}
