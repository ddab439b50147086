import type { Problem } from '../../../../shared/api/schemas/common';
import { countLabel } from '../../lib/format-problem';
import { CircleAlert, CircleCheck } from '../../ui/icons';
import { StatusBadge } from '../../ui/status-badge';

/** The status column of a project file's row: valid, or how many problems (listed under the row). */
export function ProblemsCell({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) {
    return (
      <StatusBadge tone="success" icon={<CircleCheck aria-hidden />}>
        Valid
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
