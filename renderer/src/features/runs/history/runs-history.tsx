import type { RunSummary } from '../../../../../shared/api/schemas/run';
import { hrefFor } from '../../../app/routes';
import { formatDateTime } from '../../../lib/format-time';
import type { Column } from '../../../ui/data-table';
import { StatusBadge } from '../../../ui/status-badge';
import { RunStatusBadge } from '../run-status-badge';
import { RunsTable, runColumns } from '../runs-table';
import { InterruptedActions } from './interrupted-actions';

// The run history: every run with its outcome, each opening its run view (read-only once ended).
// A run left open by a crash is marked, with Resume and Close right on its row.

/** The run as a person names it, "v1.2.0 to staging", opening its view; its id and runbook under it. */
function RunCell({ run }: { run: RunSummary }) {
  if (run.status === 'unreadable' && !run.startedAt) {
    return (
      <span className="cell-primary mono" title={run.id}>
        {run.id}
      </span>
    );
  }
  return (
    <>
      <a className="cell-primary run-link" href={hrefFor('runs', run.id)}>
        {run.version} to {run.environment}
      </a>
      <span className="cell-secondary">
        <span className="mono">{run.id}</span> · {run.runbook}
      </span>
    </>
  );
}

function columns(interrupted: ReadonlySet<string>): Column<RunSummary>[] {
  return [
    { key: 'run', header: 'Run', cell: (run) => <RunCell run={run} /> },
    {
      ...runColumns.status,
      width: '224px',
      cell: (run) =>
        run.status === 'open' && run.interrupted ? (
          <RunStatusBadge status={run.status} interrupted={run.interrupted} />
        ) : interrupted.has(run.id) ? (
          <StatusBadge tone="warning" dot title="No end recorded and no app drives it: left open by a crash">
            Left open — resume or close
          </StatusBadge>
        ) : (
          <RunStatusBadge status={run.status} />
        ),
    },
    { ...runColumns.strategy, width: '112px' },
    { ...runColumns.operator, width: '132px' },
    { ...runColumns.started, width: '150px' },
    { ...runColumns.duration, header: 'Took', width: '92px' },
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
            {run.interrupted ? (
              <p>
                Interrupted at a safe point: {run.interrupted.reason} (by {run.interrupted.by},{' '}
                {formatDateTime(run.interrupted.at)}). Nothing drives it now; it keeps its deploy lock. Resume it from
                the step it was in, or close it as failed with a reason.
              </p>
            ) : (
              <p>
                Left open: no end is recorded and no app here drives it (a crash, a closed window, or another machine).
                Resume it from the step it was in, or close it as failed with a reason.
              </p>
            )}
            <InterruptedActions runId={run.id} onDone={onChanged} />
          </div>
        ) : null
      }
    />
  );
}
