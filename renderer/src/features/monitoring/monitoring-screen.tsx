import { lazy, Suspense } from 'react';
import type { RunSummary } from '../../../../shared/api/schemas/run';
import { useHashRoute } from '../../app/navigation';
import { hrefFor } from '../../app/routes';
import { countLabel } from '../../lib/format-problem';
import type { Column } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { useRuns } from '../runs/runs-store';
import { RunsTable, runColumns } from '../runs/runs-table';
import { useRunsOnVisit } from '../runs/use-runs-on-visit';
import { Activity } from './monitoring-icons';

// The monitoring screen: `#/monitoring` lists the runs, `#/monitoring/<run-id>` charts one. The
// charts (and uPlot) load as their own chunk, so the app's first paint does not wait for them.
const MonitoringView = lazy(() => import('./monitoring-view').then((m) => ({ default: m.MonitoringView })));

const openColumn: Column<RunSummary> = {
  key: 'monitoring',
  header: 'Monitoring',
  width: '140px',
  cell: (run) => (
    <a href={hrefFor('monitoring', run.id)} aria-label={`Open charts of ${run.id}`}>
      Open charts
    </a>
  ),
};

const columns = [
  runColumns.id,
  runColumns.status,
  runColumns.environment,
  runColumns.version,
  runColumns.started,
  openColumn,
];

function RunList() {
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
      <EmptyState icon={Activity} title="No runs yet" size="compact">
        A run’s probe figures and alert states appear here from the moment its monitoring starts.
      </EmptyState>
    );
  }
  return <RunsTable runs={readable} label="Runs" columns={columns} />;
}

export function MonitoringScreen() {
  useRunsOnVisit();
  const runId = useHashRoute().params[0];
  const count = useRuns((state) => state.runs.filter((run) => run.status !== 'unreadable').length);
  return (
    <div className="screen">
      <PageHeader
        title="Monitoring"
        description="Error rate, latency, availability and throughput over a run, with its alert rules’ thresholds and states and the downtime measured at the cutover."
      />
      {runId ? (
        <Suspense fallback={<Loading label="Loading the charts…" />}>
          <MonitoringView key={runId} runId={runId} />
        </Suspense>
      ) : (
        <Panel body="flush" title="Runs" description={count ? `${countLabel(count, 'run')}, newest first.` : undefined}>
          <RunList />
        </Panel>
      )}
    </div>
  );
}
