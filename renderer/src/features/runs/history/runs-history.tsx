import type { RunSummary } from '../../../../../shared/api/schemas/run';
import { hrefFor } from '../../../app/routes';
import type { Column } from '../../../ui/data-table';
import { StatusBadge } from '../../../ui/status-badge';
import { RunStatusBadge } from '../run-status-badge';
import { RunsTable, runColumns } from '../runs-table';
import { InterruptedActions } from './interrupted-actions';

// The run history: every run with its outcome, each opening its run view (read-only once ended).
// A run left open by a crash is marked, with Resume and Close right on its row.

function columns(interrupted: ReadonlySet<string>): Column<RunSummary>[] {
  return [
    {
      ...runColumns.id,
      width: '178px',
      cell: (run) =>
        run.status === 'unreadable' ? (
          <span title={run.id}>{run.id}</span>
        ) : (
          <a href={hrefFor('runs', run.id)} title={`Open run ${run.id}`}>
            {run.id}
          </a>
        ),
    },
    {
      ...runColumns.status,
      width: '118px',
      cell: (run) =>
        interrupted.has(run.id) ? (
          <StatusBadge tone="warning" dot title="No end recorded and no app drives it: left open by a crash">
            Interrupted
          </StatusBadge>
        ) : (
          <RunStatusBadge status={run.status} />
        ),
    },
    { ...runColumns.version, width: '84px' },
    { ...runColumns.strategy, width: '96px' },
    runColumns.environment,
    { ...runColumns.operator, width: '124px' },
    { ...runColumns.started, width: '132px' },
    { ...runColumns.duration, header: 'Took', width: '72px' },
  ];
}

export function RunsHistory({
  runs,
  interrupted,
  onChanged,
}: {
  runs: readonly RunSummary[];
  interrupted: ReadonlySet<string>;
  onChanged(): void;
}) {
  return (
    <RunsTable
      runs={runs}
      label="Runs"
      columns={columns(interrupted)}
      detail={(run) =>
        interrupted.has(run.id) ? (
          <div className="interrupted-row">
            <p>
              Left open: no end is recorded and this app is not driving it (a crash, a closed window, or another
              machine). Resume it from the step it was in, or close it as failed with a reason.
            </p>
            <InterruptedActions runId={run.id} onDone={onChanged} />
          </div>
        ) : null
      }
    />
  );
}
