import { countLabel } from '../../lib/format-problem';
import { Banner } from '../../ui/banner';
import { EmptyState } from '../../ui/empty-state';
import { FileText } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { isFinished } from '../runs/run-status';
import { useRuns } from '../runs/runs-store';
import { RunsTable, runColumns } from '../runs/runs-table';
import { useRunsOnVisit } from '../runs/use-runs-on-visit';

const columns = [runColumns.id, runColumns.status, runColumns.environment, runColumns.version, runColumns.ended];

function FinishedRuns() {
  const { phase, runs, error, load } = useRuns();
  const finished = runs.filter((run) => isFinished(run.status));
  if (phase === 'loading' && runs.length === 0) return <Loading label="Reading run journals…" />;
  if (phase === 'failed') {
    return (
      <LoadFailed title="Could not list the runs" onRetry={() => void load()} padded>
        {error}
      </LoadFailed>
    );
  }
  if (finished.length === 0) {
    return (
      <EmptyState icon={FileText} title="No finished runs yet" size="compact">
        When a run ends (succeeded, failed, rolled back or aborted) it is listed here, ready for its report.
      </EmptyState>
    );
  }
  return <RunsTable runs={finished} label="Finished runs" columns={columns} />;
}

export function ReportsScreen() {
  useRunsOnVisit();
  const finishedCount = useRuns((state) => state.runs.filter((run) => isFinished(run.status)).length);
  return (
    <div className="screen">
      <PageHeader
        title="Reports"
        description="A deployment report is generated from a finished run's journal: what was deployed where and by whom, each step's outcome and sign-offs, health and monitoring figures, and any rollback."
      />
      <Banner tone="info">
        Generating the report is coming with the report feature. Until then this screen lists the finished runs a report
        will be made from.
      </Banner>
      <Panel
        body="flush"
        title="Finished runs"
        description={finishedCount ? `${countLabel(finishedCount, 'run')}, newest first.` : undefined}
      >
        <FinishedRuns />
      </Panel>
    </div>
  );
}
