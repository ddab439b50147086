import { lazy, Suspense } from 'react';
import type { RunSummary } from '../../../../shared/api/schemas/run';
import { useHashRoute } from '../../app/navigation';
import { hrefFor } from '../../app/routes';
import { countLabel } from '../../lib/format-problem';
import type { Column } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { FileText } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { useRuns } from '../runs/runs-store';
import { RunsTable, runColumns } from '../runs/runs-table';
import { useRunsOnVisit } from '../runs/use-runs-on-visit';

// The reports screen: every readable run, each with a link to its report (`#/reports/<run-id>`).
const ReportView = lazy(() => import('./report-view').then((m) => ({ default: m.ReportView })));

const reportColumn: Column<RunSummary> = {
  key: 'report',
  header: 'Report',
  width: '132px',
  cell: (run) => (
    <a href={hrefFor('reports', run.id)} aria-label={`Open report of ${run.id}`}>
      Open report
    </a>
  ),
};

const columns = [
  runColumns.id,
  runColumns.status,
  runColumns.environment,
  runColumns.version,
  runColumns.ended,
  reportColumn,
];

function ReportableRuns() {
  const { phase, runs, error, load } = useRuns();
  const readable = runs.filter((run) => run.status !== 'unreadable');
  if (phase === 'loading' && runs.length === 0) return <Loading label="Reading run journals…" />;
  if (phase === 'failed') {
    return (
      <LoadFailed title="Could not list the runs" onRetry={() => void load()} padded>
        {error}
      </LoadFailed>
    );
  }
  if (readable.length === 0) {
    return (
      <EmptyState icon={FileText} title="No runs yet" size="compact">
        Each run is listed here from the moment it starts, ready for its report.
      </EmptyState>
    );
  }
  return <RunsTable runs={readable} label="Runs with a report" columns={columns} />;
}

export function ReportsScreen() {
  useRunsOnVisit();
  const runId = useHashRoute().params[0];
  const count = useRuns((state) => state.runs.filter((run) => run.status !== 'unreadable').length);
  return (
    <div className="screen">
      <PageHeader
        title="Reports"
        description="A deployment report is made from a run's journal alone: what was deployed where and by whom, each step's outcome and sign-offs, monitoring figures, issues and any rollback."
      />
      {runId ? (
        <Suspense fallback={<Loading label="Loading the report…" />}>
          <ReportView key={runId} runId={runId} />
        </Suspense>
      ) : (
        <Panel body="flush" title="Runs" description={count ? `${countLabel(count, 'run')}, newest first.` : undefined}>
          <ReportableRuns />
        </Panel>
      )}
    </div>
  );
}
